package dev.ngnc.rt.tbx;

import dev.ngnc.rt.value.Fmt;
import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.value.NgnMap;
import dev.ngnc.rt.value.NgnModel;

/**
 * The built-in {@code Response} model (spec 11.4, 11.7): what {@code fetch} delivers and what an
 * HTTP handler returns. Fields in declaration order: {@code status} (i64, default 200),
 * {@code statusText} (default {@code ""}), {@code ok} (derived: status in 200–299; a value given
 * in a literal is ignored), {@code headers} ({@code map<string, string>}, default empty; fetch
 * gives lower-case names) and {@code body} (default {@code ""}). Methods {@code text()},
 * {@code json()} and {@code formData()}.
 *
 * <p>Prints as {@code Response { status: 200, statusText: "OK", ok: true, headers: { "k": "v" } }}
 * (spec 5; the body is not shown).
 */
public final class Response extends NgnModel implements Fmt.Formatted {
    private static final String[] NAMES = {"status", "statusText", "ok", "headers", "body"};

    public long status;
    public String statusText;
    public boolean ok;
    public NgnMap headers;
    public String body;

    /** All fields in declaration order; {@code ok} is recomputed from {@code status}. */
    public Response(long status, String statusText, boolean ok, NgnMap headers, String body) {
        this.status = status;
        this.statusText = statusText == null ? "" : statusText;
        this.ok = status >= 200 && status <= 299;
        this.headers = headers == null ? NgnMap.empty() : headers;
        this.body = body == null ? "" : body;
    }

    /** A transport failure of {@code fetch}: status 0, {@code statusText "Error: <detail>"}, empty body. */
    static Response failure(String detail) {
        return new Response(0, "Error: " + detail, false, NgnMap.empty(), "");
    }

    /** ngn {@code r.text()}: the body. */
    public String text() {
        return body;
    }

    /** ngn {@code r.json()}: {@code Ok(value)} or {@code Error("JSON parse error: …")}. */
    public NgnEnum json() {
        return HttpText.json(body);
    }

    /** ngn {@code r.formData()}: the body decoded as {@code application/x-www-form-urlencoded}. */
    public NgnMap formData() {
        return HttpText.form(body);
    }

    @Override
    public String modelName() {
        return "Response";
    }

    @Override
    public String[] fieldNames() {
        return NAMES;
    }

    @Override
    public Object fieldValue(int i) {
        return switch (i) {
            case 0 -> status;
            case 1 -> statusText;
            case 2 -> ok;
            case 3 -> headers;
            case 4 -> body;
            default -> throw new IndexOutOfBoundsException(i);
        };
    }

    @Override
    protected void shareFields() {
        headers.share();
    }

    /** {@code fmt}: {@code Response { status: 200, statusText: "OK", ok: true, headers: { "k": "v" } }}. */
    @Override
    public void appendFmt(StringBuilder sb) {
        sb.append("Response { status: ").append(status).append(", statusText: ");
        quote(sb, statusText);
        sb.append(", ok: ").append(ok).append(", headers: {");
        Object[] keys = headers.keys();
        Object[] values = headers.values();
        for (int i = 0; i < keys.length; i++) {
            sb.append(i == 0 ? " " : ", ");
            quote(sb, Fmt.str(keys[i]));
            sb.append(": ");
            quote(sb, Fmt.str(values[i]));
        }
        sb.append(keys.length == 0 ? "} }" : " } }");
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        sb.append('"');
    }
}
