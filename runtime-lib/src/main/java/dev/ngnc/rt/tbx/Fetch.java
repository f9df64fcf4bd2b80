package dev.ngnc.rt.tbx;

import dev.ngnc.rt.Fibers;
import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.value.NgnMap;

import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * ngn {@code fetch(url, options?)} (spec 11.4) on the JDK's {@link HttpClient}. The call returns
 * at once a channel ({@code <channel fetch_result>}, capacity 1) that later receives exactly one
 * {@link Response}; the request runs asynchronously in the client's own threads, so the calling
 * fiber only blocks when it receives. While a request is in flight it is registered as
 * {@link Fibers#pendingWork()}, so a program waiting for it is not reported as deadlocked.
 *
 * <p>Options (an object or a map): {@code method} (upper-cased; not a known method ⇒ GET),
 * {@code headers} (map or object), {@code body} (string), {@code timeout} in ms for the whole
 * exchange (default 10000; a float is rounded down; anything else ⇒ the default). Redirects are
 * followed. A transport failure (invalid URL, refused connection, TLS error, timeout…) is not an
 * error value but a Response with status 0, {@code statusText "Error: <detail>"} and an empty
 * body. Response headers have lower-case names; repeated headers are joined with {@code ", "};
 * the body is decoded as UTF-8 (invalid bytes become U+FFFD).
 */
public final class Fetch {
    /** Default timeout of a request (docs: 10 seconds). */
    static final long DEFAULT_TIMEOUT_MS = 10_000;

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS",
            "TRACE", "CONNECT");
    /** Request headers the JDK client manages itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private static volatile HttpClient client;

    private Fetch() {
    }

    /** ngn {@code fetch(url)}. */
    public static NgnChannel fetch(String url) {
        return fetch(url, null);
    }

    /** ngn {@code fetch(url, options)}; see the class comment. */
    public static NgnChannel fetch(String url, Object options) {
        NgnChannel ch = new NgnChannel(1, "fetch_result");
        HttpRequest request;
        long timeoutMs = DEFAULT_TIMEOUT_MS;
        try {
            timeoutMs = HttpText.longOption(options, "timeout", DEFAULT_TIMEOUT_MS);
            if (timeoutMs <= 0) {
                timeoutMs = DEFAULT_TIMEOUT_MS;
            }
            request = build(url, options, timeoutMs);
        } catch (BadRequest e) {
            ch.deliver(Response.failure(e.getMessage()), false);
            return ch;
        }
        Fibers.Pending pending = Fibers.pendingWork();
        long timeout = timeoutMs;
        try {
            client().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .orTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                    .whenComplete((resp, err) -> {
                        try {
                            ch.deliver(err == null ? toResponse(resp) : Response.failure(describe(err, url, timeout)), false);
                        } finally {
                            pending.close();
                        }
                    });
        } catch (RuntimeException e) {
            pending.close();
            ch.deliver(Response.failure(describe(e, url, timeout)), false);
        }
        return ch;
    }

    private static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    private static HttpRequest build(String url, Object options, long timeoutMs) throws BadRequest {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw new BadRequest("invalid URL '" + url + "': " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new BadRequest("invalid URL '" + url + "': " + (scheme.isEmpty()
                    ? "relative URL without a base" : "unsupported scheme '" + scheme + "' (use http or https)"));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new BadRequest("invalid URL '" + url + "': empty host");
        }
        String method = HttpText.stringOption(options, "method");
        method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            method = "GET";
        }
        String body = HttpText.stringOption(options, "body");
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(timeoutMs));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("invalid URL '" + url + "': " + e.getMessage());
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        String[] error = new String[1];
        HttpText.forEachHeader(HttpText.option(options, "headers"), (k, v) -> {
            if (RESTRICTED.contains(k.toLowerCase(Locale.ROOT))) {
                return;
            }
            try {
                b.header(k, v);
            } catch (IllegalArgumentException e) {
                error[0] = "invalid header '" + k + "': " + e.getMessage();
            }
        });
        if (error[0] != null) {
            throw new BadRequest(error[0]);
        }
        return b.build();
    }

    private static HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (Fetch.class) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .connectTimeout(Duration.ofMillis(DEFAULT_TIMEOUT_MS))
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    static Response toResponse(HttpResponse<byte[]> r) {
        NgnMap headers = headerMap(r.headers());
        String reason = HttpText.reason(r.statusCode());
        byte[] body = r.body() == null ? new byte[0] : r.body();
        return new Response(r.statusCode(), reason == null ? "Unknown" : reason, false, headers,
                new String(body, StandardCharsets.UTF_8));
    }

    private static NgnMap headerMap(HttpHeaders h) {
        NgnMap m = NgnMap.empty();
        for (Map.Entry<String, List<String>> e : h.map().entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith(":")) {
                continue; // HTTP/2 pseudo headers
            }
            m.set(name, String.join(", ", e.getValue()));
        }
        return m;
    }

    /** The {@code <detail>} of a failed request's {@code statusText "Error: <detail>"}. */
    static String describe(Throwable err, String url, long timeoutMs) {
        Throwable t = err;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String target = " (" + url + ")";
        if (t instanceof HttpConnectTimeoutException) {
            return "connection timed out" + target;
        }
        if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
            return "request timed out after " + timeoutMs + " ms" + target;
        }
        // the JDK reports an unknown host as a ConnectException caused by an UnresolvedAddressException
        if (causeOf(t, UnresolvedAddressException.class) != null || causeOf(t, java.net.UnknownHostException.class) != null) {
            return "could not resolve host" + target;
        }
        if (causeOf(t, ConnectException.class) != null) {
            return "connection refused" + target;
        }
        Throwable root = causeOf(t, SSLException.class);
        if (root != null) {
            return "TLS error: " + message(root) + target;
        }
        return message(t) + target;
    }

    /** The first throwable of {@code kind} in {@code t}'s cause chain (t included), or null. */
    private static Throwable causeOf(Throwable t, Class<? extends Throwable> kind) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (kind.isInstance(c)) {
                return c;
            }
        }
        return null;
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isEmpty() ? t.getClass().getSimpleName() : m;
    }
}
