package dev.ngnc.rt.value;

import dev.ngnc.rt.base.NgnError;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.util.HashMap;
import java.util.Map;

/**
 * An ngn regex literal {@code /pattern/flags}, used as the first argument of
 * {@code string.replace}. The pattern is Rust-{@code regex} syntax, translated to the linear-time RE2/J
 * engine on first use (see {@link RegexTranslator}: no pattern can backtrack exponentially); flags {@code i m s x U}
 * behave as in Rust and {@code g} means "replace all". Prints as {@code /(?i)abc/}.
 * An invalid pattern ⇒ Internal {@code Invalid regex '(?flags)pattern': <reason>} when used.
 */
public final class NgnRegex {
    private final String pattern;
    private final String flags;
    private final boolean global;
    private volatile Compiled compiled;

    record Compiled(Pattern pattern, Map<String, Integer> names) {
    }

    /** The regex {@code /pattern/flags} (flags may be empty). */
    public NgnRegex(String pattern, String flags) {
        this.pattern = pattern;
        this.global = flags.indexOf('g') >= 0;
        this.flags = flags.replace("g", "");
        this.compiled = null;
    }

    /** The pattern source as written between the slashes. */
    public String pattern() {
        return pattern;
    }

    /** The engine flags (without {@code g}). */
    public String flags() {
        return flags;
    }

    /** True if the {@code g} flag was given (replace every match). */
    public boolean isGlobal() {
        return global;
    }

    /** The text the reference hands to its engine: {@code (?flags)pattern}. */
    public String source() {
        return flags.isEmpty() ? pattern : "(?" + flags + ")" + pattern;
    }

    /** The compiled Java pattern; an invalid regex ⇒ Internal {@code Invalid regex '…': …}. */
    public Pattern compiled() {
        return compile().pattern();
    }

    private Compiled compile() {
        Compiled c = compiled;
        if (c == null) {
            try {
                HashMap<String, Integer> names = new HashMap<>();
                String re2 = RegexTranslator.translate(pattern, flags, names);
                c = new Compiled(Pattern.compile(re2, RegexTranslator.engineFlags(flags)), Map.copyOf(names));
            } catch (PatternSyntaxException e) {
                throw NgnError.internal("Invalid regex '" + source() + "': " + e.getDescription());
            } catch (IllegalArgumentException e) {
                throw NgnError.internal("Invalid regex '" + source() + "': " + e.getMessage());
            }
            compiled = c;
        }
        return c;
    }

    /**
     * {@code s.replace(this, replacement)}: replaces the first match (every match with
     * {@code g}); in {@code replacement}, {@code $1} / {@code ${1}} insert a numbered group,
     * {@code $name} / {@code ${name}} a named group (missing groups insert nothing) and
     * {@code $$} a literal {@code $}.
     */
    public String replace(String s, String replacement) {
        Compiled c = compile();
        Matcher m = c.pattern().matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + replacement.length());
        int last = 0;
        do {
            out.append(s, last, m.start());
            expand(m, c.names(), replacement, out);
            last = m.end();
        } while (global && m.find());
        out.append(s, last, s.length());
        return out.toString();
    }

    /** Rust {@code Captures::expand}. */
    private static void expand(Matcher m, Map<String, Integer> names, String r, StringBuilder out) {
        int i = 0;
        int n = r.length();
        while (i < n) {
            char ch = r.charAt(i);
            if (ch != '$' || i + 1 >= n) {
                out.append(ch);
                i++;
                continue;
            }
            char next = r.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            String name;
            int end;
            if (next == '{') {
                int close = r.indexOf('}', i + 2);
                if (close < 0) {
                    out.append('$');
                    i++;
                    continue;
                }
                name = r.substring(i + 2, close);
                end = close + 1;
            } else {
                end = i + 1;
                while (end < n && isNameChar(r.charAt(end))) {
                    end++;
                }
                if (end == i + 1) {
                    out.append('$');
                    i++;
                    continue;
                }
                name = r.substring(i + 1, end);
            }
            String group = group(m, names, name);
            if (group != null) {
                out.append(group);
            }
            i = end;
        }
    }

    private static boolean isNameChar(char c) {
        return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String group(Matcher m, Map<String, Integer> names, String name) {
        Integer idx = names.get(name);
        if (idx == null && !name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                idx = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (idx == null || idx > m.groupCount()) {
            return null;
        }
        return m.group(idx);
    }

    /** {@code fmt}: {@code /(?flags)pattern/}. */
    @Override
    public String toString() {
        return "/" + source() + "/";
    }
}
