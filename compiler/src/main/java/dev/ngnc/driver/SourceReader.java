package dev.ngnc.driver;

import dev.ngnc.diag.Diagnostics;
import dev.ngnc.source.SourceFile;
import dev.ngnc.source.Span;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads an ngn source file from disk into a {@link SourceFile}.
 *
 * <p>Decoding is strict UTF-8 (a leading byte-order mark is dropped). Every problem — missing file,
 * directory, unreadable file, invalid UTF-8, empty file — becomes an error in the given
 * {@link Diagnostics} and the method returns null; it never throws for bad input.
 *
 * <p>Diagnostics about the file as a whole (it cannot be read at all) carry a null span: the
 * renderer prints them at {@code 1:1} without a source line.
 */
public final class SourceReader {
    private SourceReader() {}

    /** Largest source file accepted; anything bigger is surely not an ngn program. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /**
     * Reads {@code path}; {@code displayPath} is how diagnostics name the file (as the user wrote it).
     * Returns null (with an error in {@code d}) when the file is missing, unreadable, not valid
     * UTF-8, or empty.
     */
    public static SourceFile read(Path path, String displayPath, Diagnostics d) {
        String shown = displayPath == null ? String.valueOf(path) : displayPath;
        SourceFile noText = new SourceFile(shown, path, "");
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                d.error(noText, null, "'" + shown + "' is a directory, not an ngn source file");
                return null;
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                d.error(noText, null, "file is too large (" + size + " bytes; at most " + MAX_BYTES + " are accepted)");
                return null;
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            d.error(noText, null, "file not found: " + shown);
            return null;
        } catch (AccessDeniedException e) {
            d.error(noText, null, "cannot read file: permission denied");
            return null;
        } catch (IOException | SecurityException | OutOfMemoryError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            d.error(noText, null, "cannot read file: " + why);
            return null;
        }
        return decode(bytes, path, shown, d);
    }

    /** Decodes {@code bytes} as strict UTF-8; reports the first malformed sequence at its line and column. */
    static SourceFile decode(byte[] bytes, Path path, String shown, Diagnostics d) {
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            offset = 3; // UTF-8 byte-order mark: not part of the program text
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(bytes.length - offset + 1);
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult r = strict.decode(in, out, true);
        if (!r.isError()) r = strict.flush(out);
        if (r.isError()) {
            int badByteIndex = in.position();
            int charOffset = out.position();
            // Show the line with the bad bytes replaced (U+FFFD) so the caret has something to point at.
            String lenient = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
            SourceFile file = new SourceFile(shown, path, lenient);
            String prefix = out.flip().toString();
            Span span = spanAt(prefix, charOffset);
            d.error(file, span,
                    String.format("file is not valid UTF-8: invalid byte 0x%02X at byte offset %d", bytes[badByteIndex] & 0xFF, badByteIndex),
                    "ngn source files must be encoded as UTF-8");
            return null;
        }
        String text = out.flip().toString();
        SourceFile file = new SourceFile(shown, path, text);
        if (text.isEmpty()) {
            d.error(file, new Span(0, 0, 1, 1), "file is empty", "an ngn program needs a `fn main()`");
            return null;
        }
        return file;
    }

    /** A one-char span at char offset {@code at}, whose text before it is {@code prefix}. */
    private static Span spanAt(String prefix, int at) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < prefix.length(); i++) {
            if (prefix.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int col = prefix.codePointCount(lineStart, prefix.length()) + 1;
        return new Span(at, at + 1, line, col);
    }
}
