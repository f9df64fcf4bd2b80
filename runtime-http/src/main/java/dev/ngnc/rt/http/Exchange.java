package dev.ngnc.rt.http;

import dev.ngnc.rt.Fibers;
import dev.ngnc.rt.value.Fmt;
import dev.ngnc.rt.tbx.HttpText;
import dev.ngnc.rt.value.NgnBytes;
import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.value.NgnFn;
import dev.ngnc.rt.value.NgnMap;
import dev.ngnc.rt.value.NgnModel;
import dev.ngnc.rt.value.NgnObject;
import dev.ngnc.rt.Out;
import dev.ngnc.rt.tbx.Response;
import dev.ngnc.rt.Rt;
import dev.ngnc.rt.value.Unit;

import io.helidon.common.uri.UriQuery;
import io.helidon.http.DirectHandler;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;
import io.helidon.http.HttpException;
import io.helidon.http.HttpPrologue;
import io.helidon.http.RequestException;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/**
 * One server's request handling (spec 11.7): builds the {@link Request}, runs the ngn handler as
 * the root fiber of a fresh scheduler on the connection's virtual thread, and writes its result:
 * <ul>
 *   <li>{@link Response}, or any object/model (read for {@code status}, {@code headers},
 *   {@code body}; headers may be a map or an object): a plain response. No default
 *   {@code Content-Type}; {@code Content-Length} is computed (a smaller one given by the handler
 *   cuts the body); {@code Connection}/{@code Keep-Alive} given by the handler are ignored.
 *   The reason phrase is {@code statusText} when set, else the canonical one.</li>
 *   <li>{@link StreamingResponse}: chunked, one chunk per message (empty messages are skipped:
 *   an empty chunk would end the response), ends when the channel is closed and drained.</li>
 *   <li>{@link SseResponse}: {@code text/event-stream}, see {@link #sseFrame}.</li>
 *   <li>{@link WebSocketResponse} (for a request that is not a WebSocket upgrade): 400.</li>
 *   <li>no value: 500 {@code Handler returned no response}; another value: 200 with its
 *   {@code fmt} text.</li>
 * </ul>
 * A handler that fails (panic, run-time error) is reported on stderr as {@code [ngn] HTTP handler
 * panicked: <message>} plus its location, the client gets 500 {@code Internal Server Error}, and the
 * server keeps serving. After {@code maxRequestsPerConnection} requests on a connection the response
 * carries {@code Connection: close}; otherwise {@code Keep-Alive: timeout=<keepAliveTimeoutMs/1000>}.
 * If a streaming client goes away, the body channel is closed so that its producer can stop.
 */
final class Exchange implements Handler {
    private static final HeaderName KEEP_ALIVE = HeaderNames.create("Keep-Alive");
    private static final byte[] NO_RESPONSE = utf8("Handler returned no response");
    private static final byte[] SERVER_ERROR = utf8("Internal Server Error");

    final NgnFn handler;
    final ServerConfig cfg;
    final PrintStream err;
    final String protocol;
    private final Header keepAlive;

    Exchange(NgnFn handler, ServerConfig cfg, PrintStream err, boolean tls) {
        this.handler = handler;
        this.cfg = cfg;
        this.err = err;
        this.protocol = tls ? "https" : "http";
        this.keepAlive = HeaderValues.create(KEEP_ALIVE, "timeout=" + Math.max(1, cfg.keepAliveTimeoutMs() / 1000));
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        WsBridge refused = WsBridge.PENDING.get();
        if (refused != null) {
            // the handler answered an upgrade request whose handshake Helidon found invalid
            refused.refuse();
            send(req, res, Status.BAD_REQUEST_400, utf8("Bad Request: invalid WebSocket upgrade request"));
            return;
        }
        Request request = request(req);
        Fibers.runRoot(() -> {
            Object result;
            try {
                result = handler.call1(request);
            } catch (HttpException | RequestException e) {
                throw e;
            } catch (Throwable t) {
                panicked(t);
                send(req, res, Status.INTERNAL_SERVER_ERROR_500, SERVER_ERROR);
                Fibers.awaitOtherFibers();
                return;
            }
            respond(req, res, result);
            // fibers the handler started run to their end, on this thread, after the response
            Fibers.awaitOtherFibers();
        });
    }

    // ---- the Request --------------------------------------------------------------------------

    private Request request(ServerRequest req) {
        HttpPrologue prologue = req.prologue();
        String path = prologue.uriPath().rawPath();
        UriQuery q = prologue.query();
        String rawQuery = q == null ? "" : q.rawValue();
        String query = rawQuery.isEmpty() ? "" : "?" + rawQuery;
        NgnMap headers = NgnMap.empty();
        String host = "";
        String cookie = null;
        for (Header h : req.headers()) {
            String name = h.headerName().lowerCase();
            String value = h.allValues().size() == 1 ? h.get() : h.values();
            headers.set(name, value);
            if (name.equals("host")) {
                host = value;
            } else if (name.equals("cookie")) {
                cookie = value;
            }
        }
        String body = "";
        if (req.content().hasEntity()) {
            try {
                body = new String(req.content().inputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                // a malformed chunk size, a body cut short or too slow: the client gets 400, the handler never runs
                GuardedConnection connection = GuardedConnection.current();
                if (connection != null) throw connection.rejectBody();
                throw new io.helidon.http.BadRequestException("Bad Request: malformed or incomplete request body", e);
            }
        }
        return new Request(prologue.method().text(), path + query, protocol, host, path, query,
                HttpText.form(rawQuery), headers, body, address(req.remotePeer().address()),
                HttpText.cookies(cookie));
    }

    /**
     * Filter: a WebSocket upgrade request runs the handler first ({@link WsBridge#start}). A
     * {@link WebSocketResponse} lets Helidon's WebSocket route complete the upgrade with that
     * bridge; any other answer is sent as the response to the request (the handler runs once).
     */
    void upgrades(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (!isWebSocketUpgrade(req.headers())) {
            chain.proceed();
            return;
        }
        WsBridge bridge = WsBridge.start(this, request(req));
        Object result = bridge.result();
        if (result instanceof WebSocketResponse) {
            WsBridge.PENDING.set(bridge);
            try {
                chain.proceed(); // to the WebSocket route, or to handle() if the handshake is invalid
            } finally {
                WsBridge.PENDING.remove();
            }
            return;
        }
        try {
            if (result == WsBridge.PANICKED) {
                send(req, res, Status.INTERNAL_SERVER_ERROR_500, SERVER_ERROR);
            } else {
                Fibers.runRoot(() -> respond(req, res, result));
            }
        } finally {
            bridge.responded();
        }
    }

    private static boolean isWebSocketUpgrade(Headers headers) {
        return headers.contains(HeaderNames.UPGRADE)
                && headers.get(HeaderNames.UPGRADE).get().trim().equalsIgnoreCase("websocket");
    }

    private static String address(SocketAddress a) {
        if (a instanceof InetSocketAddress i) {
            return i.getAddress() != null ? i.getAddress().getHostAddress() : i.getHostString();
        }
        return a == null ? "" : a.toString();
    }

    // ---- results ------------------------------------------------------------------------------

    private void respond(ServerRequest req, ServerResponse res, Object result) {
        try {
            switch (result) {
                case Response r -> plain(req, res, r.status, r.statusText, r.headers, r.body);
                case StreamingResponse s -> stream(req, res, s);
                case SseResponse s -> sse(req, res, s);
                case WebSocketResponse ws -> {
                    ws.recv.close();
                    ws.send.close();
                    send(req, res, Status.BAD_REQUEST_400, utf8("Bad Request: not a WebSocket upgrade request"));
                }
                case NgnObject o -> plain(req, res, statusOf(HttpText.option(o, "status")), "",
                        HttpText.option(o, "headers"), HttpText.option(o, "body"));
                case NgnModel m -> plain(req, res, statusOf(HttpText.option(m, "status")), "",
                        HttpText.option(m, "headers"), HttpText.option(m, "body"));
                case null -> send(req, res, Status.INTERNAL_SERVER_ERROR_500, NO_RESPONSE);
                case Unit u -> send(req, res, Status.INTERNAL_SERVER_ERROR_500, NO_RESPONSE);
                default -> plain(req, res, 200, "", null, result);
            }
        } catch (HttpException | RequestException | UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            if (res.isSent()) {
                throw e;
            }
            // e.g. a header name or value HTTP does not allow
            err.println("[ngn] HTTP handler returned an invalid response: " + Rt.message(e));
            err.flush();
            send(req, res, Status.INTERNAL_SERVER_ERROR_500, SERVER_ERROR);
        }
    }

    private static long statusOf(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d) {
            return d.longValue();
        }
        return 200;
    }

    private void plain(ServerRequest req, ServerResponse res, long status, String statusText, Object headers,
                       Object body) {
        byte[] bytes = body == null ? new byte[0] : utf8(body instanceof String s ? s : Fmt.str(HttpText.unwrap(body)));
        res.status(status(status, statusText));
        long[] length = {-1};
        userHeaders(res, headers, length);
        if (length[0] >= 0 && length[0] < bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) length[0]);
        }
        connection(req, res, false);
        res.send(bytes);
    }

    private void send(ServerRequest req, ServerResponse res, Status status, byte[] body) {
        res.status(status);
        connection(req, res, false);
        res.send(body);
    }

    /**
     * The connection headers: {@code Connection: close} after the last allowed request, when the
     * client asked for it, and for an HTTP/1.0 client that did not ask for keep-alive; otherwise
     * {@code Keep-Alive}. The connection's guard closes it after a closing response. A complete
     * response also closes when fibers the handler started are still running: they finish on the
     * connection's thread afterwards, so the client should not wait for it with another request
     * (a streamed body's producers usually end with the stream, and are not counted).
     */
    private void connection(ServerRequest req, ServerResponse res, boolean streaming) {
        GuardedConnection guard = GuardedConnection.current();
        Headers h = req.headers();
        boolean close = req.id() >= cfg.maxRequestsPerConnection()
                || (!streaming && Fibers.hasOtherFibers())
                || h.containsToken(HeaderValues.CONNECTION_CLOSE)
                || (guard != null && guard.http10() && !h.containsToken(HeaderValues.CONNECTION_KEEP_ALIVE));
        res.header(close ? HeaderValues.CONNECTION_CLOSE : keepAlive);
        if (guard != null) {
            guard.responded(close);
        }
    }

    /** The handler's headers, except the ones the server owns; a Content-Length is stored in {@code length[0]}. */
    private static void userHeaders(ServerResponse res, Object headers, long[] length) {
        if (headers == null) {
            return;
        }
        HttpText.forEachHeader(headers, (k, v) -> {
            switch (k.toLowerCase(Locale.ROOT)) {
                case "connection", "keep-alive", "transfer-encoding" -> { }
                case "content-length" -> {
                    if (length != null) {
                        try {
                            length[0] = Long.parseLong(v.trim());
                        } catch (NumberFormatException e) {
                            length[0] = -1;
                        }
                    }
                }
                default -> res.header(k, v);
            }
        });
    }

    static Status status(long code, String text) {
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("status " + code + " is not an HTTP status code");
        }
        if (text != null && !text.isEmpty()) {
            return Status.create((int) code, text);
        }
        String reason = HttpText.reason(code);
        return Status.create((int) code, reason == null ? "" : reason);
    }

    // ---- streaming ----------------------------------------------------------------------------

    private void stream(ServerRequest req, ServerResponse res, StreamingResponse s) {
        res.status(status(s.status, ""));
        userHeaders(res, s.headers, null);
        connection(req, res, true);
        NgnChannel ch = s.body;
        try (OutputStream os = res.outputStream()) {
            os.flush(); // headers now: the client sees the response start before the first chunk
            Iterator<Object> it = ch.iterator();
            while (it.hasNext()) {
                Object item = it.next();
                byte[] b = item instanceof NgnBytes bytes ? bytes.toByteArray() : utf8(Fmt.str(item));
                if (b.length == 0) {
                    continue;
                }
                os.write(b);
                os.flush();
            }
        } catch (IOException | UncheckedIOException e) {
            ch.close(); // the client went away: let the producer notice
        } catch (RuntimeException e) {
            ch.close();
            if (!isConnectionFailure(e)) {
                throw e;
            }
        }
    }

    private void sse(ServerRequest req, ServerResponse res, SseResponse s) {
        res.status(status(s.status, ""));
        res.header(HeaderValues.CONTENT_TYPE_EVENT_STREAM);
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        userHeaders(res, s.headers, null);
        connection(req, res, true);
        NgnChannel ch = s.body;
        long keepAliveMs = s.keepAliveMs;
        try (OutputStream os = res.outputStream()) {
            os.flush();
            if (keepAliveMs <= 0) {
                Iterator<Object> it = ch.iterator();
                while (it.hasNext()) {
                    os.write(utf8(sseFrame(it.next())));
                    os.flush();
                }
                return;
            }
            // keep-alive comments need a timed wait: poll, backing off from 1 ms to 25 ms while idle
            long lastWrite = System.nanoTime();
            long pause = 1;
            while (true) {
                NgnEnum next = ch.tryReceive();
                if (next.isValue()) {
                    os.write(utf8(sseFrame(next.payload())));
                    os.flush();
                    lastWrite = System.nanoTime();
                    pause = 1;
                    continue;
                }
                if (ch.isClosed() && !ch.tryReceive().isValue()) {
                    break;
                }
                if (System.nanoTime() - lastWrite >= keepAliveMs * 1_000_000L) {
                    os.write(utf8(": keepalive\n\n"));
                    os.flush();
                    lastWrite = System.nanoTime();
                }
                Fibers.sleep(pause);
                pause = Math.min(pause * 2, 25);
            }
        } catch (IOException | UncheckedIOException e) {
            ch.close();
        } catch (RuntimeException e) {
            ch.close();
            if (!isConnectionFailure(e)) {
                throw e;
            }
        }
    }

    /**
     * One SSE message: a string is {@code data: <line>} per line then a blank line; an
     * {@link SseEvent} or an object with only the keys data/event/id/retryMs/comment is
     * {@code : comment}, {@code id: …}, {@code event: …} (each when not empty), {@code retry: N}
     * (N &gt; 0), the data lines, then a blank line. Anything else is sent as data in its
     * {@code fmt} text.
     */
    static String sseFrame(Object item) {
        StringBuilder sb = new StringBuilder();
        String data;
        if (item instanceof SseEvent e) {
            data = eventFields(sb, e.comment, e.id, e.event, e.retryMs, e.data);
        } else if (item instanceof NgnObject o && isEventShaped(o)) {
            Object retry = HttpText.option(o, "retryMs");
            data = eventFields(sb, text(HttpText.option(o, "comment")), text(HttpText.option(o, "id")),
                    text(HttpText.option(o, "event")), retry instanceof Long l ? l : 0, text(HttpText.option(o, "data")));
        } else {
            data = Fmt.str(HttpText.unwrap(item));
        }
        if (data != null) {
            for (String line : data.split("\r\n|\n|\r", -1)) {
                sb.append("data: ").append(line).append('\n');
            }
        }
        return sb.append('\n').toString();
    }

    /** Writes the non-data fields; returns the data to send (null: a comment-only event without data). */
    private static String eventFields(StringBuilder sb, String comment, String id, String event, long retryMs,
                                      String data) {
        if (comment != null && !comment.isEmpty()) {
            for (String line : comment.split("\r\n|\n|\r", -1)) {
                sb.append(": ").append(line).append('\n');
            }
        }
        if (id != null && !id.isEmpty()) {
            sb.append("id: ").append(id).append('\n');
        }
        if (event != null && !event.isEmpty()) {
            sb.append("event: ").append(event).append('\n');
        }
        if (retryMs > 0) {
            sb.append("retry: ").append(retryMs).append('\n');
        }
        if ((data == null || data.isEmpty()) && comment != null && !comment.isEmpty()) {
            return null;
        }
        return data == null ? "" : data;
    }

    private static boolean isEventShaped(NgnObject o) {
        if (o.fieldCount() == 0) {
            return false;
        }
        for (String k : o.keys()) {
            switch (k) {
                case "data", "event", "id", "retryMs", "comment" -> { }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    private static String text(Object v) {
        return v == null ? null : Fmt.str(v);
    }

    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof IOException || c.getClass().getName().startsWith("io.helidon.")) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    // ---- errors ---------------------------------------------------------------------------------

    /** Reports a failed handler on stderr: {@code [ngn] HTTP handler panicked: <message>} and the location. */
    void panicked(Throwable t) {
        Out.flush();
        StringBuilder sb = new StringBuilder("[ngn] HTTP handler panicked: ").append(Rt.message(t)).append('\n');
        String loc = Rt.location(t);
        if (!loc.isEmpty()) {
            sb.append(loc).append('\n');
        }
        synchronized (err) {
            err.print(sb);
            err.flush();
        }
    }

    /**
     * Helidon's answer to a request it could not parse: 400 {@code Bad Request: <reason>}, except
     * 431 when the request headers are larger than {@code maxHeaderBytes}; the connection is closed.
     */
    static final class BadRequests implements DirectHandler {
        private static final Status HEADERS_TOO_LARGE = Status.create(431, "Request Header Fields Too Large");

        @Override
        public TransportResponse handle(TransportRequest request, EventType type, Status status,
                                        ServerResponseHeaders headers, Throwable thrown, System.Logger logger) {
            for (Throwable c = thrown; c != null; c = c.getCause()) {
                if (c.getMessage() != null && c.getMessage().contains("Header size exceeded")) {
                    return respond(HEADERS_TOO_LARGE, headers, "Request Header Fields Too Large");
                }
                if (c.getCause() == c) {
                    break;
                }
            }
            String m = thrown == null || thrown.getMessage() == null ? "" : thrown.getMessage();
            return handle(request, type, status, headers, m);
        }

        @Override
        public TransportResponse handle(TransportRequest request, EventType type, Status status,
                                        ServerResponseHeaders headers, String message) {
            String m = message == null ? "" : message;
            if (m.contains("Header size exceeded")) {
                return respond(HEADERS_TOO_LARGE, headers, "Request Header Fields Too Large");
            }
            return respond(status, headers, status.reasonPhrase() + (m.isEmpty() ? "" : ": " + m));
        }

        private static TransportResponse respond(Status status, ServerResponseHeaders headers, String text) {
            return TransportResponse.builder()
                    .status(status)
                    .headers(headers)
                    .entity(text)
                    .keepAlive(false)
                    .build();
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
