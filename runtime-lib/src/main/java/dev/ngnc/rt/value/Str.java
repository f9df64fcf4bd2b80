package dev.ngnc.rt.value;

import dev.ngnc.rt.base.NgnError;

import java.util.Locale;

/**
 * ngn string methods (spec 6.1) as statics taking the receiver first. Lengths and offsets
 * are UTF-8 <em>byte</em> offsets; {@code s[i]} and {@code split()} work on code points. An
 * offset that falls inside a character ⇒ Internal {@code byte index N is not a char boundary}.
 */
public final class Str {
    private static final String[] ASCII = new String[128];

    static {
        for (int i = 0; i < ASCII.length; i++) {
            ASCII[i] = String.valueOf((char) i).intern();
        }
    }

    private Str() {
    }

    /** ngn {@code s.length()}: the number of UTF-8 bytes ({@code "é".length() ⇒ 2}). */
    public static long length(String s) {
        return Utf8.byteLength(s);
    }

    /**
     * ngn {@code s[i]}: the code point at index {@code i} as a string. {@code i} is checked
     * against the byte length (RT {@code String index out of bounds: i}); an index past the
     * last code point of a non-ASCII string ⇒ Internal {@code String index out of bounds: i}.
     */
    public static String charAt(String s, long i) {
        long len = Utf8.byteLength(s);
        if (i < 0 || i >= len) {
            throw NgnError.runtime("String index out of bounds: " + i);
        }
        if (len == s.length()) { // ASCII
            return ASCII[s.charAt((int) i)];
        }
        if (i >= s.codePointCount(0, s.length())) {
            throw NgnError.internal("String index out of bounds: " + i);
        }
        int at = s.offsetByCodePoints(0, (int) i);
        int cp = s.codePointAt(at);
        return cp < 0x80 ? ASCII[cp] : new String(Character.toChars(cp));
    }

    /** ngn {@code s.index(p)}: byte offset of the first {@code p}, or -1. */
    public static long index(String s, String p) {
        return index(s, p, 0);
    }

    /**
     * ngn {@code s.index(p, start)}: byte offset of the first {@code p} at or after byte
     * {@code start} (negative ⇒ 0), or -1; {@code start >= length} ⇒ -1.
     */
    public static long index(String s, String p, long start) {
        if (start < 0) {
            start = 0;
        }
        long len = Utf8.byteLength(s);
        if (start >= len) {
            return -1;
        }
        if (len == s.length()) { // ASCII
            return s.indexOf(p, (int) start);
        }
        int from = Utf8.charIndex(s, start);
        int at = s.indexOf(p, from);
        return at < 0 ? -1 : Utf8.byteOffset(s, at);
    }

    /** ngn {@code s.includes(p)}. */
    public static boolean includes(String s, String p) {
        return s.contains(p);
    }

    /** ngn {@code s.starts(p)}. */
    public static boolean starts(String s, String p) {
        return s.startsWith(p);
    }

    /** ngn {@code s.ends(p)}. */
    public static boolean ends(String s, String p) {
        return s.endsWith(p);
    }

    /** ngn {@code s.split()}: the code points as one-character strings. */
    public static NgnArray split(String s) {
        NgnArray out = NgnArray.withCapacity(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            out.push(cp < 0x80 ? ASCII[cp] : s.substring(i, i + n));
            i += n;
        }
        return out;
    }

    /**
     * ngn {@code s.split(d)}: all pieces between occurrences of {@code d}, including empty ones
     * ({@code "a.b.".split(".") ⇒ [a, b, ]}). An empty {@code d} gives
     * {@code ["", each code point…, ""]} (as Rust does).
     */
    public static NgnArray split(String s, String d) {
        if (d.isEmpty()) {
            NgnArray out = split(s);
            out.push("", 0);
            out.push("");
            return out;
        }
        NgnArray out = NgnArray.empty();
        int from = 0;
        int at;
        while ((at = s.indexOf(d, from)) >= 0) {
            out.push(s.substring(from, at));
            from = at + d.length();
        }
        out.push(s.substring(from));
        return out;
    }

    /** ngn {@code s.replace(from, to)} with a string pattern: replaces the first occurrence only. */
    public static String replace(String s, String from, String to) {
        int at = s.indexOf(from);
        if (at < 0) {
            return s;
        }
        return s.substring(0, at) + to + s.substring(at + from.length());
    }

    /**
     * ngn {@code s.replace(/re/flags, to)}: replaces the first match, or all with flag
     * {@code g}; {@code $1}, {@code ${name}}, {@code $$} are expanded in {@code to}.
     */
    public static String replace(String s, NgnRegex re, String to) {
        return re.replace(s, to);
    }

    /** ngn {@code s.copy()}. */
    public static String copy(String s) {
        return s;
    }

    /** ngn {@code s.copy(start)}: bytes from {@code start} (negative ⇒ 0) to the end. */
    public static String copy(String s, long start) {
        return copy(s, start, -1);
    }

    /**
     * ngn {@code s.copy(start, stop)}: bytes {@code [start, stop)}; negative start ⇒ 0,
     * negative stop ⇒ length; {@code start > stop} or {@code stop > length} ⇒ Internal
     * {@code Range out of bounds}.
     */
    public static String copy(String s, long start, long stop) {
        long len = Utf8.byteLength(s);
        if (start < 0) {
            start = 0;
        }
        if (stop < 0) {
            stop = len;
        }
        if (start > stop || stop > len) {
            throw NgnError.internal("Range out of bounds");
        }
        return substringBytes(s, start, stop, len);
    }

    private static String substringBytes(String s, long start, long stop, long len) {
        if (len == s.length()) { // ASCII
            return s.substring((int) start, (int) stop);
        }
        return s.substring(Utf8.charIndex(s, start), Utf8.charIndex(s, stop));
    }

    private static long checkSlice(String s, long start, long stop) {
        if (start < 0) {
            throw NgnError.internal("slice() start must be integer");
        }
        if (stop < 0) {
            throw NgnError.internal("slice() stop must be integer");
        }
        long len = Utf8.byteLength(s);
        if (start > stop || stop > len) {
            throw NgnError.internal("Range out of bounds");
        }
        return len;
    }

    /** The value of ngn {@code s.slice(start)}: the removed bytes from {@code start} on. */
    public static String sliceTaken(String s, long start) {
        return sliceTaken(s, start, Utf8.byteLength(s));
    }

    /**
     * The value of ngn {@code s.slice(start, stop)}: the removed bytes {@code [start, stop)}.
     * Negative start ⇒ Internal {@code slice() start must be integer}; {@code start > stop} or
     * {@code stop > length} ⇒ Internal {@code Range out of bounds}.
     */
    public static String sliceTaken(String s, long start, long stop) {
        long len = checkSlice(s, start, stop);
        return substringBytes(s, start, stop, len);
    }

    /** What stays in the variable after ngn {@code s.slice(start)}. */
    public static String sliceRest(String s, long start) {
        return sliceRest(s, start, Utf8.byteLength(s));
    }

    /** What stays in the variable after ngn {@code s.slice(start, stop)}. */
    public static String sliceRest(String s, long start, long stop) {
        long len = checkSlice(s, start, stop);
        int from;
        int to;
        if (len == s.length()) {
            from = (int) start;
            to = (int) stop;
        } else {
            from = Utf8.charIndex(s, start);
            to = Utf8.charIndex(s, stop);
        }
        return s.substring(0, from).concat(s.substring(to));
    }

    /** ngn {@code s.upper()}: full Unicode upper-casing ({@code ß ⇒ SS}). */
    public static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** ngn {@code s.lower()}: full Unicode lower-casing. */
    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** ngn {@code s.trim()}: strips leading and trailing Unicode {@code White_Space}. */
    public static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhiteSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isWhiteSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** The Unicode {@code White_Space} property (all such code points are in the BMP). */
    static boolean isWhiteSpace(char c) {
        if (c <= 0x20) {
            return c == ' ' || (c >= 0x09 && c <= 0x0D);
        }
        if (c < 0x85) {
            return false;
        }
        return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /** ngn {@code s.repeat(n)}: {@code s} n times; {@code n < 0} ⇒ Internal {@code repeat() expects integer count}. */
    public static String repeat(String s, long n) {
        if (n < 0) {
            throw NgnError.internal("repeat() expects integer count");
        }
        if (n * (long) s.length() > Integer.MAX_VALUE - 16 || n > Integer.MAX_VALUE) {
            throw NgnError.internal("capacity overflow");
        }
        return s.repeat((int) n);
    }
}
