package dev.ngnc.rt.tbx;

import dev.ngnc.rt.value.Dyn;
import dev.ngnc.rt.value.Fmt;
import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.value.NgnMap;
import dev.ngnc.rt.value.NgnModel;
import dev.ngnc.rt.value.NgnObject;
import dev.ngnc.rt.value.Unit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Text helpers shared by {@code fetch} ({@link Fetch}, {@link Response}) and the HTTP server
 * (runtime-http): canonical status reason phrases, URL-encoded form and query decoding,
 * {@code Cookie} header parsing, the {@code json()} of requests and responses, and reading the
 * loosely typed option objects ({@code {method: "POST"}} or a map) ngn code passes in.
 */
public final class HttpText {
    private HttpText() {
    }

    /**
     * The canonical reason phrase of an HTTP status code (IANA registry, as Rust's
     * {@code http::StatusCode::canonical_reason}), or {@code null} for an unregistered code.
     */
    public static String reason(long code) {
        return switch ((int) Math.max(Math.min(code, 1000), -1)) {
            case 100 -> "Continue";
            case 101 -> "Switching Protocols";
            case 102 -> "Processing";
            case 103 -> "Early Hints";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 203 -> "Non Authoritative Information";
            case 204 -> "No Content";
            case 205 -> "Reset Content";
            case 206 -> "Partial Content";
            case 207 -> "Multi-Status";
            case 208 -> "Already Reported";
            case 226 -> "IM Used";
            case 300 -> "Multiple Choices";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 305 -> "Use Proxy";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 407 -> "Proxy Authentication Required";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 411 -> "Length Required";
            case 412 -> "Precondition Failed";
            case 413 -> "Payload Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 416 -> "Range Not Satisfiable";
            case 417 -> "Expectation Failed";
            case 418 -> "I'm a teapot";
            case 421 -> "Misdirected Request";
            case 422 -> "Unprocessable Entity";
            case 423 -> "Locked";
            case 424 -> "Failed Dependency";
            case 426 -> "Upgrade Required";
            case 428 -> "Precondition Required";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 451 -> "Unavailable For Legal Reasons";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            case 506 -> "Variant Also Negotiates";
            case 507 -> "Insufficient Storage";
            case 508 -> "Loop Detected";
            case 510 -> "Not Extended";
            case 511 -> "Network Authentication Required";
            default -> null;
        };
    }

    /** ngn {@code r.json()} of a request or response body: {@code Ok(value)} or {@code Error("JSON parse error: …")}. */
    public static NgnEnum json(String body) {
        NgnEnum r = Json.parse(body);
        if (r.isOk()) {
            return r;
        }
        Object e = r.payload();
        String msg = e instanceof NgnObject o && o.has("message") ? Fmt.str(o.get("message")) : Fmt.str(e);
        return NgnEnum.error("JSON parse error: " + msg);
    }

    /**
     * {@code application/x-www-form-urlencoded} (and query string) decoding: {@code a=1&b=x+y}
     * ⇒ {@code map{a: 1, b: x y}}; {@code +} is a space, {@code %XX} a byte (UTF-8, lossy);
     * a pair without {@code =} maps to {@code ""}; empty pairs are skipped; a repeated key keeps
     * its last value. A leading {@code ?} is ignored.
     */
    public static NgnMap form(String text) {
        NgnMap m = NgnMap.empty();
        if (text == null || text.isEmpty()) {
            return m;
        }
        int start = text.startsWith("?") ? 1 : 0;
        int n = text.length();
        while (start <= n) {
            int amp = text.indexOf('&', start);
            if (amp < 0) {
                amp = n;
            }
            if (amp > start) {
                int eq = text.indexOf('=', start);
                String key;
                String value;
                if (eq < 0 || eq > amp) {
                    key = decode(text, start, amp);
                    value = "";
                } else {
                    key = decode(text, start, eq);
                    value = decode(text, eq + 1, amp);
                }
                m.set(key, value);
            }
            start = amp + 1;
        }
        return m;
    }

    /** Percent-decodes {@code s[from, to)} with {@code +} as a space; invalid escapes stay as written. */
    static String decode(String s, int from, int to) {
        boolean plain = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' || c == '+') {
                plain = false;
                break;
            }
        }
        if (plain) {
            return s.substring(from, to);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%' && i + 2 < to && hex(s, i + 1, to) >= 0 && hex(s, i + 2, to) >= 0) {
                out.write(hex(s, i + 1, to) * 16 + hex(s, i + 2, to));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < to) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(String s, int i, int to) {
        if (i >= to) {
            return -1;
        }
        return Character.digit(s.charAt(i), 16);
    }

    /** A {@code Cookie} header ({@code a=1; b=2}) as a map (values as sent, surrounding quotes removed). */
    public static NgnMap cookies(String header) {
        NgnMap m = NgnMap.empty();
        if (header == null || header.isEmpty()) {
            return m;
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String k = eq < 0 ? p : p.substring(0, eq).trim();
            String v = eq < 0 ? "" : p.substring(eq + 1).trim();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                v = v.substring(1, v.length() - 1);
            }
            if (!k.isEmpty()) {
                m.set(k, v);
            }
        }
        return m;
    }

    // ---- loosely typed options ----------------------------------------------------------------

    /**
     * Field {@code key} of an options value: an anonymous object, a map with string keys, or a
     * model; {@code Maybe} wrappers are removed. {@code null} when absent (or options is not
     * such a value).
     */
    public static Object option(Object options, String key) {
        Object o = unwrap(options);
        Object v = null;
        if (o instanceof NgnObject obj) {
            v = obj.has(key) ? obj.get(key) : null;
        } else if (o instanceof NgnMap m) {
            NgnEnum e = m.get(key);
            v = e.isValue() ? e.payload() : null;
        } else if (o instanceof NgnModel model) {
            int i = model.fieldIndex(key);
            v = i < 0 ? null : model.fieldValue(i);
        }
        v = unwrap(v);
        return v instanceof Unit ? null : v;
    }

    /** Removes a {@code Maybe} wrapper: {@code Value(x)} ⇒ x, {@code Null} ⇒ null. */
    public static Object unwrap(Object o) {
        if (o instanceof NgnEnum e && e.isMaybe()) {
            return e.isValue() ? e.payload() : null;
        }
        return o;
    }

    /** An integer option ({@code 5000}, or a float rounded down); {@code fallback} when absent or not a number. */
    public static long longOption(Object options, String key, long fallback) {
        Object v = option(options, key);
        if (Dyn.isInt(v)) {
            return Dyn.intValue(v);
        }
        if (v instanceof Double d && !d.isNaN()) {
            return d >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.floor(d);
        }
        return fallback;
    }

    /** A string option; {@code null} when absent or not a string. */
    public static String stringOption(Object options, String key) {
        return option(options, key) instanceof String s ? s : null;
    }

    /**
     * The entries of a headers value (a map or an anonymous object), as name/value pairs with
     * values in {@code fmt} text; anything else ⇒ no entries.
     */
    public static void forEachHeader(Object headers, java.util.function.BiConsumer<String, String> sink) {
        Object h = unwrap(headers);
        if (h instanceof NgnMap m) {
            Object[] keys = m.keys();
            Object[] values = m.values();
            for (int i = 0; i < keys.length; i++) {
                sink.accept(Fmt.str(keys[i]), Fmt.str(unwrap(values[i])));
            }
        } else if (h instanceof NgnObject o) {
            for (int i = 0; i < o.fieldCount(); i++) {
                sink.accept(o.keyAt(i), Fmt.str(unwrap(o.valueAt(i))));
            }
        }
    }
}
