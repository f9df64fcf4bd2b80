package dev.ngnc.rt.http;

import dev.ngnc.rt.value.NgnFn;
import dev.ngnc.rt.value.NgnMap;
import dev.ngnc.rt.value.NgnObject;
import dev.ngnc.rt.tbx.Response;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Starts in-process servers on 127.0.0.1 (free ports) with Java handlers, and runs curl. */
final class ServerFixture implements AutoCloseable {
    final HttpServer.Running running;
    final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    ServerFixture(Function<Request, Object> handler, Object... config) {
        List<String> keys = new ArrayList<>(List.of("port", "host"));
        List<Object> values = new ArrayList<>(List.of(0L, "127.0.0.1"));
        for (int i = 0; i < config.length; i += 2) {
            keys.add((String) config[i]);
            values.add(config[i + 1]);
        }
        NgnObject cfg = NgnObject.of(keys.toArray(new String[0]), values.toArray());
        running = HttpServer.start(fn(handler), ServerConfig.parse(cfg),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    static NgnFn fn(Function<Request, Object> handler) {
        return new NgnFn() {
            @Override
            public int arity() {
                return 1;
            }

            @Override
            public Object call1(Object a) {
                return handler.apply((Request) a);
            }
        };
    }

    int port() {
        return running.port();
    }

    String url(String path) {
        return (running.cfg.tls() ? "https" : "http") + "://127.0.0.1:" + port() + path;
    }

    String stderr() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    static Response text(String body) {
        return new Response(200, "", false, NgnMap.empty(), body);
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public void close() {
        running.stop(false);
    }

    /** Runs curl with {@code args}; returns stdout + "\n---stderr---\n" + stderr. */
    static String curl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("curl", "-s", "--max-time", "10"));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile("curl", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return out + "\n---stderr---\n" + Files.readString(err);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    static boolean hasCurl() {
        try {
            Process p = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
