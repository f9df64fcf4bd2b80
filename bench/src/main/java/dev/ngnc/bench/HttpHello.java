package dev.ngnc.bench;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;

import java.nio.charset.StandardCharsets;

/**
 * Java twin of bench/ngn/http_hello.ngn: the same hello-world HTTP server hand-written on the same
 * library (Helidon SE 4 WebServer, one virtual thread per connection). Usage: HttpHello PORT.
 */
public final class HttpHello {
    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.UTF_8);

    private HttpHello() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                .addRouting(HttpRouting.builder().any((req, res) -> res.send(HELLO)))
                .build()
                .start();
        System.out.println("Java server listening on http://localhost:" + server.port());
    }
}
