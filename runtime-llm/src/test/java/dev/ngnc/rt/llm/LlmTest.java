package dev.ngnc.rt.llm;

import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.value.NgnObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Real llama.cpp inference on the generated tiny GGUF ({@link TinyGguf}), called the way generated code calls it. */
class LlmTest {
    @TempDir
    static Path dir;
    static Path model;
    static LlmModel loaded;

    @BeforeAll
    static void load() {
        model = TinyGguf.write(dir.resolve("tiny.gguf"));
        loaded = (LlmModel) ok(Llm.load(model.toString()));
    }

    static Object ok(NgnEnum r) {
        assertEquals("Ok", r.variant(), () -> "expected Ok, got " + r.payload());
        return r.payload();
    }

    static String error(NgnEnum r) {
        assertEquals("Error", r.variant(), () -> "expected Error, got " + r.payload());
        return (String) r.payload();
    }

    static NgnObject opts(Object... kv) {
        String[] keys = new String[kv.length / 2];
        Object[] values = new Object[kv.length / 2];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (String) kv[2 * i];
            values[i] = kv[2 * i + 1];
        }
        return NgnObject.of(keys, values);
    }

    static NgnObject greedy(long maxTokens) {
        return opts("max_tokens", maxTokens, "temperature", 0.0, "seed", 7L);
    }

    @Test
    void greedyGenerationIsDeterministicAcrossLoads() {
        String a = (String) ok(Llm.generate(loaded, "hello world", greedy(24)));
        String b = (String) ok(Llm.generate(loaded, "hello world", greedy(24)));
        LlmModel again = (LlmModel) ok(Llm.load(model.toString(), opts("context", 256L, "threads", 1L, "mmap", false)));
        String c = (String) ok(Llm.generate(again, "hello world", greedy(24)));
        assertEquals(a, b);
        assertEquals(a, c);
        assertNotEquals(a, Llm.generate(loaded, "a different prompt", greedy(24)).payload(), "the prompt matters");
    }

    @Test
    void maxTokensIsHonoured() {
        // the tiny model emits only one-character tokens (see TinyGguf), so characters count tokens
        assertEquals(5, ((String) ok(Llm.generate(loaded, "count", greedy(5)))).length());
        assertEquals(37, ((String) ok(Llm.generate(loaded, "count", greedy(37)))).length());
        assertEquals("", ok(Llm.generate(loaded, "count", greedy(0))));
        assertEquals(128, ((String) ok(Llm.generate(loaded, "defaults"))).length(), "max_tokens defaults to 128");
    }

    @Test
    void seededSamplingIsReproducible() {
        NgnObject s1 = opts("max_tokens", 40L, "temperature", 0.8, "top_p", 0.95, "top_k", 40L, "seed", 1L);
        NgnObject s2 = opts("max_tokens", 40L, "temperature", 0.8, "top_p", 0.95, "top_k", 40L, "seed", 2L);
        String a = (String) ok(Llm.generate(loaded, "sample", s1));
        assertEquals(a, ok(Llm.generate(loaded, "sample", s1)));
        assertNotEquals(a, ok(Llm.generate(loaded, "sample", s2)));
    }

    @Test
    void streamYieldsTheGeneratedTextInChunks() {
        String whole = (String) ok(Llm.generate(loaded, "stream me", greedy(30)));
        NgnChannel ch = Llm.stream(loaded, "stream me", greedy(30));
        List<String> chunks = new ArrayList<>();
        for (Object c : ch) chunks.add((String) c);
        assertTrue(ch.isClosed());
        assertTrue(chunks.size() > 1, "several chunks: " + chunks);
        assertEquals(whole, String.join("", chunks));
    }

    @Test
    void closingTheStreamStopsTheGeneration() throws Exception {
        // 100,000 tokens would take minutes; after the close the model must be free again at once
        NgnChannel ch = Llm.stream(loaded, "endless", greedy(100_000));
        for (int i = 0; i < 3; i++) ch.receive();
        ch.close();
        long t0 = System.nanoTime();
        assertEquals(3, ((String) ok(Llm.generate(loaded, "next", greedy(3)))).length());
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms < 20_000, "the cancelled stream still held the model for " + ms + " ms");
    }

    @Test
    void fibersOrThreadsMayShareOneModel() throws Exception {
        String expected = (String) ok(Llm.generate(loaded, "shared", greedy(50)));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> all = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                all.add(pool.submit(() -> (String) ok(Llm.generate(loaded, "shared", greedy(50)))));
            }
            Future<String> streamed = pool.submit(() -> {
                StringBuilder sb = new StringBuilder();
                for (Object c : Llm.stream(loaded, "shared", greedy(50))) sb.append(c);
                return sb.toString();
            });
            for (Future<String> f : all) assertEquals(expected, f.get(120, TimeUnit.SECONDS));
            assertEquals(expected, streamed.get(120, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void missingFile() {
        assertEquals("Model file not found: ./nope.gguf", error(Llm.load("./nope.gguf")));
    }

    @Test
    void directory() {
        assertEquals("Model path is a directory, not a GGUF file: " + dir, error(Llm.load(dir.toString())));
    }

    @Test
    void notGguf() throws IOException {
        Path f = Files.writeString(dir.resolve("model.txt"), "this is not a model, just some text to be read");
        assertEquals("Not a GGUF model file: " + f, error(Llm.load(f.toString())));
        Path empty = Files.write(dir.resolve("empty.gguf"), new byte[0]);
        assertEquals("Not a GGUF model file: " + empty, error(Llm.load(empty.toString())));
    }

    @Test
    void truncatedFiles() throws IOException {
        byte[] whole = Files.readAllBytes(model);
        Path half = Files.write(dir.resolve("half.gguf"), Arrays.copyOf(whole, whole.length / 2));
        String halfError = error(Llm.load(half.toString()));
        assertTrue(halfError.startsWith("Truncated GGUF file " + half + ": the tensor data needs "), halfError);
        Path head = Files.write(dir.resolve("head.gguf"), Arrays.copyOf(whole, 100));
        assertEquals("Truncated GGUF file " + head + ": it ends inside the metadata", error(Llm.load(head.toString())));
        Path lastByte = Files.write(dir.resolve("last.gguf"), Arrays.copyOf(whole, whole.length - 1));
        assertTrue(error(Llm.load(lastByte.toString())).startsWith("Truncated GGUF file"));
    }

    @Test
    void unsupportedVersion() throws IOException {
        byte[] b = Files.readAllBytes(model);
        b[4] = 99;
        Path f = Files.write(dir.resolve("v99.gguf"), b);
        assertEquals("Unsupported GGUF version 99 in " + f + " (llama.cpp reads versions 2 and 3)",
                error(Llm.load(f.toString())));
    }

    @Test
    void unreadableFile() throws IOException {
        Path f = Files.copy(model, dir.resolve("secret.gguf"));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(f), "running as root: every file is readable");
        assertEquals("Cannot read model file " + f + ": permission denied", error(Llm.load(f.toString())));
    }

    @Test
    void aValidHeaderThatLlamaCppRejectsIsAnError() throws IOException {
        // a complete GGUF of another (made-up) architecture: llama.cpp refuses it with an exception
        byte[] b = Files.readAllBytes(model);
        String s = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).replaceFirst("llama", "zzzzz");
        Path f = Files.write(dir.resolve("arch.gguf"), s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertTrue(error(Llm.load(f.toString())).startsWith("Failed to load model "), () -> "got " + Llm.load(f.toString()));
    }

    @Test
    void platformFolders() {
        assertEquals("Linux/x86_64", NativeLib.folder("Linux", "amd64"));
        assertEquals("Mac/aarch64", NativeLib.folder("Mac OS X", "aarch64"));
        assertEquals("Windows/x86_64", NativeLib.folder("Windows 11", "amd64"));
        assertEquals(null, NativeLib.folder("Linux", "riscv64"));
        assertEquals(null, NativeLib.folder("FreeBSD", "amd64"));
    }
}
