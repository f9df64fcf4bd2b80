package dev.ngnc.rt;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Translates Rust-{@code regex} syntax to {@code java.util.regex}: named groups
 * {@code (?P<n>…)} / {@code (?<n>…)} become plain numbered groups (names are recorded, since
 * Rust allows names Java rejects), ASCII classes {@code [[:alpha:]]} become explicit ranges,
 * flag {@code U} swaps greedy and lazy quantifiers, and without {@code m} a {@code $} means
 * end of text ({@code \z}) as in Rust. Perl classes are Unicode-aware and only {@code \n}
 * ends a line, as in Rust.
 */
final class RegexTranslator {
    private RegexTranslator() {
    }

    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("alnum", "0-9A-Za-z"), Map.entry("alpha", "A-Za-z"),
            Map.entry("ascii", "\\x00-\\x7F"), Map.entry("blank", "\\t "),
            Map.entry("cntrl", "\\x00-\\x1F\\x7F"), Map.entry("digit", "0-9"),
            Map.entry("graph", "!-~"), Map.entry("lower", "a-z"), Map.entry("print", " -~"),
            Map.entry("punct", "!-/:-@\\[-`{-~"), Map.entry("space", "\\t\\n\\x0B\\f\\r "),
            Map.entry("upper", "A-Z"), Map.entry("word", "0-9A-Za-z_"),
            Map.entry("xdigit", "0-9A-Fa-f"));

    /** Java flags for the ngn flags ({@code i m s x}; {@code U} is handled in the pattern). */
    static int javaFlags(String flags) {
        int f = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;
        for (char c : flags.toCharArray()) {
            switch (c) {
                case 'i' -> f |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'm' -> f |= Pattern.MULTILINE;
                case 's' -> f |= Pattern.DOTALL;
                case 'x' -> f |= Pattern.COMMENTS;
                case 'U', 'u' -> {
                }
                default -> throw new IllegalArgumentException("unrecognized flag '" + c + "'");
            }
        }
        return f;
    }

    /** The Java pattern for Rust pattern {@code p}; fills {@code names} with name → group number. */
    static String translate(String p, String flags, Map<String, Integer> names) {
        boolean swapGreed = flags.indexOf('U') >= 0;
        boolean multiline = flags.indexOf('m') >= 0 || p.matches("(?s).*\\(\\?[a-zA-Z]*m[a-zA-Z-]*[:)].*");
        StringBuilder out = new StringBuilder(p.length() + 16);
        int groups = 0;
        int classDepth = 0;
        int n = p.length();
        int i = 0;
        while (i < n) {
            char c = p.charAt(i);
            if (c == '\\') {
                int end = escapeEnd(p, i);
                out.append(p, i, end);
                i = end;
                if (classDepth == 0) {
                    i = quantifier(p, i, out, swapGreed);
                }
                continue;
            }
            if (classDepth > 0) {
                if (c == '[' && p.startsWith("[:", i)) {
                    int close = p.indexOf(":]", i + 2);
                    if (close > 0) {
                        String name = p.substring(i + 2, close);
                        boolean neg = name.startsWith("^");
                        String ranges = POSIX.get(neg ? name.substring(1) : name);
                        if (ranges == null) {
                            throw new IllegalArgumentException("invalid ASCII character class '" + name + "'");
                        }
                        out.append(neg ? "[^" : "[").append(ranges).append(']');
                        i = close + 2;
                        continue;
                    }
                }
                if (c == '[') {
                    classDepth++;
                    i = classStart(p, i, out);
                    continue;
                }
                if (c == ']') {
                    classDepth--;
                    out.append(c);
                    i++;
                    if (classDepth == 0) {
                        i = quantifier(p, i, out, swapGreed);
                    }
                    continue;
                }
                out.append(c);
                i++;
                continue;
            }
            switch (c) {
                case '[' -> {
                    classDepth = 1;
                    i = classStart(p, i, out);
                }
                case '(' -> {
                    if (p.startsWith("(?P<", i)) {
                        int close = p.indexOf('>', i);
                        if (close < 0) {
                            throw new IllegalArgumentException("unclosed group name");
                        }
                        names.put(p.substring(i + 4, close), ++groups);
                        out.append('(');
                        i = close + 1;
                    } else if (p.startsWith("(?<", i) && i + 3 < n && p.charAt(i + 3) != '='
                            && p.charAt(i + 3) != '!') {
                        int close = p.indexOf('>', i);
                        if (close < 0) {
                            throw new IllegalArgumentException("unclosed group name");
                        }
                        names.put(p.substring(i + 3, close), ++groups);
                        out.append('(');
                        i = close + 1;
                    } else {
                        if (!p.startsWith("(?", i)) {
                            groups++;
                        }
                        out.append(c);
                        i++;
                    }
                }
                case ')' -> {
                    out.append(c);
                    i = quantifier(p, i + 1, out, swapGreed);
                }
                case '$' -> {
                    out.append(multiline ? "$" : "\\z");
                    i++;
                }
                default -> {
                    out.append(c);
                    i = quantifier(p, i + 1, out, swapGreed);
                }
            }
        }
        return out.toString();
    }

    /** Copies {@code [}, an optional {@code ^} and a leading literal {@code ]}; returns the next index. */
    private static int classStart(String p, int i, StringBuilder out) {
        out.append('[');
        i++;
        if (i < p.length() && p.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            out.append("\\]");
            i++;
        }
        return i;
    }

    /** End index of the escape starting at {@code i} (handles {@code \p{…}}, {@code \x{…}}). */
    private static int escapeEnd(String p, int i) {
        if (i + 1 >= p.length()) {
            return p.length();
        }
        char e = p.charAt(i + 1);
        if ((e == 'p' || e == 'P' || e == 'x') && i + 2 < p.length() && p.charAt(i + 2) == '{') {
            int close = p.indexOf('}', i + 2);
            return close < 0 ? p.length() : close + 1;
        }
        return i + 2;
    }

    /**
     * If a quantifier starts at {@code i}, copies it (swapping greedy/lazy when asked) and
     * returns the index after it; else returns {@code i}.
     */
    private static int quantifier(String p, int i, StringBuilder out, boolean swap) {
        if (i >= p.length()) {
            return i;
        }
        char c = p.charAt(i);
        int end;
        if (c == '*' || c == '+' || c == '?') {
            end = i + 1;
        } else if (c == '{') {
            int close = p.indexOf('}', i);
            if (close < 0 || !p.substring(i + 1, close).matches("\\s*\\d+\\s*(,\\s*\\d*\\s*)?")) {
                return i;
            }
            end = close + 1;
        } else {
            return i;
        }
        out.append(p, i, end);
        boolean lazy = end < p.length() && p.charAt(end) == '?';
        if (lazy) {
            end++;
        }
        if (lazy != swap) {
            out.append('?');
        }
        return end;
    }
}
