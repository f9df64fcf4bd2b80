package dev.ngnc.rt.value;

import com.google.re2j.Pattern;

import java.util.Map;

/**
 * Translates Rust-{@code regex} syntax to the RE2 syntax of RE2/J (shaded into runtime-lib), a linear-time engine
 * of the same family, which rejects what Rust rejects (look-around, back-references). Named groups
 * {@code (?P<n>…)} / {@code (?<n>…)} become plain numbered groups (names are recorded), ASCII classes
 * {@code [[:alpha:]]} become explicit ranges, flag {@code U} swaps greedy and lazy quantifiers, flag {@code x}
 * drops whitespace and {@code #} comments (also when set inline, {@code (?x)} / {@code (?x:…)}, scoped to its group as in
 * Rust: RE2 has no {@code x} flag), without {@code m} a {@code $} means end of text ({@code \z}), and the
 * Perl classes {@code \d \w \s} (and negations outside brackets) are spelled with Unicode properties, since in
 * Rust they are Unicode-aware and in RE2 ASCII.
 */
final class RegexTranslator {
    private RegexTranslator() {
    }

    /** The ASCII class names Rust (and RE2) accept in {@code [[:name:]]}; RE2 spells them the same way. */
    private static final java.util.Set<String> POSIX = java.util.Set.of("alnum", "alpha", "ascii", "blank", "cntrl",
            "digit", "graph", "lower", "print", "punct", "space", "upper", "word", "xdigit");

    /** RE2/J flags for the ngn flags ({@code i m s}; {@code U} and {@code x} are handled in the pattern). */
    static int engineFlags(String flags) {
        int f = 0;
        for (char c : flags.toCharArray()) {
            switch (c) {
                case 'i' -> f |= Pattern.CASE_INSENSITIVE;
                case 'm' -> f |= Pattern.MULTILINE;
                case 's' -> f |= Pattern.DOTALL;
                case 'x', 'U', 'u' -> {
                }
                default -> throw new IllegalArgumentException("unrecognized flag '" + c + "'");
            }
        }
        return f;
    }

    private static final String WORD = "\\p{L}\\p{M}\\p{Nd}\\p{Pc}";
    private static final String SPACE = "\\t\\n\\x{0B}\\f\\r \\x{85}\\p{Z}";

    /** The Unicode spelling of a Perl class escape ({@code \d}…), or null to copy it as written. */
    private static String perlClass(char e, boolean inClass) {
        return switch (e) {
            case 'd' -> "\\p{Nd}";
            case 'D' -> "\\P{Nd}";
            case 'w' -> inClass ? WORD : "[" + WORD + "]";
            case 's' -> inClass ? SPACE : "[" + SPACE + "]";
            case 'W' -> inClass ? null : "[^" + WORD + "]";
            case 'S' -> inClass ? null : "[^" + SPACE + "]";
            default -> null;
        };
    }

    /** The RE2 pattern for Rust pattern {@code p}; fills {@code names} with name → group number. */
    static String translate(String p, String flags, Map<String, Integer> names) {
        boolean swapGreed = flags.indexOf('U') >= 0;
        boolean verbose = flags.indexOf('x') >= 0;
        // verbose at each open group, restored at its ')': an inline (?x) lasts to the end of its group
        java.util.ArrayDeque<Boolean> verboseOuter = new java.util.ArrayDeque<>();
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
                String unicode = end == i + 2 ? perlClass(p.charAt(i + 1), classDepth > 0) : null;
                if (unicode != null) out.append(unicode); else out.append(p, i, end);
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
                        if (!POSIX.contains(neg ? name.substring(1) : name)) {
                            throw new IllegalArgumentException("invalid ASCII character class '" + name + "'");
                        }
                        out.append(p, i, close + 2); // RE2 spells ASCII classes as Rust does
                        i = close + 2;
                        continue;
                    }
                }
                if ((c == '&' || c == '-' || c == '~') && i + 1 < n && p.charAt(i + 1) == c
                        && !(c == '-' && i + 2 < n && p.charAt(i + 2) == ']')) {
                    throw new IllegalArgumentException("character class set operations ('" + c + c
                            + "') are not supported");
                }
                if (c == '[') {
                    // a nested class is a union: its members join the enclosing class (RE2 has no nesting)
                    if (i + 1 < n && p.charAt(i + 1) == '^') {
                        throw new IllegalArgumentException("negated classes nested in a class are not supported");
                    }
                    classDepth++;
                    i++;
                    continue;
                }
                if (c == ']') {
                    classDepth--;
                    if (classDepth > 0) {
                        i++; // the end of a nested class
                        continue;
                    }
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
            if (verbose && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')) {
                i++;
                continue;
            }
            if (verbose && c == '#') {
                int eol = p.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
                continue;
            }
            switch (c) {
                case '[' -> {
                    classDepth = 1;
                    i = classStart(p, i, out);
                }
                case '(' -> {
                    int flagsEnd = inlineFlagsEnd(p, i);
                    if (flagsEnd > 0) {
                        // (?flags) or (?flags:…): RE2 takes i m s U; x is ours
                        String set = p.substring(i + 2, flagsEnd);
                        int minus = set.indexOf('-');
                        boolean opens = p.charAt(flagsEnd) == ':';
                        if (opens) {
                            verboseOuter.push(verbose);
                        }
                        if (set.indexOf('x') >= 0) {
                            verbose = minus < 0 || set.indexOf('x') < minus;
                        }
                        String rest = set.replace("x", "");
                        if (rest.endsWith("-")) {
                            rest = rest.substring(0, rest.length() - 1); // (?i-x) ⇒ (?i): RE2 wants flags after '-'
                        }
                        if (!rest.isEmpty() || opens) {
                            out.append("(?").append(rest).append(p.charAt(flagsEnd));
                        }
                        i = flagsEnd + 1;
                    } else if (p.startsWith("(?P<", i)) {
                        int close = p.indexOf('>', i);
                        if (close < 0) {
                            throw new IllegalArgumentException("unclosed group name");
                        }
                        names.put(p.substring(i + 4, close), ++groups);
                        verboseOuter.push(verbose);
                        out.append('(');
                        i = close + 1;
                    } else if (p.startsWith("(?<", i) && i + 3 < n && p.charAt(i + 3) != '='
                            && p.charAt(i + 3) != '!') {
                        int close = p.indexOf('>', i);
                        if (close < 0) {
                            throw new IllegalArgumentException("unclosed group name");
                        }
                        names.put(p.substring(i + 3, close), ++groups);
                        verboseOuter.push(verbose);
                        out.append('(');
                        i = close + 1;
                    } else {
                        if (!p.startsWith("(?", i)) {
                            groups++;
                        }
                        verboseOuter.push(verbose);
                        out.append(c);
                        i++;
                    }
                }
                case ')' -> {
                    if (!verboseOuter.isEmpty()) {
                        verbose = verboseOuter.pop();
                    }
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

    /**
     * If an inline flag group ({@code (?flags)} or {@code (?flags:}) with flag {@code x} starts at {@code i}, the
     * index of its {@code )} or {@code :}; else -1.
     */
    private static int inlineFlagsEnd(String p, int i) {
        if (!p.startsWith("(?", i)) {
            return -1;
        }
        int j = i + 2;
        while (j < p.length() && (Character.isLetter(p.charAt(j)) || p.charAt(j) == '-')) {
            j++;
        }
        if (j >= p.length() || (p.charAt(j) != ')' && p.charAt(j) != ':')) {
            return -1;
        }
        return p.substring(i + 2, j).indexOf('x') >= 0 ? j : -1;
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
