package dev.ngnc.lsp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The server's input, re-framed before lsp4j reads it. lsp4j's reader loses the framing for good after a header
 * without a usable {@code Content-Length} (a missing or non-numeric one): the frame's body is then read as the next
 * header and swallows every frame after it. Here a frame is accepted only with a valid length; anything else is
 * skipped up to the next {@code Content-Length:} (one line on stderr), so the server resynchronises on the next
 * well-formed message. A body shorter than its length is the client's problem (the bytes are taken as that body).
 */
final class FrameInput extends InputStream {
    private static final byte[] NAME = "content-length:".getBytes(StandardCharsets.US_ASCII);
    /** Larger bodies are refused (a corrupt length would otherwise make the server wait for gigabytes). */
    static final int MAX_BODY = 256 << 20;

    private final InputStream in;
    private byte[] frame = new byte[0];
    private int pos;
    private boolean eof;

    FrameInput(InputStream in) { this.in = in; }

    @Override
    public int read() throws IOException {
        if (pos == frame.length && !nextFrame()) return -1;
        return frame[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (pos == frame.length && !nextFrame()) return -1;
        int n = Math.min(len, frame.length - pos);
        System.arraycopy(frame, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() { return frame.length - pos; }

    @Override
    public void close() throws IOException { in.close(); }

    /** Reads the next well-formed frame into {@link #frame}; false at the end of the input. */
    private boolean nextFrame() throws IOException {
        while (!eof) {
            if (!skipToName()) return false;
            String header = readHeaderRest();
            if (header == null) return false;
            String value = header.lines().findFirst().orElse("").strip();
            int length = parseLength(value);
            if (length < 0) {
                System.err.println("ngnc lsp: skipped a message with a bad Content-Length header: '" + value + "'");
                continue;
            }
            byte[] body = in.readNBytes(length);
            if (body.length < length) eof = true;
            byte[] head = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            frame = new byte[head.length + body.length];
            System.arraycopy(head, 0, frame, 0, head.length);
            System.arraycopy(body, 0, frame, head.length, body.length);
            pos = 0;
            return true;
        }
        return false;
    }

    /**
     * Consumes input up to and including {@code Content-Length:} (any case). Skipped bytes are logged unless they are
     * white space or header lines ({@code Content-Type: …} may come first).
     */
    private boolean skipToName() throws IOException {
        int matched = 0;
        StringBuilder skipped = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                eof = true;
                if (isJunk(skipped)) System.err.println("ngnc lsp: skipped bytes that are not a message at the end of the input");
                return false;
            }
            int lower = c >= 'A' && c <= 'Z' ? c + 32 : c;
            if (lower == NAME[matched]) {
                if (++matched == NAME.length) {
                    if (isJunk(skipped)) {
                        System.err.println("ngnc lsp: skipped bytes that are not a message (no Content-Length header)");
                    }
                    return true;
                }
            } else {
                if (skipped.length() < 4096) skipped.append(new String(NAME, 0, matched, StandardCharsets.US_ASCII)).append((char) c);
                else skipped.setCharAt(0, '{'); // long: not a header
                matched = lower == NAME[0] ? 1 : 0;
            }
        }
    }

    /** Anything but white space and {@code Name: value} lines. */
    static boolean isJunk(CharSequence skipped) {
        for (String line : skipped.toString().split("\\r?\\n")) {
            String l = line.strip();
            if (l.isEmpty()) continue;
            int colon = l.indexOf(':');
            if (colon <= 0) return true;
            for (int i = 0; i < colon; i++) {
                char ch = l.charAt(i);
                if (!(Character.isLetterOrDigit(ch) || ch == '-')) return true;
            }
        }
        return false;
    }

    /** The rest of the header after the name, up to the blank line (consumed); null at the end of the input. */
    private String readHeaderRest() throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        int newlines = 0;
        while (true) {
            int c = in.read();
            if (c < 0) {
                eof = true;
                return null;
            }
            if (c == '\n') {
                if (++newlines == 2) return header.toString(StandardCharsets.US_ASCII);
            } else if (c != '\r') {
                newlines = 0;
            }
            header.write(c);
            if (header.size() > 8192) return ""; // not a header: reported as a bad length, then resynchronised
        }
    }

    static int parseLength(String value) {
        if (value.isEmpty() || value.length() > 10) return -1;
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < '0' || ch > '9') return -1;
            n = n * 10 + (ch - '0');
        }
        return n > MAX_BODY ? -1 : (int) n;
    }
}
