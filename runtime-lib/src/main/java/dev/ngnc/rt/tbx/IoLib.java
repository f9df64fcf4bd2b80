package dev.ngnc.rt.tbx;

import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.value.Unit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * {@code tbx::io} (spec 11.6): {@code read}, {@code write}, {@code append}, {@code delete},
 * {@code exists}. Paths are relative to the working directory. Failures are values, never
 * exceptions: {@code Error("Failed to read '<path>': <reason>")} (also {@code write},
 * {@code append to}, {@code delete}) where the reason is worded like Rust's {@code io::Error}:
 * the C library's text and the errno, e.g. {@code No such file or directory (os error 2)}.
 */
public final class IoLib {
    private IoLib() {
    }

    /** ngn {@code read(path)}: the file's text ({@code Ok}) — it must be valid UTF-8. */
    public static NgnEnum read(String path) {
        try {
            byte[] data = Files.readAllBytes(path(path));
            try {
                String text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(data)).toString();
                return NgnEnum.ok(text);
            } catch (CharacterCodingException e) {
                return failure("read", path, "stream did not contain valid UTF-8");
            }
        } catch (IOException | RuntimeException e) {
            return failure("read", path, reason(e));
        }
    }

    /** ngn {@code write(path, text)}: creates or truncates the file; {@code Ok(void)}. */
    public static NgnEnum write(String path, String text) {
        try {
            Files.write(path(path), text.getBytes(StandardCharsets.UTF_8));
            return NgnEnum.ok(Unit.VOID);
        } catch (IOException | RuntimeException e) {
            return failure("write", path, reason(e));
        }
    }

    /** ngn {@code append(path, text)}: appends, creating the file if needed; {@code Ok(void)}. */
    public static NgnEnum append(String path, String text) {
        try {
            Files.write(path(path), text.getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            return NgnEnum.ok(Unit.VOID);
        } catch (IOException | RuntimeException e) {
            return failure("append to", path, reason(e));
        }
    }

    /** ngn {@code delete(path)}: removes a file (not a directory); {@code Ok(void)}. */
    public static NgnEnum delete(String path) {
        try {
            Path p = path(path);
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                // Rust's remove_file is unlink(2), which refuses directories
                return failure("delete", path, "Is a directory (os error 21)");
            }
            Files.delete(p);
            return NgnEnum.ok(Unit.VOID);
        } catch (IOException | RuntimeException e) {
            return failure("delete", path, reason(e));
        }
    }

    /** ngn {@code exists(path)}: whether something is there (following symbolic links). */
    public static boolean exists(String path) {
        try {
            return !path.isEmpty() && Files.exists(Path.of(path));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Path path(String path) throws NoSuchFileException {
        if (path.isEmpty()) {
            throw new NoSuchFileException(path); // Path.of("") would be the working directory
        }
        return Path.of(path);
    }

    private static NgnEnum failure(String verb, String path, String reason) {
        return NgnEnum.error("Failed to " + verb + " '" + path + "': " + reason);
    }

    /** strerror(3) texts (glibc) → errno, for FileSystemException reasons. */
    private static final Map<String, Integer> ERRNO = Map.ofEntries(
            Map.entry("Operation not permitted", 1),
            Map.entry("No such file or directory", 2),
            Map.entry("Input/output error", 5),
            Map.entry("Permission denied", 13),
            Map.entry("Device or resource busy", 16),
            Map.entry("File exists", 17),
            Map.entry("Not a directory", 20),
            Map.entry("Is a directory", 21),
            Map.entry("Invalid argument", 22),
            Map.entry("Too many open files", 24),
            Map.entry("Text file busy", 26),
            Map.entry("File too large", 27),
            Map.entry("No space left on device", 28),
            Map.entry("Read-only file system", 30),
            Map.entry("File name too long", 36),
            Map.entry("Directory not empty", 39),
            Map.entry("Too many levels of symbolic links", 40),
            Map.entry("Disk quota exceeded", 122));

    /** The reason part of an error text, as Rust's {@code io::Error} Display would give it. */
    static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return os("No such file or directory", 2);
        }
        if (e instanceof AccessDeniedException) {
            return os("Permission denied", 13);
        }
        if (e instanceof FileAlreadyExistsException) {
            return os("File exists", 17);
        }
        if (e instanceof NotDirectoryException) {
            return os("Not a directory", 20);
        }
        if (e instanceof DirectoryNotEmptyException) {
            return os("Directory not empty", 39);
        }
        if (e instanceof InvalidPathException) {
            return e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("nul char")
                    ? "file name contained an unexpected NUL byte"
                    : os("Invalid argument", 22);
        }
        String text = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        if (text == null) {
            return os("Input/output error", 5);
        }
        if (text.startsWith("Too many levels of symbolic links")) {
            return os("Too many levels of symbolic links", 40);
        }
        Integer errno = ERRNO.get(text);
        return errno != null ? os(text, errno) : text;
    }

    private static String os(String text, int errno) {
        return text + " (os error " + errno + ")";
    }
}
