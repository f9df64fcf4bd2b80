package dev.ngnc.source;

import java.nio.file.Path;

/** One ngn source file as read from disk: its display path (as the user wrote it) and its text. */
public record SourceFile(String displayPath, Path path, String text) {

    /** Text of the 1-based line {@code line}, without its terminator (empty when out of range). */
    public String lineText(int line) {
        int start = 0;
        for (int current = 1; current < line; current++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) return "";
            start = nl + 1;
        }
        int end = text.indexOf('\n', start);
        String s = end < 0 ? text.substring(start) : text.substring(start, end);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** File name without directories, e.g. {@code main.ngn}; used for JVM SourceFile attributes. */
    public String fileName() {
        Path name = path.getFileName();
        return name == null ? displayPath : name.toString();
    }

    /** The display path: a diagnostic's (or a test message's) text must not carry the whole source with it. */
    @Override
    public String toString() {
        return displayPath;
    }
}
