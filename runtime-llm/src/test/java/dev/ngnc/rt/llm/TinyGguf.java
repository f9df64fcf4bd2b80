package dev.ngnc.rt.llm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a tiny but real llama-architecture GGUF (v3, F32 tensors) so tests run llama.cpp without
 * downloading a model: 2 layers, 64-wide embeddings, 4 heads, a SentencePiece-style vocabulary of the
 * control tokens, 256 byte-fallback tokens, {@code ▁} and the printable ASCII characters.
 *
 * <p>The weights are pseudo-random from a fixed seed, with one pattern: embedding dimension 0 holds a
 * large constant, and the output rows of the control and byte tokens are strongly negative in that
 * dimension. After the final RMS norm that dimension acts as a bias, so the model only ever emits
 * printable ASCII and never its end-of-sequence token — generations always run to {@code max_tokens}
 * and are valid UTF-8, which keeps the tests' expectations exact.
 */
public final class TinyGguf {
    private TinyGguf() {}

    static final int N_EMBD = 64;
    static final int N_LAYER = 2;
    static final int N_HEAD = 4;
    static final int N_FF = 128;
    static final int N_CTX = 512;

    /** Writes the model to {@code out} (seed 42) and returns {@code out}. */
    public static Path write(Path out) {
        return write(out, 42);
    }

    public static Path write(Path out, long seed) {
        try {
            Files.write(out, bytes(seed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The whole file. */
    public static byte[] bytes(long seed) {
        List<String> tokens = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        tokens.add("<unk>"); types.add(2);
        tokens.add("<s>"); types.add(3);
        tokens.add("</s>"); types.add(3);
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b)); types.add(6);
        }
        int firstNormal = tokens.size();
        tokens.add("\u2581"); types.add(1);
        for (char c = 0x21; c < 0x7f; c++) {
            tokens.add(String.valueOf(c)); types.add(1);
        }
        int vocab = tokens.size();
        float[] scores = new float[vocab];
        for (int i = firstNormal; i < vocab; i++) scores[i] = -(i - firstNormal); // no merges exist: order only

        Gguf g = new Gguf();
        g.str("general.architecture", "llama");
        g.str("general.name", "ngnc-tiny-test");
        g.u32("general.alignment", 32);
        g.u32("llama.context_length", N_CTX);
        g.u32("llama.embedding_length", N_EMBD);
        g.u32("llama.block_count", N_LAYER);
        g.u32("llama.feed_forward_length", N_FF);
        g.u32("llama.attention.head_count", N_HEAD);
        g.u32("llama.attention.head_count_kv", N_HEAD);
        g.u32("llama.rope.dimension_count", N_EMBD / N_HEAD);
        g.f32("llama.attention.layer_norm_rms_epsilon", 1e-5f);
        g.f32("llama.rope.freq_base", 10000f);
        g.u32("llama.vocab_size", vocab);
        g.str("tokenizer.ggml.model", "llama");
        g.strArray("tokenizer.ggml.tokens", tokens);
        g.f32Array("tokenizer.ggml.scores", scores);
        g.i32Array("tokenizer.ggml.token_type", types);
        g.u32("tokenizer.ggml.bos_token_id", 1);
        g.u32("tokenizer.ggml.eos_token_id", 2);
        g.u32("tokenizer.ggml.unknown_token_id", 0);
        g.bool("tokenizer.ggml.add_bos_token", true);
        g.bool("tokenizer.ggml.add_eos_token", false);

        Random r = new Random(seed);
        float[] embd = gaussian(r, N_EMBD * vocab, 0.5f);
        for (int t = 0; t < vocab; t++) embd[t * N_EMBD] = 4f;
        g.tensor("token_embd.weight", embd, N_EMBD, vocab);
        for (int l = 0; l < N_LAYER; l++) {
            String p = "blk." + l + ".";
            g.tensor(p + "attn_norm.weight", ones(N_EMBD), N_EMBD);
            g.tensor(p + "attn_q.weight", gaussian(r, N_EMBD * N_EMBD, 0.1f), N_EMBD, N_EMBD);
            g.tensor(p + "attn_k.weight", gaussian(r, N_EMBD * N_EMBD, 0.1f), N_EMBD, N_EMBD);
            g.tensor(p + "attn_v.weight", gaussian(r, N_EMBD * N_EMBD, 0.1f), N_EMBD, N_EMBD);
            g.tensor(p + "attn_output.weight", gaussian(r, N_EMBD * N_EMBD, 0.1f), N_EMBD, N_EMBD);
            g.tensor(p + "ffn_norm.weight", ones(N_EMBD), N_EMBD);
            g.tensor(p + "ffn_gate.weight", gaussian(r, N_EMBD * N_FF, 0.1f), N_EMBD, N_FF);
            g.tensor(p + "ffn_down.weight", gaussian(r, N_FF * N_EMBD, 0.1f), N_FF, N_EMBD);
            g.tensor(p + "ffn_up.weight", gaussian(r, N_EMBD * N_FF, 0.1f), N_EMBD, N_FF);
        }
        g.tensor("output_norm.weight", ones(N_EMBD), N_EMBD);
        float[] out = gaussian(r, N_EMBD * vocab, 1f);
        for (int t = 0; t < vocab; t++) out[t * N_EMBD] = t < firstNormal ? -10f : 0f;
        g.tensor("output.weight", out, N_EMBD, vocab);
        return g.toBytes();
    }

    private static float[] gaussian(Random r, int n, float scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.nextGaussian() * scale;
        return a;
    }

    private static float[] ones(int n) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, 1f);
        return a;
    }

    /** A minimal GGUF v3 writer: metadata key/values, then F32 tensors aligned to 32 bytes. */
    static final class Gguf {
        private final ByteArrayOutputStream kv = new ByteArrayOutputStream();
        private int kvCount;
        private final Map<String, float[]> tensorData = new LinkedHashMap<>();
        private final Map<String, long[]> tensorDims = new LinkedHashMap<>();

        void str(String key, String v) { key(key, 8); string(kv, v); }
        void u32(String key, int v) { key(key, 4); le32(kv, v); }
        void f32(String key, float v) { key(key, 6); le32(kv, Float.floatToIntBits(v)); }
        void bool(String key, boolean v) { key(key, 7); kv.write(v ? 1 : 0); }

        void strArray(String key, List<String> v) {
            key(key, 9);
            le32(kv, 8);
            le64(kv, v.size());
            for (String s : v) string(kv, s);
        }

        void f32Array(String key, float[] v) {
            key(key, 9);
            le32(kv, 6);
            le64(kv, v.length);
            for (float f : v) le32(kv, Float.floatToIntBits(f));
        }

        void i32Array(String key, List<Integer> v) {
            key(key, 9);
            le32(kv, 5);
            le64(kv, v.size());
            for (int i : v) le32(kv, i);
        }

        void tensor(String name, float[] data, long... dims) {
            long n = 1;
            for (long d : dims) n *= d;
            if (n != data.length) throw new IllegalArgumentException(name + ": " + n + " != " + data.length);
            tensorData.put(name, data);
            tensorDims.put(name, dims);
        }

        private void key(String k, int type) {
            kvCount++;
            string(kv, k);
            le32(kv, type);
        }

        byte[] toBytes() {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            o.writeBytes("GGUF".getBytes(StandardCharsets.US_ASCII));
            le32(o, 3);
            le64(o, tensorData.size());
            le64(o, kvCount);
            o.writeBytes(kv.toByteArray());
            long offset = 0;
            for (Map.Entry<String, float[]> t : tensorData.entrySet()) {
                string(o, t.getKey());
                long[] dims = tensorDims.get(t.getKey());
                le32(o, dims.length);
                for (long d : dims) le64(o, d);
                le32(o, 0); // GGML_TYPE_F32
                le64(o, offset);
                offset = align(offset + 4L * t.getValue().length);
            }
            while (o.size() % 32 != 0) o.write(0);
            for (float[] data : tensorData.values()) {
                ByteBuffer b = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : data) b.putFloat(f);
                o.writeBytes(b.array());
                while (o.size() % 32 != 0) o.write(0);
            }
            return o.toByteArray();
        }

        private static long align(long x) { return (x + 31) & ~31L; }

        private static void string(ByteArrayOutputStream o, String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            le64(o, b.length);
            o.writeBytes(b);
        }

        private static void le32(ByteArrayOutputStream o, int v) {
            for (int i = 0; i < 4; i++) o.write(v >>> (8 * i));
        }

        private static void le64(ByteArrayOutputStream o, long v) {
            for (int i = 0; i < 8; i++) o.write((int) (v >>> (8 * i)));
        }
    }

    /** {@code java … TinyGguf OUT.gguf}: writes the model (bench/llm.sh uses this). */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: TinyGguf OUT.gguf");
            System.exit(2);
        }
        write(Path.of(args[0]));
    }
}
