package dev.ngnc.rt.http;

import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.value.NgnMap;
import dev.ngnc.rt.tbx.Response;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link GuardedConnection} adds to Helidon: time-outs, HTTP/1.0, honouring Connection: close, upgrades. */
class ConnectionGuardTest {

    /** Sends {@code request}, then reads until the server closes; returns what came and how long it took. */
    private record Exchanged(String text, long millis) {
    }

    private static Exchanged untilClosed(ServerFixture s, String request) throws Exception {
        try (Socket sock = new Socket("127.0.0.1", s.port())) {
            sock.setSoTimeout(10_000);
            long t0 = System.nanoTime();
            OutputStream out = sock.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = sock.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            for (int n; (n = in.read(buf)) >= 0; ) {
                got.write(buf, 0, n);
            }
            return new Exchanged(got.toString(StandardCharsets.ISO_8859_1), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    @Test
    void aClientThatNeverSendsIsClosedAfterTheKeepAliveTimeout() throws Exception {
        try (ServerFixture s = new ServerFixture(req -> ServerFixture.text("x"), "keepAliveTimeoutMs", 300L)) {
            Exchanged e = untilClosed(s, "");
            assertEquals("", e.text());
            assertTrue(e.millis() >= 250 && e.millis() < 3000, e.millis() + " ms");
        }
    }

    @Test
    void headersThatTakeTooLongGet408() throws Exception {
        try (ServerFixture s = new ServerFixture(req -> ServerFixture.text("x"), "headersTimeoutMs", 400L)) {
            // the request line arrives, the headers never end
            Exchanged e = untilClosed(s, "GET /slow HTTP/1.1\r\nHost: x\r\n");
            assertTrue(e.text().startsWith("HTTP/1.1 408 Request Timeout\r\n"), e.text());
            assertTrue(e.millis() >= 350 && e.millis() < 3000, e.millis() + " ms");
            // a request line cut in the middle is the same
            e = untilClosed(s, "GET /sl");
            assertTrue(e.text().startsWith("HTTP/1.1 408 "), e.text());
        }
    }

    @Test
    void dripFedHeadersAreCutAtTheDeadlineEvenIfEachByteIsQuick() throws Exception {
        try (ServerFixture s = new ServerFixture(req -> ServerFixture.text("x"), "headersTimeoutMs", 500L,
                "keepAliveTimeoutMs", 5000L);
             Socket sock = new Socket("127.0.0.1", s.port())) {
            sock.setSoTimeout(10_000);
            OutputStream out = sock.getOutputStream();
            long t0 = System.nanoTime();
            try {
                out.write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 40; i++) {
                    out.write('X');
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (java.io.IOException closedByServer) {
                // expected once the server gave up
            }
            String got = new String(sock.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(got.startsWith("HTTP/1.1 408 "), got);
            assertTrue(ms < 1900, ms + " ms: the deadline counts from the request's first byte");
        }
    }

    @Test
    void aStalledBodyEndsTheConnection() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        try (ServerFixture s = new ServerFixture(req -> {
            handled.incrementAndGet();
            return ServerFixture.text("x");
        }, "headersTimeoutMs", 400L)) {
            Exchanged e = untilClosed(s, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
            assertTrue(e.millis() < 3000, e.millis() + " ms");
            assertEquals(0, handled.get(), "the handler never saw a partial body");
        }
    }

    @Test
    void aBodyTrickledByteByByteIsCutAtTheBodyDeadline() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        try (ServerFixture s = new ServerFixture(req -> {
            handled.incrementAndGet();
            return ServerFixture.text("x");
        }, "headersTimeoutMs", 2000L, "bodyTimeoutMs", 600L);
             Socket sock = new Socket("127.0.0.1", s.port())) {
            sock.setSoTimeout(10_000);
            OutputStream out = sock.getOutputStream();
            long t0 = System.nanoTime();
            try {
                out.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 60; i++) { // each byte well within headersTimeoutMs of the last
                    out.write('b');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (java.io.IOException closedByServer) {
                // expected once the server gave up
            }
            sock.getInputStream().readAllBytes();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 3000, ms + " ms: the deadline is for the whole body, not each read");
            assertEquals(0, handled.get(), "the handler never saw a partial body");
        }
    }

    @Test
    void aMalformedChunkSizeGets400AndTheConnectionCloses() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        try (ServerFixture s = new ServerFixture(req -> {
            handled.incrementAndGet();
            return ServerFixture.text("x");
        })) {
            for (String size : new String[] {"zz", "-3"}) {
                Exchanged e = untilClosed(s, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + size + "\r\nabc\r\n0\r\n\r\n");
                assertTrue(e.text().startsWith("HTTP/1.1 400 Bad Request\r\n"), size + ": " + e.text());
                assertTrue(e.text().contains("Connection: close"), e.text());
                assertTrue(e.millis() < 3000, size + ": " + e.millis() + " ms");
            }
            assertEquals(0, handled.get());
            Exchanged ok = untilClosed(s, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + "3\r\nabc\r\n0\r\n\r\n");
            assertTrue(ok.text().startsWith("HTTP/1.1 200 "), ok.text());
        }
    }

    @Test
    void http10RequestsAreAnsweredAndClosedUnlessKeepAliveWasAsked() throws Exception {
        try (ServerFixture s = new ServerFixture(req -> ServerFixture.text("v=" + req.method + " " + req.url))) {
            Exchanged e = untilClosed(s, "GET /old?q=1 HTTP/1.0\r\n\r\n");
            assertTrue(e.text().startsWith("HTTP/1.1 200 OK\r\n"), e.text());
            assertTrue(e.text().contains("Connection: close\r\n"), e.text());
            assertTrue(e.text().endsWith("\r\n\r\nv=GET /old?q=1"), e.text());
            assertTrue(e.millis() < 2000, "closed after the response: " + e.millis() + " ms");

            String curl = ServerFixture.curl("--http1.0", "-i", "-H", "Connection: keep-alive", s.url("/ka"));
            assertTrue(curl.contains("Connection: keep-alive"), curl);
            assertTrue(curl.contains("v=GET /ka"), curl);
        }
    }

    @Test
    void connectionCloseFromTheClientClosesTheConnectionRightAway() throws Exception {
        try (ServerFixture s = new ServerFixture(req -> ServerFixture.text("bye"), "keepAliveTimeoutMs", 20_000L)) {
            Exchanged e = untilClosed(s, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertTrue(e.text().contains("Connection: close\r\n"), e.text());
            assertTrue(!e.text().contains("Keep-Alive"), e.text());
            assertTrue(e.millis() < 2000, e.millis() + " ms");
        }
    }

    @Test
    void theLastAllowedRequestClosesTheConnection() throws Exception {
        try (ServerFixture s = new ServerFixture(req -> ServerFixture.text("n"), "maxRequestsPerConnection", 2L,
                "keepAliveTimeoutMs", 20_000L)) {
            String two = "GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\n";
            Exchanged e = untilClosed(s, two);
            assertEquals(2, e.text().split("HTTP/1.1 200 OK", -1).length - 1, e.text());
            assertTrue(e.millis() < 2000, e.millis() + " ms");
        }
    }

    @Test
    void anUpgradeRequestAnsweredWithAPlainResponseGetsThatResponse() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (ServerFixture s = new ServerFixture(req -> {
            calls.incrementAndGet();
            return new Response(403, "", false, NgnMap.empty(), "no sockets for " + req.path);
        })) {
            String got = untilClosed(s, "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Connection: close\r\n\r\n").text();
            assertTrue(got.startsWith("HTTP/1.1 403 "), got);
            assertTrue(got.endsWith("no sockets for /ws"), got);
            assertEquals(1, calls.get(), "the handler ran once");
        }
    }

    @Test
    void fibersAHandlerStartsRunToTheirEndAfterTheResponse() throws Exception {
        CompletableFuture<String> background = new CompletableFuture<>();
        try (ServerFixture s = new ServerFixture(req -> {
            dev.ngnc.rt.Fibers.thread(new dev.ngnc.rt.value.NgnFn() {
                @Override
                public int arity() {
                    return 0;
                }

                @Override
                public Object call0() {
                    dev.ngnc.rt.Fibers.sleep(300);
                    background.complete("done after the response");
                    return null;
                }
            });
            return ServerFixture.text("answered");
        })) {
            Exchanged e = untilClosed(s, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(e.text().endsWith("answered"), e.text());
            assertTrue(e.text().contains("Connection: close\r\n"), "the connection is busy afterwards: " + e.text());
            assertEquals("done after the response", background.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aQuietWebSocketOutlivesEveryTimeout() throws Exception {
        try (ServerFixture s = new ServerFixture(req -> {
            NgnChannel recv = NgnChannel.create();
            NgnChannel send = NgnChannel.create();
            Thread.ofVirtual().start(() -> {
                for (Object m : recv) {
                    send.send("echo " + m);
                }
            });
            return new WebSocketResponse(NgnMap.empty(), recv, send);
        }, "keepAliveTimeoutMs", 200L, "headersTimeoutMs", 200L)) {
            CompletableFuture<String> reply = new CompletableFuture<>();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + s.port() + "/"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                            reply.complete(data.toString());
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            Thread.sleep(1000); // five times both time-outs
            ws.sendText("late", true).get(5, TimeUnit.SECONDS);
            assertEquals("echo late", reply.get(10, TimeUnit.SECONDS));
            ws.abort();
        }
    }
}
