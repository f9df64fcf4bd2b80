package dev.ngnc.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ngnc.diag.Diagnostic;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.driver.CompiledProgram;
import dev.ngnc.driver.Compiler;
import dev.ngnc.jar.JarBuilder;
import dev.ngnc.jar.Proc;
import dev.ngnc.jar.RuntimeClasses;
import dev.ngnc.jar.SourcePrograms;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * fetch, the HTTP server and tbx::process end to end: ngn programs compiled by ngnc into jars and run
 * with {@code java -jar}, talked to by real clients on 127.0.0.1 (JDK HttpClient and WebSocket, curl).
 */
@Timeout(120)
class NetProgramsTest {
    @TempDir
    Path tmp;

    private CompiledProgram compile(String name, String source) throws IOException {
        return SourcePrograms.compile(tmp, name, source);
    }

    private Path jar(String name, String source) throws IOException {
        return SourcePrograms.jar(tmp, name, source);
    }

    /** The next line of a child's output, failing (not hanging the build) when none comes in time. */
    private static String readLineWithin(BufferedReader out, int seconds) throws Exception {
        CompletableFuture<String> line = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                line.complete(out.readLine());
            } catch (java.io.IOException e) {
                line.completeExceptionally(e);
            }
        });
        return line.get(seconds, TimeUnit.SECONDS);
    }

    private static List<String> javaJar(Path jar) {
        return new ArrayList<>(List.of(Proc.currentJava(), "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
                "-jar", jar.toString()));
    }

    private List<Diagnostic> errors(String source) throws IOException {
        Path file = tmp.resolve("bad.ngn");
        Files.writeString(file, source);
        Diagnostics d = new Diagnostics();
        assertNull(Compiler.compile(file, "bad.ngn", d));
        return d.all();
    }

    // ---- server ---------------------------------------------------------------------------------

    static final String SERVER = """
            fn handler(req: Request): any {
              match (req.path) {
                "/" => return Response {
                  status: 200,
                  headers: map([("X-Path", req.path)]),
                  body: "${req.clone().method} ${req.url} ${req.query} ${req.params.get("a") ?? "-"} ${req.text()} ${req.protocol}"
                },
                "/stream" => {
                  const chunks = channel<string>()
                  thread(|| {
                    chunks <- "First chunk\\n"
                    sleep(30)
                    chunks <- "Second chunk\\n"
                    chunks.close()
                  })
                  return StreamingResponse { headers: { "Content-Type": "text/plain" }, body: chunks }
                },
                "/sse" => {
                  const events = channel<SseMessage>()
                  thread(|| {
                    events <- SseEvent { data: "Hello", event: "hello" }
                    events <- "World"
                    events.close()
                  })
                  return SseResponse { body: events }
                },
                "/ws" => {
                  const recv = channel<WsMessage>()
                  const send = channel<WsMessage>()
                  thread(|| {
                    for (msg in <-? recv) {
                      send <- msg
                    }
                    send.close()
                  })
                  return WebSocketResponse { recv, send }
                },
                "/proxy" => {
                  const inner = <- fetch(req.params.get("to") ?? "")
                  return Response { status: inner.status, body: "proxied: ${inner.body}" }
                },
                "/log" => {
                  print("handled ${req.path}")
                  return "logged"
                },
                "/panic" => {
                  panic("handler broke")
                  return "never"
                },
                _ => return Response { status: 404, body: "Not found" }
              }
            }

            export default { fetch: handler, config: { port: 0, host: "127.0.0.1", keepAliveTimeoutMs: 5000 } }
            """;

    @Test
    void exportDefaultServerWithRealClients() throws Exception {
        Path jar = jar("server", SERVER);
        try (ZipFile z = new ZipFile(jar.toFile())) {
            assertNotNull(z.getEntry("io/helidon/webserver/WebServer.class"), "the server jar bundles Helidon");
            assertNotNull(z.getEntry("dev/ngnc/rt/http/HttpServer.class"));
            assertNotNull(z.getEntry("META-INF/helidon/manifest"));
        }
        com.sun.net.httpserver.HttpServer backend = com.sun.net.httpserver.HttpServer.create(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        backend.createContext("/", ex -> {
            byte[] b = "from backend".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(203, b.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(b);
            }
        });
        backend.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        backend.start();
        Process p = new ProcessBuilder(javaJar(jar)).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        // not the common pool (one thread on a 2-core machine): Proc.run needs it while this reader blocks
        CompletableFuture<String> stderr = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> stderr.complete(slurp(p.getErrorStream())));
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String banner = readLineWithin(out, 30);
            assertNotNull(banner, () -> "no banner; stderr: " + stderr.join());
            Matcher m = Pattern.compile("HTTP server listening on http://localhost:(\\d+) \\(async, \\d+ workers\\)")
                    .matcher(banner);
            assertTrue(m.matches(), banner);
            String base = "http://127.0.0.1:" + m.group(1);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();

            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/?a=1"))
                    .POST(HttpRequest.BodyPublishers.ofString("payload")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals("POST /?a=1 ?a=1 1 payload http", r.body());
            assertEquals("/", r.headers().firstValue("x-path").orElse(""));
            assertEquals(404, client.send(HttpRequest.newBuilder(URI.create(base + "/nope")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());

            HttpResponse<String> stream = client.send(HttpRequest.newBuilder(URI.create(base + "/stream")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("First chunk\nSecond chunk\n", stream.body());
            assertEquals("chunked", stream.headers().firstValue("transfer-encoding").orElse(""));

            HttpResponse<String> sse = client.send(HttpRequest.newBuilder(URI.create(base + "/sse")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("event: hello\ndata: Hello\n\ndata: World\n\n", sse.body());

            HttpResponse<String> proxied = client.send(HttpRequest.newBuilder(URI.create(base + "/proxy?to=http://127.0.0.1:"
                    + backend.getAddress().getPort() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(203, proxied.statusCode());
            assertEquals("proxied: from backend", proxied.body());

            // a handler's print reaches the pipe at once (line-flushed), not when the server exits
            assertEquals("logged", client.send(HttpRequest.newBuilder(URI.create(base + "/log")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertEquals("handled /log", readLineWithin(out, 10));

            assertEquals(500, client.send(HttpRequest.newBuilder(URI.create(base + "/panic")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());

            if (hasCurl()) {
                Proc raw = Proc.run(List.of("curl", "-s", "--raw", "--max-time", "10", base + "/stream"), null);
                assertEquals("c\r\nFirst chunk\n\r\nd\r\nSecond chunk\n\r\n0\r\n\r\n", raw.out());
                Proc events = Proc.run(List.of("curl", "-s", "-N", "--max-time", "10", base + "/sse"), null);
                assertEquals("event: hello\ndata: Hello\n\ndata: World\n\n", events.out());
            }

            List<String> echoed = new java.util.concurrent.CopyOnWriteArrayList<>();
            CompletableFuture<Void> two = new CompletableFuture<>();
            WebSocket ws = client.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + m.group(1) + "/ws"),
                    new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                            echoed.add("text:" + data);
                            if (echoed.size() == 2) two.complete(null);
                            w.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onBinary(WebSocket w, java.nio.ByteBuffer data, boolean last) {
                            echoed.add("binary:" + data.remaining());
                            if (echoed.size() == 2) two.complete(null);
                            w.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            ws.sendText("hello ws", true).get(5, TimeUnit.SECONDS);
            ws.sendBinary(java.nio.ByteBuffer.wrap(new byte[] {9, 8, 7, 6}), true).get(5, TimeUnit.SECONDS);
            two.get(10, TimeUnit.SECONDS);
            assertEquals(List.of("text:hello ws", "binary:4"), echoed);
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);

            // graceful stop on SIGTERM
            p.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our ends of the pipes
            StringBuilder rest = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) rest.append(line).append('\n');
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the server stops on SIGTERM");
            assertEquals("\nShutting down server...\nServer stopped gracefully\n", rest.toString());
            assertEquals(0, p.exitValue());
            String err = stderr.join();
            assertTrue(err.contains("[ngn] HTTP handler panicked: Thread panicked: handler broke\n --> server.ngn:"), err);
            assertFalse(err.contains("\tat "), "no Java stack trace: " + err);
        } finally {
            p.destroyForcibly();
            backend.stop(0);
        }
    }

    static final String SPINNING_SERVER = """
            fn handler(req: Request): string {
              if (req.path == "/spin") {
                const end = time.unixMs() + 3000
                var turns = 0
                while (time.unixMs() < end) { turns = turns + 1 }
                return "spun"
              }
              return "fast"
            }
            export default { fetch: handler, config: { port: 0, host: "127.0.0.1" } }
            """;

    @Test
    void handlersLoopingOnTheCpuDoNotStopOtherRequests() throws Exception {
        Path jar = jar("spinning", SPINNING_SERVER);
        Process p = new ProcessBuilder(javaJar(jar)).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Matcher m = Pattern.compile("HTTP server listening on http://localhost:(\\d+) .*").matcher(readLineWithin(out, 30));
            assertTrue(m.matches());
            String base = "http://127.0.0.1:" + m.group(1);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            int spinners = 2 * Runtime.getRuntime().availableProcessors();
            List<CompletableFuture<HttpResponse<String>>> spinning = new ArrayList<>();
            for (int i = 0; i < spinners; i++) {
                spinning.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/spin")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(500); // every spinner is on the CPU now
            HttpResponse<String> fast = client.send(HttpRequest.newBuilder(URI.create(base + "/"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("fast", fast.body());
            long stillSpinning = spinning.stream().filter(f -> !f.isDone()).count();
            assertTrue(stillSpinning > 0, "the quick request was answered while " + spinners
                    + " handlers looped, not after them");
            for (CompletableFuture<HttpResponse<String>> f : spinning) assertEquals("spun", f.get(60, TimeUnit.SECONDS).body());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void onlyProgramsThatUseJsonBundleTheJsonLibrary() throws Exception {
        String shaded = "dev/ngnc/rt/shaded/";
        Path plain = jar("nojson", "fn main() {\n  print(\"hi\")\n}\n");
        try (ZipFile z = new ZipFile(plain.toFile())) {
            assertTrue(z.stream().noneMatch(e -> e.getName().startsWith(shaded)), "hello needs no JSON parser");
        }
        Proc hi = Proc.run(javaJar(plain), tmp);
        assertEquals("hi\n", hi.out(), hi.err());
        String[] users = {
            "fn main() {\n  print(json.stringify({ a: 1 }))\n  const v = json.parse(\"[1, 2]\")\n  print(v)\n}\n",
            "fn main() {\n  const r = <- fetch(\"http://127.0.0.1:1/\")\n  print(r.json())\n}\n",
            "fn body(r) {\n  return r.json()\n}\nfn main() {\n  const r = <- fetch(\"http://127.0.0.1:1/\")\n  print(body(r))\n}\n",
        };
        for (int i = 0; i < users.length; i++) {
            Path jar = jar("json" + i, users[i]);
            try (ZipFile z = new ZipFile(jar.toFile())) {
                assertTrue(z.stream().anyMatch(e -> e.getName().startsWith(shaded)), users[i]);
            }
        }
        Proc json = Proc.run(javaJar(jar("json-run", users[0])), tmp);
        assertEquals("{\"a\":1}\nResult::Ok ([1, 2])\n", json.out(), json.err());
        // the regex engine likewise: only with a regex literal
        try (ZipFile z = new ZipFile(plain.toFile())) {
            assertTrue(z.stream().noneMatch(e -> e.getName().startsWith(shaded + "re2j/")));
        }
        Path regex = jar("regex", "fn main() {\n  print(\"a1b22\".replace(/[0-9]+/g, \"#\"))\n}\n");
        try (ZipFile z = new ZipFile(regex.toFile())) {
            assertTrue(z.stream().anyMatch(e -> e.getName().startsWith(shaded + "re2j/")));
            assertTrue(z.stream().noneMatch(e -> e.getName().startsWith(shaded + "jackson/")));
        }
        Proc replaced = Proc.run(javaJar(regex), tmp);
        assertEquals("a#b#\n", replaced.out(), replaced.err());
    }

    @Test
    void onlyProgramsThatStartFibersRunOnTheScheduler() throws Exception {
        Path plain = jar("fiberless", "fn main() {\n  print(\"hi\")\n  panic(\"stop\")\n}\n");
        try (ZipFile z = new ZipFile(plain.toFile())) {
            String manifest = new String(z.getInputStream(z.getEntry("META-INF/MANIFEST.MF")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertFalse(manifest.contains("Add-Exports"), "a program without fibers needs no continuations");
        }
        // plain `java -jar` (no --add-exports on the command line): the manifest alone decides
        Proc hi = Proc.run(List.of(Proc.currentJava(), "-jar", plain.toString()), tmp);
        assertEquals(1, hi.exit());
        assertEquals("hi\n", hi.out());
        assertTrue(hi.err().contains("Thread panicked: stop") && hi.err().contains("at fn main"), hi.err());
        String[] fiberUsers = {
            "fn main() {\n  const c = thread(|| 41 + 1)\n  print(<- c)\n}\n",
            "fn main() {\n  const s = state(1)\n  const t = thread(|| s.update(|n| n + 1))\n  <- t\n  print(s.read())\n}\n",
            "fn main() {\n  const ch = channel<i64>()\n  ch <- 5\n  print(<- ch)\n}\n",
            "fn main() {\n  sleep(1)\n  print(\"slept\")\n}\n",
        };
        String[] outputs = {"42\n", "2\n", "5\n", "slept\n"};
        for (int i = 0; i < fiberUsers.length; i++) {
            Path jar = jar("fibers" + i, fiberUsers[i]);
            try (ZipFile z = new ZipFile(jar.toFile())) {
                String manifest = new String(z.getInputStream(z.getEntry("META-INF/MANIFEST.MF")).readAllBytes(),
                        StandardCharsets.UTF_8);
                assertTrue(manifest.contains("Add-Exports: java.base/jdk.internal.vm"), fiberUsers[i]);
            }
            Proc run = Proc.run(List.of(Proc.currentJava(), "-jar", jar.toString()), tmp);
            assertEquals(outputs[i], run.out(), fiberUsers[i] + run.err());
        }
    }

    @Test
    void aStateWithoutThreadsRunsWithoutTheScheduler() throws Exception {
        Path jar = jar("stateonly", """
                fn main() {
                  const total = state(0)
                  for (x in [1, 2, 3]) {
                    total.update(|t| t + x)
                  }
                  const log = state<array<string>>([])
                  log.update(|l| {
                    print("inside update: ${total.read()}")
                    l.push("a")
                    return l
                  })
                  total.write(total.read() * 10)
                  print("${total.read()} ${log.read()}")
                  total.update(|t| {
                    panic("stop at ${t}")
                    return t
                  })
                }
                """);
        try (ZipFile z = new ZipFile(jar.toFile())) {
            String manifest = new String(z.getInputStream(z.getEntry("META-INF/MANIFEST.MF")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertFalse(manifest.contains("Add-Exports"), "state alone needs no continuations");
        }
        Proc run = Proc.run(List.of(Proc.currentJava(), "-jar", jar.toString()), tmp);
        assertEquals("inside update: 6\n60 [a]\n", run.out(), run.err());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("Thread panicked: stop at 60"), run.err());
    }

    @Test
    void serveStartupErrorsAreClearRuntimeErrors() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            Path jar = jar("busy", """
                    import { serve } from "tbx::http"

                    fn main() {
                      serve(|req: Request| Response { body: "x" }, { port: %d, host: "127.0.0.1" })
                      print("not reached")
                    }
                    """.formatted(port));
            Proc r = Proc.run(javaJar(jar), tmp);
            assertEquals(1, r.exit());
            assertEquals("", r.out());
            assertTrue(r.err().startsWith("[ngn] Runtime Error: HTTP server: cannot listen on 127.0.0.1:" + port
                    + ": address already in use\n --> busy.ngn:4"), r.err());
        }
        Path tls = jar("tls", """
                import { serve } from "tbx::http"

                fn main() {
                  serve(|req: Request| Response { body: "x" }, { port: 0, tls: { cert: "./missing-cert.pem", key: "./missing-key.pem" } })
                }
                """);
        Proc r = Proc.run(javaJar(tls), tmp);
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("[ngn] Runtime Error: HTTP server: TLS certificate file './missing-cert.pem' does not exist"),
                r.err());
    }

    @Test
    void programsWithoutServerDoNotBundleIt() throws Exception {
        CompiledProgram plain = compile("plain", "fn main() {\n  print(\"hi\")\n}\n");
        assertFalse(plain.usesHttpServer());
        CompiledProgram fetching = compile("fetching", "fn main() {\n  const r = <- fetch(\"http://127.0.0.1:1/\")\n  print(r.status)\n}\n");
        assertFalse(fetching.usesHttpServer(), "fetch lives in runtime-lib");
        assertEquals(List.of(), serverEntries(plain), "a plain jar has neither Helidon nor dev/ngnc/rt/http/");
        CompiledProgram handlerOnly = compile("handlerOnly", """
                fn stream(req: Request): StreamingResponse {
                  const ch = channel<string>()
                  ch.close()
                  return StreamingResponse { body: ch }
                }
                fn main() {
                  print("no serve call, but a server model")
                }
                """);
        assertTrue(handlerOnly.usesHttpServer(), "using a server model needs runtime-http");
        List<String> bundled = serverEntries(handlerOnly);
        assertTrue(bundled.contains(WEB_SERVER) && bundled.stream().anyMatch(n -> n.startsWith("dev/ngnc/rt/http/")),
                "its jar bundles runtime-http and Helidon");
    }

    private static final String WEB_SERVER = "io/helidon/webserver/WebServer.class";

    /** The entries of {@code program}'s jar that belong to the server: Helidon's WebServer and dev/ngnc/rt/http/. */
    private List<String> serverEntries(CompiledProgram program) throws IOException {
        Path jar = tmp.resolve("server-entries.jar");
        JarBuilder.write(program, RuntimeClasses.locate(), jar);
        try (ZipFile z = new ZipFile(jar.toFile())) {
            return z.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(n -> n.equals(WEB_SERVER) || n.startsWith("dev/ngnc/rt/http/")).toList();
        }
    }

    // ---- fetch and process programs -------------------------------------------------------------

    @Test
    void fetchAndProcessPrograms() throws Exception {
        com.sun.net.httpserver.HttpServer backend = com.sun.net.httpserver.HttpServer.create(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        backend.createContext("/", ex -> {
            byte[] in = ex.getRequestBody().readAllBytes();
            byte[] b = ("{\"got\":\"" + new String(in, StandardCharsets.UTF_8) + "\",\"m\":\"" + ex.getRequestMethod()
                    + "\"}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("X-K", "v");
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(b);
            }
        });
        backend.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        backend.start();
        try {
            String url = "http://127.0.0.1:" + backend.getAddress().getPort() + "/";
            Path jar = jar("client", """
                    import { run, stream } from "tbx::process"

                    fn main() {
                      const r = <- fetch("%s", { method: "post", body: "abc", headers: { "X-Test": "1" }, timeout: 5000 })
                      print(r.status)
                      print(r.headers.get("x-k") ?? "none")
                      match (r.json()) {
                        Ok(v) => print("${v.got} ${v.m}"),
                        Error(e) => print(e)
                      }
                      const h = map<string, string>()
                      const bad = <- fetch("not a url")
                      print(bad.status)
                      print(bad.statusText.starts("Error: invalid URL"))
                      const out = <- run("echo hello; exit 4")
                      match (out) {
                        Ok(o) => print("${o.code} ${o.stdout.trim()}"),
                        Error(e) => print(e)
                      }
                      const missing = <- run("ngnc-no-such-command-xyz")
                      match (missing) {
                        Ok(o) => print("code ${o.code}"),
                        Error(e) => print(e)
                      }
                      const slow = <- run("sleep 20", { timeoutMs: 200 })
                      match (slow) {
                        Ok(o) => print("finished?"),
                        Error(e) => print(e)
                      }
                      match (stream("seq 1 3")) {
                        Ok(p) => {
                          for (line in p.stdout) {
                            echo("${line};")
                          }
                          print("")
                          match (<- p.done) {
                            Ok(o) => print("done ${o.code}"),
                            Error(e) => print(e)
                          }
                        },
                        Error(e) => print(e)
                      }
                    }
                    """.formatted(url));
            Proc r = Proc.run(javaJar(jar), tmp);
            assertEquals("", r.err());
            assertEquals("200\nv\nabc POST\n0\ntrue\n4 hello\ncode 127\nProcess timed out\n1;2;3;\ndone 0\n", r.out());
            assertEquals(0, r.exit());
        } finally {
            backend.stop(0);
        }
    }

    // ---- compile-time checks --------------------------------------------------------------------

    @Test
    void serverShapesAreChecked() throws Exception {
        assertTrue(errors("export default 42\n").get(0).message().contains("No main() function or HTTP handler defined"));
        assertTrue(errors("import { serve } from \"tbx::http\"\nfn main() {\n  serve(42)\n}\n").get(0).message()
                .contains("serve() expects a handler function"));
        assertTrue(errors("import { serve } from \"tbx::http\"\nfn h(a: Request, b: i64): Response {\n  return Response {}\n}\n"
                + "fn main() {\n  serve(h)\n}\n").get(0).message().contains("takes exactly one parameter"));
        assertTrue(errors("fn main() {\n  const r = fetch(42)\n}\n").get(0).message().contains("Argument 1 mismatch"));
        assertTrue(errors("import { nope } from \"tbx::http\"\nfn main() {\n}\n").get(0).message()
                .contains("Toolbox error: nope not found in tbx::http"));
        // user declarations may reuse the built-in names
        compile("shadow", "model Request {\n  id: i64\n}\nfn main() {\n  print(Request { id: 3 })\n}\n");
    }

    private static boolean hasCurl() {
        try {
            return new ProcessBuilder("curl", "--version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static String slurp(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
