package dev.ngnc.rt.http;

import dev.ngnc.rt.tbx.HttpText;
import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.value.NgnMap;
import dev.ngnc.rt.value.NgnModel;

/**
 * The built-in {@code Request} model an HTTP handler receives (spec 11.7, docs build/http.md).
 * Fields in declaration order: {@code method}, {@code url} (the request target: path and query as
 * sent), {@code protocol} ({@code http}/{@code https}), {@code host} (the Host header),
 * {@code path} (no query, as sent), {@code query} (with its leading {@code ?}, or {@code ""}),
 * {@code params} (the query's parameters, URL-decoded), {@code headers} (lower-case names; repeated
 * headers joined with {@code ", "}), {@code body} (UTF-8 text), {@code ip} (the client's address),
 * {@code cookies} (from the Cookie header). Methods {@code clone()} ({@link #copy()}),
 * {@code text()}, {@code json()}, {@code formData()}.
 */
public final class Request extends NgnModel {
    private static final String[] NAMES = {
        "method", "url", "protocol", "host", "path", "query", "params", "headers", "body", "ip", "cookies"};

    public String method;
    public String url;
    public String protocol;
    public String host;
    public String path;
    public String query;
    public NgnMap params;
    public NgnMap headers;
    public String body;
    public String ip;
    public NgnMap cookies;

    /** All fields in declaration order. */
    public Request(String method, String url, String protocol, String host, String path, String query, NgnMap params,
            NgnMap headers, String body, String ip, NgnMap cookies) {
        this.method = method;
        this.url = url;
        this.protocol = protocol;
        this.host = host;
        this.path = path;
        this.query = query;
        this.params = params;
        this.headers = headers;
        this.body = body;
        this.ip = ip;
        this.cookies = cookies;
    }

    /** ngn {@code req.clone()}: a new Request with the same field values. */
    public Request copy() {
        shareFields();
        return new Request(method, url, protocol, host, path, query, params, headers, body, ip, cookies);
    }

    /** ngn {@code req.text()}: the body. */
    public String text() {
        return body;
    }

    /** ngn {@code req.json()}: {@code Ok(value)} or {@code Error("JSON parse error: …")}. */
    public NgnEnum json() {
        return HttpText.json(body);
    }

    /** ngn {@code req.formData()}: the body decoded as {@code application/x-www-form-urlencoded}. */
    public NgnMap formData() {
        return HttpText.form(body);
    }

    @Override
    public String modelName() {
        return "Request";
    }

    @Override
    public String[] fieldNames() {
        return NAMES;
    }

    @Override
    public Object fieldValue(int i) {
        return switch (i) {
            case 0 -> method;
            case 1 -> url;
            case 2 -> protocol;
            case 3 -> host;
            case 4 -> path;
            case 5 -> query;
            case 6 -> params;
            case 7 -> headers;
            case 8 -> body;
            case 9 -> ip;
            case 10 -> cookies;
            default -> throw new IndexOutOfBoundsException(i);
        };
    }

    @Override
    protected void shareFields() {
        params.share();
        headers.share();
        cookies.share();
    }
}
