package dev.ngnc.rt.value;

import dev.ngnc.rt.base.NgnError;

import java.nio.charset.StandardCharsets;

/**
 * UTF-8 helpers: byte lengths and byte-offset ↔ UTF-16-index conversion for ngn's byte-based
 * string offsets, and Rust-compatible validation / lossy decoding for bytes.
 */
final class Utf8 {
    private Utf8() {
    }

    /** Cache of the last long string measured (strings are immutable; identity compared). */
    private record Measured(String s, long bytes) {
    }

    private static volatile Measured last = new Measured("", 0);

    /** UTF-8 byte length of {@code s} without encoding it. */
    static long byteLength(String s) {
        int n = s.length();
        if (n >= 64) {
            Measured m = last;
            if (m.s == s) {
                return m.bytes;
            }
        }
        long bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                bytes += c < 0x800 ? 1 : (Character.isSurrogate(c) ? 1 : 2);
            }
        }
        if (n >= 64) {
            last = new Measured(s, bytes);
        }
        return bytes;
    }

    /** True iff every char of {@code s} is ASCII (then byte offsets equal char indices). */
    static boolean isAscii(String s) {
        return byteLength(s) == s.length();
    }

    /** UTF-8 length of the char at index {@code i} (a surrogate half counts 2). */
    private static int unitBytes(char c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800 || Character.isSurrogate(c)) {
            return 2;
        }
        return 3;
    }

    /**
     * The UTF-16 index in {@code s} of byte offset {@code off} (0 ≤ off ≤ byte length).
     * An offset inside a character ⇒ Internal {@code byte index N is not a char boundary}.
     */
    static int charIndex(String s, long off) {
        long b = 0;
        int n = s.length();
        int i = 0;
        while (i < n && b < off) {
            b += unitBytes(s.charAt(i));
            i++;
        }
        if (b != off || (i > 0 && i < n && Character.isHighSurrogate(s.charAt(i - 1))
                && Character.isLowSurrogate(s.charAt(i)))) {
            throw NgnError.internal("byte index " + off + " is not a char boundary");
        }
        return i;
    }

    /** The UTF-8 byte offset of UTF-16 index {@code idx} in {@code s}. */
    static long byteOffset(String s, int idx) {
        long b = 0;
        for (int i = 0; i < idx; i++) {
            b += unitBytes(s.charAt(i));
        }
        return b;
    }

    static byte[] encode(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Validates {@code b[from..to)} as Rust does. Returns -1 if valid; otherwise the index of the
     * first invalid byte in bits 0..31 and the error length (1..3, or 0 for "incomplete at
     * end") in bits 32..39.
     */
    static long validate(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int first = b[i] & 0xff;
            if (first < 0x80) {
                i++;
                continue;
            }
            int start = i;
            int width = first >= 0xC2 && first <= 0xDF ? 2
                    : first >= 0xE0 && first <= 0xEF ? 3
                    : first >= 0xF0 && first <= 0xF4 ? 4 : 0;
            if (width == 0) {
                return err(start, 1);
            }
            if (i + 1 >= to) {
                return err(start, 0);
            }
            int second = b[i + 1] & 0xff;
            boolean secondOk = switch (width) {
                case 2 -> isCont(second);
                case 3 -> first == 0xE0 ? second >= 0xA0 && second <= 0xBF
                        : first == 0xED ? second >= 0x80 && second <= 0x9F : isCont(second);
                default -> first == 0xF0 ? second >= 0x90 && second <= 0xBF
                        : first == 0xF4 ? second >= 0x80 && second <= 0x8F : isCont(second);
            };
            if (!secondOk) {
                return err(start, 1);
            }
            for (int k = 2; k < width; k++) {
                if (i + k >= to) {
                    return err(start, 0);
                }
                if (!isCont(b[i + k] & 0xff)) {
                    return err(start, k);
                }
            }
            i += width;
        }
        return -1;
    }

    private static boolean isCont(int x) {
        return (x & 0xC0) == 0x80;
    }

    private static long err(int index, int len) {
        return ((long) len << 32) | index;
    }

    /** Decodes like Rust's {@code String::from_utf8_lossy}: one U+FFFD per invalid sequence. */
    static String decodeLossy(byte[] b) {
        long r = validate(b, 0, b.length);
        if (r < 0) {
            return new String(b, StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder(b.length);
        int pos = 0;
        while (true) {
            r = validate(b, pos, b.length);
            if (r < 0) {
                sb.append(new String(b, pos, b.length - pos, StandardCharsets.UTF_8));
                return sb.toString();
            }
            int bad = (int) r;
            int len = (int) (r >>> 32);
            sb.append(new String(b, pos, bad - pos, StandardCharsets.UTF_8)).append('\uFFFD');
            if (len == 0) {
                return sb.toString();
            }
            pos = bad + len;
        }
    }

    /**
     * Strict decoding; invalid input ⇒ RT {@code Invalid UTF-8 in bytes: <Rust Utf8Error text>}.
     */
    static String decodeStrict(byte[] b) {
        long r = validate(b, 0, b.length);
        if (r < 0) {
            return new String(b, StandardCharsets.UTF_8);
        }
        int bad = (int) r;
        int len = (int) (r >>> 32);
        String why = len == 0
                ? "incomplete utf-8 byte sequence from index " + bad
                : "invalid utf-8 sequence of " + len + " bytes from index " + bad;
        throw NgnError.runtime("Invalid UTF-8 in bytes: " + why);
    }
}
