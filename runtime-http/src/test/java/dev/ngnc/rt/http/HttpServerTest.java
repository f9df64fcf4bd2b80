package dev.ngnc.rt.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ngnc.rt.Fibers;
import dev.ngnc.rt.tbx.Json;
import dev.ngnc.rt.value.NgnBytes;
import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.value.NgnMap;
import dev.ngnc.rt.value.NgnObject;
import dev.ngnc.rt.tbx.Response;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server with real clients on 127.0.0.1: the JDK's HttpClient and WebSocket, curl, raw sockets. */
@Timeout(60)
class HttpServerTest {
    private final HttpClient client = ServerFixture.client();

    private HttpResponse<String> get(ServerFixture s, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(s.url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void requestFieldsAndPlainResponse() throws Exception {
        try (ServerFixture s = new ServerFixture(req -> {
            NgnMap h = NgnMap.empty();
            h.set("X-Reply", "yes");
            String fields = Json.stringify(NgnObject.of(
                    new String[] {"method", "url", "protocol", "host", "path", "query", "params", "headers", "body",
                        "ip", "cookies", "form", "json"},
                    new Object[] {req.method, req.url, req.protocol, req.host, req.path, req.query, req.params,
                        req.headers.get("x-test").payload(), req.text(), req.ip, req.cookies,
                        req.formData(), req.json().isError()}));
            return new Response(201, "", false, h, fields);
        })) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(s.url("/a/b%20c?x=1&y=a+b%21")))
                    .header("X-Test", "t1").header("Cookie", "sid=42; theme=dark")
                    .POST(HttpRequest.BodyPublishers.ofString("k=v&w=x+y")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, r.statusCode());
            assertEquals("yes", r.headers().firstValue("x-reply").orElse(""));
            assertTrue(r.headers().firstValue("content-type").isEmpty(), "no default Content-Type");
            String expected = "{\"body\":\"k=v&w=x+y\",\"cookies\":{\"sid\":\"42\",\"theme\":\"dark\"},"
                    + "\"form\":{\"k\":\"v\",\"w\":\"x y\"},\"headers\":\"t1\",\"host\":\"127.0.0.1:" + s.port() + "\","
                    + "\"ip\":\"127.0.0.1\",\"json\":true,\"method\":\"POST\",\"params\":{\"x\":\"1\",\"y\":\"a b!\"},"
                    + "\"path\":\"/a/b%20c\",\"protocol\":\"http\",\"query\":\"?x=1&y=a+b%21\","
                    + "\"url\":\"/a/b%20c?x=1&y=a+b%21\"}";
            assertEquals(expected, r.body());
        }
    }

    @Test
    void objectsAndOtherValuesAsResults() throws Exception {
        try (ServerFixture s = new ServerFixture(req -> switch (req.path) {
            case "/obj" -> NgnObject.of(new String[] {"status", "body", "headers"},
                    new Object[] {404L, "nope", NgnObject.of(new String[] {"X-A"}, new Object[] {"1"})});
            case "/num" -> 42L;
            case "/cut" -> {
                NgnMap h = NgnMap.empty();
                h.set("Content-Length", "5");
                h.set("Connection", "upgrade-me-not");
                yield new Response(200, "Fine", false, h, "Hello, world");
            }
            default -> null;
        })) {
            HttpResponse<String> obj = get(s, "/obj");
            assertEquals(404, obj.statusCode());
            assertEquals("nope", obj.body());
            assertEquals("1", obj.headers().firstValue("x-a").orElse(""));
            assertEquals("42", get(s, "/num").body());
            HttpResponse<String> none = get(s, "/none");
            assertEquals(500, none.statusCode());
            assertEquals("Handler returned no response", none.body());
            if (ServerFixture.hasCurl()) {
                String cut = ServerFixture.curl("-i", s.url("/cut"));
                assertTrue(cut.startsWith("HTTP/1.1 200 Fine\r\n"), cut);
                assertTrue(cut.contains("Content-Length: 5\r\n") && cut.contains("\r\n\r\nHello\n---stderr"), cut);
                assertTrue(!cut.contains("upgrade-me-not"), cut);
            }
        }
    }

    @Test
    void panicGives500AndTheServerKeepsServing() throws Exception {
        try (ServerFixture s = new ServerFixture(req -> {
            if (req.path.equals("/panic")) {
                dev.ngnc.rt.Rt.panic("boom");
            }
            return ServerFixture.text("still here");
        })) {
            HttpResponse<String> r = get(s, "/panic");
            assertEquals(500, r.statusCode());
            assertEquals("Internal Server Error", r.body());
            assertTrue(s.stderr().contains("[ngn] HTTP handler panicked: Thread panicked: boom"), s.stderr());
            assertEquals("still here", get(s, "/").body());
        }
    }

    @Test
    void keepAliveAndMaxRequestsPerConnection() throws Exception {
        assumeTrue(ServerFixture.hasCurl(), "curl not installed");
        try (ServerFixture s = new ServerFixture(req -> ServerFixture.text("r" + req.path),
                "maxRequestsPerConnection", 2L, "keepAliveTimeoutMs", 7000L)) {
            String out = ServerFixture.curl("-v", s.url("/1"), s.url("/2"), s.url("/3"));
            assertTrue(out.startsWith("r/1r/2r/3"), out);
            assertTrue(out.contains("Re-using existing connection") || out.contains("Reusing existing connection"), out);
            assertTrue(out.contains("< Keep-Alive: timeout=7"), out);
            assertTrue(out.contains("< Connection: close"), "second response closes: " + out);
        }
    }

    @Test
    void chunkedStreamingEndsWhenTheChannelCloses() throws Exception {
        try (ServerFixture s = new ServerFixture(req -> {
            NgnChannel ch = NgnChannel.create();
            Thread.ofVirtual().start(() -> {
                for (String c : new String[] {"one\n", "", "two\n", "three\n"}) {
                    ch.send(c);
                    Fibers.sleep(20);
                }
                ch.close();
            });
            return new StreamingResponse(200, NgnObject.of(new String[] {"Content-Type"}, new Object[] {"text/plain"}), ch);
        })) {
            HttpResponse<java.util.stream.Stream<String>> r = client.send(
                    HttpRequest.newBuilder(URI.create(s.url("/"))).build(), HttpResponse.BodyHandlers.ofLines());
            assertEquals("chunked", r.headers().firstValue("transfer-encoding").orElse(""));
            assertEquals(List.of("one", "two", "three"), r.body().collect(Collectors.toList()));
            if (ServerFixture.hasCurl()) {
                String raw = ServerFixture.curl("--raw", s.url("/"));
                assertTrue(raw.startsWith("4\r\none\n\r\n4\r\ntwo\n\r\n6\r\nthree\n\r\n0\r\n\r\n"), raw);
            }
        }
    }

    @Test
    void clientDisconnectClosesTheStreamChannel() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        try (ServerFixture s = new ServerFixture(req -> {
            NgnChannel ch = NgnChannel.create();
            Thread.ofVirtual().start(() -> {
                try {
                    while (!ch.isClosed()) {
                        ch.send("tick\n");
                        Thread.sleep(10);
                    }
                } catch (Exception e) {
                    // Send to closed channel
                }
                closed.countDown();
            });
            return new StreamingResponse(200, NgnMap.empty(), ch);
        })) {
            try (Socket sock = new Socket("127.0.0.1", s.port())) {
                sock.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                InputStream in = sock.getInputStream();
                byte[] buf = new byte[256];
                assertTrue(in.read(buf) > 0);
            }
            assertTrue(closed.await(10, TimeUnit.SECONDS), "the producer saw the channel closed");
        }
    }

    @Test
    void serverSentEvents() throws Exception {
        try (ServerFixture s = new ServerFixture(req -> {
            NgnChannel ch = NgnChannel.create();
            Thread.ofVirtual().start(() -> {
                ch.send(new SseEvent("Hello", "greet", "7", 1500, "note"));
                ch.send("multi\nline");
                ch.send(NgnObject.of(new String[] {"data", "event"}, new Object[] {"raw", "obj"}));
                try {
                    Thread.sleep(350);
                } catch (InterruptedException e) {
                    return;
                }
                ch.send("late");
                ch.close();
            });
            return new SseResponse(200, NgnMap.empty(), ch, 100);
        })) {
            HttpResponse<String> r = get(s, "/events");
            assertEquals("text/event-stream", r.headers().firstValue("content-type").orElse(""));
            assertEquals("no-cache", r.headers().firstValue("cache-control").orElse(""));
            String body = r.body();
            assertTrue(body.startsWith(": note\nid: 7\nevent: greet\nretry: 1500\ndata: Hello\n\n"
                    + "data: multi\ndata: line\n\nevent: obj\ndata: raw\n\n"), body);
            assertTrue(body.contains(": keepalive\n\n"), body);
            assertTrue(body.endsWith("data: late\n\n"), body);
        }
    }

    @Test
    void webSocketEchoTextAndBinary() throws Exception {
        try (ServerFixture s = new ServerFixture(req -> {
            NgnChannel recv = NgnChannel.create();
            NgnChannel send = NgnChannel.create();
            Thread.ofVirtual().start(() -> {
                for (Object m : recv) {
                    if ("bye".equals(m)) {
                        break;
                    }
                    send.send(m instanceof String t ? "echo: " + t + " from " + req.path : m);
                }
                send.close();
            });
            return new WebSocketResponse(NgnObject.of(new String[] {"X-Ws"}, new Object[] {"on"}), recv, send);
        })) {
            List<Object> got = new CopyOnWriteArrayList<>();
            CompletableFuture<Integer> closedWith = new CompletableFuture<>();
            CountDownLatch two = new CountDownLatch(2);
            WebSocket ws = client.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + s.port() + "/chat"),
                    new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                            got.add(data.toString());
                            two.countDown();
                            w.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
                            byte[] b = new byte[data.remaining()];
                            data.get(b);
                            got.add(List.of(b[0], b[1], b[2]));
                            two.countDown();
                            w.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                            closedWith.complete(status);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            ws.sendText("hi", true).get(5, TimeUnit.SECONDS);
            ws.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(5, TimeUnit.SECONDS);
            assertTrue(two.await(10, TimeUnit.SECONDS), got.toString());
            assertEquals(List.of("echo: hi from /chat", List.of((byte) 1, (byte) 2, (byte) 3)), got);
            ws.sendText("bye", true).get(5, TimeUnit.SECONDS);
            assertEquals(1000, closedWith.get(10, TimeUnit.SECONDS), "closing send closes the socket with 1000");
        }
    }

    @Test
    void webSocketRecvClosesWhenTheClientLeaves() throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        try (ServerFixture s = new ServerFixture(req -> {
            NgnChannel recv = NgnChannel.create();
            NgnChannel send = NgnChannel.create();
            Thread.ofVirtual().start(() -> {
                for (Object m : recv) {
                    // drain
                }
                ended.countDown();
            });
            return new WebSocketResponse(NgnMap.empty(), recv, send);
        })) {
            WebSocket ws = client.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + s.port() + "/"),
                    new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS);
            ws.sendText("x", true).get(5, TimeUnit.SECONDS);
            ws.abort();
            assertTrue(ended.await(10, TimeUnit.SECONDS), "recv was closed on disconnect");
        }
    }

    @Test
    void handlersRunInParallel() throws Exception {
        try (ServerFixture s = new ServerFixture(req -> {
            if (req.path.equals("/slow")) {
                Fibers.sleep(600);
            }
            return ServerFixture.text(req.path);
        })) {
            long t0 = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                slow.add(client.sendAsync(HttpRequest.newBuilder(URI.create(s.url("/slow"))).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(100);
            assertEquals("/fast", get(s, "/fast").body());
            long fastMs = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(fastMs < 550, "a slow handler does not stall others: " + fastMs + " ms");
            for (CompletableFuture<HttpResponse<String>> f : slow) {
                assertEquals("/slow", f.get(10, TimeUnit.SECONDS).body());
            }
            long allMs = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(allMs < 1500, "4 slow handlers overlap: " + allMs + " ms");
        }
    }

    @Test
    void limitsAndMalformedRequests() throws Exception {
        try (ServerFixture s = new ServerFixture(req -> ServerFixture.text("ok " + req.body.length()),
                "maxBodyBytes", 1000L, "maxHeaderBytes", 2048L)) {
            HttpResponse<String> big = client.send(HttpRequest.newBuilder(URI.create(s.url("/")))
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(5000))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(413, big.statusCode());
            HttpResponse<String> fine = client.send(HttpRequest.newBuilder(URI.create(s.url("/")))
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(999))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("ok 999", fine.body());
            HttpResponse<String> headers = client.send(HttpRequest.newBuilder(URI.create(s.url("/")))
                    .header("X-Big", "y".repeat(4000)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(431, headers.statusCode());
            String garbage = raw(s, "THIS IS NOT HTTP\r\n\r\n");
            assertTrue(garbage.isEmpty() || garbage.startsWith("HTTP/1.1 400 "), "not HTTP: closed or 400: " + garbage);
            assertTrue(raw(s, "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 400 "), "bad request line");
            assertTrue(raw(s, "GET / HTTP/1.1\r\nBad Header Without Colon\r\n\r\n").startsWith("HTTP/1.1 400 "));
            assertTrue(raw(s, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n").startsWith("HTTP/1.1 400 "));
            assertEquals("ok 0", get(s, "/").body(), "still serving");
        }
    }

    @Test
    void idleConnectionsTimeOut() throws Exception {
        try (ServerFixture s = new ServerFixture(req -> ServerFixture.text("x"), "keepAliveTimeoutMs", 400L)) {
            // after a request, an idle keep-alive connection is closed after keepAliveTimeoutMs
            try (Socket sock = new Socket("127.0.0.1", s.port())) {
                sock.setSoTimeout(10_000);
                sock.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                InputStream in = sock.getInputStream();
                String head = new String(in.readNBytes(17), StandardCharsets.US_ASCII);
                assertEquals("HTTP/1.1 200 OK\r\n", head);
                long t0 = System.nanoTime();
                while (in.read() >= 0) {
                    // rest of the response, then EOF when the server closes
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(ms < 5000, ms + " ms");
            }
        }
    }

    private static String raw(ServerFixture s, String request) throws Exception {
        try (Socket sock = new Socket("127.0.0.1", s.port())) {
            sock.setSoTimeout(5000);
            OutputStream out = sock.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            byte[] buf = new byte[512];
            int n = sock.getInputStream().read(buf);
            return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void startupErrorsNameTheCause() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            NgnObject cfg = NgnObject.of(new String[] {"port", "host"}, new Object[] {(long) taken.getLocalPort(), "127.0.0.1"});
            dev.ngnc.rt.base.NgnError e = org.junit.jupiter.api.Assertions.assertThrows(dev.ngnc.rt.base.NgnError.class,
                    () -> HttpServer.start(ServerFixture.fn(r -> null), ServerConfig.parse(cfg), System.err));
            assertTrue(e.ngnMessage().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), e.ngnMessage());
            assertTrue(e.ngnMessage().toLowerCase().contains("in use"), e.ngnMessage());
        }
        NgnObject tls = NgnObject.of(new String[] {"port", "tls"}, new Object[] {0L,
            NgnObject.of(new String[] {"cert", "key"}, new Object[] {"/nonexistent/cert.pem", "/nonexistent/key.pem"})});
        dev.ngnc.rt.base.NgnError e = org.junit.jupiter.api.Assertions.assertThrows(dev.ngnc.rt.base.NgnError.class,
                () -> HttpServer.start(ServerFixture.fn(r -> null), ServerConfig.parse(tls), System.err));
        assertEquals("Runtime Error: HTTP server: TLS certificate file '/nonexistent/cert.pem' does not exist", e.ngnMessage());
        dev.ngnc.rt.base.NgnError port = org.junit.jupiter.api.Assertions.assertThrows(dev.ngnc.rt.base.NgnError.class,
                () -> ServerConfig.parse(NgnObject.of(new String[] {"port"}, new Object[] {"eighty"})));
        assertEquals("Runtime Error: HTTP server config: port must be an integer, got 'eighty'", port.ngnMessage());
    }

    @Test
    void bytesInStreamsAndAtomicFlag() {
        // the SSE frame format for other values: their fmt text as data
        assertEquals("data: 42\n\n", Exchange.sseFrame(42L));
        assertEquals(": only a comment\n\n", Exchange.sseFrame(new SseEvent("", "", "", 0, "only a comment")));
        AtomicBoolean ok = new AtomicBoolean(NgnBytes.of("x").length() == 1);
        assertTrue(ok.get());
    }
}
