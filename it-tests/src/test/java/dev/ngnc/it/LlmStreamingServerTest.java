package dev.ngnc.it;

import dev.ngnc.rt.llm.TinyGguf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming LLM server of the documentation (build/llm.md: {@code global MODEL = load(...)}, a handler whose
 * thread forwards {@code stream(m, prompt)} into a {@code StreamingResponse}) run by the real {@code bin/ngnc run}
 * with a real llama.cpp model (the generated tiny GGUF under the docs' name {@code ./tinyllama.gguf}), and real
 * HTTP clients: the JDK's HttpClient and curl.
 */
@Timeout(300)
class LlmStreamingServerTest {
    /** The repository's copy of the documented handler (docs-examples/llm/001), served by export default. */
    static String server(Path repo) throws Exception {
        String doc = Files.readString(repo.resolve("it-tests/src/test/resources/docs-examples/llm/001-streaming-handler-missing-model.ngn"));
        int cut = doc.indexOf("// instead of `export default");
        assertTrue(cut > 0, "the docs example changed shape");
        return doc.substring(0, cut) + "export default { fetch: handler, config: { port: 0, host: \"127.0.0.1\" } }\n";
    }

    @Test
    void theDocumentedStreamingServerStreamsGeneratedText() throws Exception {
        Path repo = Path.of(System.getProperty("ngnc.repo", "..")).toAbsolutePath().normalize();
        Path jar = Path.of(System.getProperty("ngnc.jar", "")).toAbsolutePath().normalize();
        Path work = Files.createDirectories(repo.resolve("it-tests/target/llm-server"));
        TinyGguf.write(work.resolve("tinyllama.gguf"));
        Path program = Files.writeString(work.resolve("server.ngn"), server(repo));
        ProcessBuilder pb = new ProcessBuilder(repo.resolve("bin/ngnc").toString(), "run", program.toString())
                .directory(work.toFile()).redirectError(work.resolve("stderr.txt").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("NGNC_JAR", jar.toString());
        pb.environment().put("NGNC_CACHE_DIR", work.resolve("ngnc-cache").toString());
        Process p = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    return "io error " + e;
                }
            }).get(180, TimeUnit.SECONDS);
            Matcher m = Pattern.compile("listening on http://localhost:(\\d+)").matcher(String.valueOf(line));
            assertTrue(m.find(), () -> "no listening line: " + line + " / " + readQuietly(work.resolve("stderr.txt")));
            String url = "http://127.0.0.1:" + m.group(1) + "/";

            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(URI.create(url))
                    .POST(HttpRequest.BodyPublishers.ofString("Tell me a joke")).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, r.statusCode());
            assertEquals("chunked", r.headers().firstValue("transfer-encoding").orElse(""));
            String first;
            try (InputStream body = r.body()) {
                first = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            }
            // default max_tokens 128; the tiny model's tokens are one printable character each
            assertEquals(128, first.length(), first);
            assertTrue(first.chars().allMatch(c -> c >= 0x20 && c < 0x7f), first);

            // curl --raw shows the chunked framing: one chunk per generated piece, not one block at the end
            Process curl = new ProcessBuilder("curl", "-s", "--raw", "-X", "POST", "--data", "Tell me a joke", url)
                    .redirectErrorStream(true).start();
            String raw = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(curl.waitFor(60, TimeUnit.SECONDS));
            long chunks = raw.lines().filter(l -> l.matches("[0-9a-fA-F]+")).count();
            assertTrue(chunks > 10, () -> "expected many chunks, got " + chunks + ": " + raw);
            assertTrue(raw.endsWith("0\r\n\r\n"), raw);
            String stderr = readQuietly(work.resolve("stderr.txt"));
            assertTrue(stderr.lines().noneMatch(l -> l.startsWith("WARNING") || l.contains("llama")), stderr);
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }

    private static String readQuietly(Path f) {
        try {
            return Files.readString(f);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
