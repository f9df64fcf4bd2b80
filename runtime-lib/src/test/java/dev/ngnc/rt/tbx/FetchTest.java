package dev.ngnc.rt.tbx;

import dev.ngnc.rt.value.Fmt;
import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.value.NgnMap;
import dev.ngnc.rt.value.NgnObject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code fetch} against a server the test starts on 127.0.0.1 (the JDK's own HttpServer). */
@Timeout(30)
class FetchTest {
    static HttpServer server;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/echo", ex -> {
            byte[] in = ex.getRequestBody().readAllBytes();
            String body = ex.getRequestMethod() + " " + ex.getRequestURI() + " ct=" + ex.getRequestHeaders().getFirst("Content-Type")
                    + " x=" + ex.getRequestHeaders().getFirst("X-Custom") + " body=" + new String(in, StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("X-Reply", "Yes");
            ex.getResponseHeaders().add("Set-Cookie", "a=1");
            ex.getResponseHeaders().add("Set-Cookie", "b=2");
            send(ex, 200, body);
        });
        server.createContext("/json", ex -> send(ex, 200, "{\"name\":\"ngn\",\"n\":[1,2]}"));
        server.createContext("/teapot", ex -> send(ex, 418, "short and stout"));
        server.createContext("/odd", ex -> send(ex, 299, ""));
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                return;
            }
            send(ex, 200, "late");
        });
        server.createContext("/redirect", ex -> {
            ex.getResponseHeaders().add("Location", "/json");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static Response await(NgnChannel ch) {
        assertEquals("<channel fetch_result>", ch.toString());
        return (Response) ch.receive();
    }

    private static NgnObject opts(Object... kv) {
        String[] keys = new String[kv.length / 2];
        Object[] values = new Object[kv.length / 2];
        for (int i = 0; i < kv.length; i += 2) {
            keys[i / 2] = (String) kv[i];
            values[i / 2] = kv[i + 1];
        }
        return NgnObject.of(keys, values);
    }

    @Test
    void getWithResponseFields() {
        Response r = await(Fetch.fetch(base + "/echo?q=1"));
        assertEquals(200, r.status);
        assertEquals("OK", r.statusText);
        assertTrue(r.ok);
        assertEquals("GET /echo?q=1 ct=null x=null body=", r.text());
        assertEquals("Yes", r.headers.get("x-reply").payload(), "header names are lower case");
        assertEquals("a=1, b=2", r.headers.get("set-cookie").payload());
    }

    @Test
    void postWithHeadersBodyAndLowerCaseMethod() {
        NgnMap headers = NgnMap.empty();
        headers.set("X-Custom", "c1");
        Response r = await(Fetch.fetch(base + "/echo", opts("method", "post", "body", "{\"a\":1}", "headers",
                NgnObject.of(new String[] {"Content-Type"}, new Object[] {"application/json"}))));
        assertEquals("POST /echo ct=application/json x=null body={\"a\":1}", r.body);
        Response withMap = await(Fetch.fetch(base + "/echo", opts("method", "PUT", "headers", headers)));
        assertEquals("PUT /echo ct=null x=c1 body=", withMap.body);
        Response unknown = await(Fetch.fetch(base + "/echo", opts("method", "FROBNICATE")));
        assertTrue(unknown.body.startsWith("GET "), "unknown method ⇒ GET");
    }

    @Test
    void jsonTextFormDataAndPrinting() {
        Response r = await(Fetch.fetch(base + "/json"));
        NgnEnum json = r.json();
        assertTrue(json.isOk());
        assertEquals("ngn", ((NgnObject) json.payload()).get("name"));
        Response teapot = await(Fetch.fetch(base + "/teapot"));
        assertEquals(418, teapot.status);
        assertEquals("I'm a teapot", teapot.statusText);
        assertFalse(teapot.ok);
        assertEquals("Result::Error (JSON parse error: expected value at line 1 column 1)", Fmt.str(teapot.json()));
        assertEquals("Unknown", await(Fetch.fetch(base + "/odd")).statusText);
        Response printed = new Response(200, "OK", true, NgnMap.empty().set("k", "v"), "body");
        assertEquals("Response { status: 200, statusText: \"OK\", ok: true, headers: { \"k\": \"v\" } }", Fmt.str(printed));
        assertEquals("Response { status: 0, statusText: \"\", ok: false, headers: {} }",
                Fmt.str(new Response(0, "", true, NgnMap.empty(), "")));
        assertEquals("map{a: 1, b: x y}", Fmt.str(new Response(200, "", true, NgnMap.empty(), "a=1&b=x+y").formData()));
    }

    @Test
    void redirectsAreFollowed() {
        Response r = await(Fetch.fetch(base + "/redirect"));
        assertEquals(200, r.status);
        assertTrue(r.body.contains("ngn"));
    }

    @Test
    void transportFailuresAreStatusZero() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        Response refused = await(Fetch.fetch("http://127.0.0.1:" + closedPort + "/x", opts("timeout", 2000L)));
        assertEquals(0, refused.status);
        assertFalse(refused.ok);
        assertEquals("", refused.body);
        assertTrue(refused.statusText.startsWith("Error: connection refused"), refused.statusText);

        long t0 = System.nanoTime();
        Response slow = await(Fetch.fetch(base + "/slow", opts("timeout", 300L)));
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 2500, "timeout honoured");
        assertEquals(0, slow.status);
        assertTrue(slow.statusText.startsWith("Error: request timed out after 300 ms"), slow.statusText);

        assertTrue(await(Fetch.fetch("not a url")).statusText.startsWith("Error: invalid URL 'not a url': "));
        assertEquals("Error: invalid URL '/relative': relative URL without a base",
                await(Fetch.fetch("/relative")).statusText);
        assertTrue(await(Fetch.fetch("ftp://example.com/")).statusText.contains("unsupported scheme 'ftp'"));
        assertTrue(await(Fetch.fetch("http://")).statusText.startsWith("Error: invalid URL"));
    }

    @Test
    void anUnknownHostIsNotReportedAsARefusedConnection() {
        // what the JDK's HttpClient throws for a host name that does not resolve
        java.net.ConnectException unknown = new java.net.ConnectException();
        unknown.initCause(new java.nio.channels.UnresolvedAddressException());
        assertEquals("could not resolve host (http://no-such-host.invalid/)",
                Fetch.describe(new java.util.concurrent.CompletionException(unknown), "http://no-such-host.invalid/", 1000));
        assertEquals("connection refused (http://127.0.0.1:1/)",
                Fetch.describe(new java.net.ConnectException("Connection refused"), "http://127.0.0.1:1/", 1000));
    }
}
