package dev.ngnc.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Second twin of bench/ngn/json.ngn (bench name {@code json_hand_parser}): the same work as {@link Json}, with a
 * small hand-written writer and recursive-descent parser specialised to this shape of data instead of a JSON
 * library (TreeMap: ngn objects stringify with sorted keys). Not what a Java programmer would usually write, but
 * the lower bound a general parser is measured against (docs/performance.md).
 */
public final class JsonHandParser {
    private JsonHandParser() {}

    public static void main(String[] args) {
        long total = 0;
        for (long i = 0; i < 300_000; i++) {
            Map<String, Object> pos = new TreeMap<>();
            pos.put("x", i % 10);
            pos.put("y", 2L);
            Map<String, Object> obj = new TreeMap<>();
            obj.put("id", i);
            obj.put("name", "user" + (i % 100));
            obj.put("tags", List.of("a", "b", "c"));
            obj.put("pos", pos);
            StringBuilder sb = new StringBuilder();
            write(sb, obj);
            String text = sb.toString();
            total += text.length();
            @SuppressWarnings("unchecked")
            Map<String, Object> back = (Map<String, Object>) new Parser(text).value();
            @SuppressWarnings("unchecked")
            Map<String, Object> backPos = (Map<String, Object>) back.get("pos");
            total += (Long) back.get("id") % 10 + (Long) backPos.get("x") + ((List<?>) back.get("tags")).size();
        }
        System.out.println(total);
    }

    static void write(StringBuilder sb, Object v) {
        switch (v) {
            case Map<?, ?> m -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) sb.append(',');
                    first = false;
                    writeString(sb, (String) e.getKey());
                    sb.append(':');
                    write(sb, e.getValue());
                }
                sb.append('}');
            }
            case List<?> l -> {
                sb.append('[');
                for (int k = 0; k < l.size(); k++) {
                    if (k > 0) sb.append(',');
                    write(sb, l.get(k));
                }
                sb.append(']');
            }
            case String s -> writeString(sb, s);
            default -> sb.append(v);
        }
    }

    static void writeString(StringBuilder sb, String s) {
        sb.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        sb.append('"');
    }

    /** Recursive descent over the subset the writer produces (objects, arrays, strings, integers, literals). */
    static final class Parser {
        private final String s;
        private int p;

        Parser(String s) {
            this.s = s;
        }

        Object value() {
            char c = s.charAt(p);
            switch (c) {
                case '{' -> {
                    p++;
                    Map<String, Object> m = new HashMap<>();
                    if (s.charAt(p) == '}') { p++; return m; }
                    while (true) {
                        String k = string();
                        p++; // ':'
                        m.put(k, value());
                        if (s.charAt(p++) == '}') return m;
                    }
                }
                case '[' -> {
                    p++;
                    List<Object> l = new ArrayList<>();
                    if (s.charAt(p) == ']') { p++; return l; }
                    while (true) {
                        l.add(value());
                        if (s.charAt(p++) == ']') return l;
                    }
                }
                case '"' -> { return string(); }
                case 't' -> { p += 4; return Boolean.TRUE; }
                case 'f' -> { p += 5; return Boolean.FALSE; }
                case 'n' -> { p += 4; return null; }
                default -> {
                    int start = p;
                    while (p < s.length() && (Character.isDigit(s.charAt(p)) || s.charAt(p) == '-')) p++;
                    return Long.parseLong(s, start, p, 10);
                }
            }
        }

        String string() {
            p++; // opening quote
            StringBuilder sb = null;
            int start = p;
            while (true) {
                char c = s.charAt(p);
                if (c == '"') {
                    String r = sb == null ? s.substring(start, p) : sb.append(s, start, p).toString();
                    p++;
                    return r;
                }
                if (c == '\\') {
                    if (sb == null) sb = new StringBuilder();
                    sb.append(s, start, p);
                    char e = s.charAt(p + 1);
                    if (e == 'u') { sb.append((char) Integer.parseInt(s, p + 2, p + 6, 16)); p += 6; }
                    else { sb.append(e); p += 2; }
                    start = p;
                } else {
                    p++;
                }
            }
        }
    }
}
