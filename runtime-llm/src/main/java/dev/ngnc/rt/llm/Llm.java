package dev.ngnc.rt.llm;

import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.value.NgnEnum;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * {@code tbx::llm} (spec 11.6, docs/llm.md): {@code load}, {@code generate}, {@code stream} on llama.cpp
 * through the de.kherud JNI binding. Loading and generating block in native code, so they run on platform
 * threads of their own ({@link Offload}); the calling fiber parks meanwhile and the rest of the program runs.
 * Every failure a program can cause — a missing or malformed model file, a platform without the native
 * library, llama.cpp refusing the model — is an {@code Error(message)}, never a crash.
 */
public final class Llm {
    private Llm() {}

    static final String NOT_LOADED = "this LlmModel was not loaded with load()";

    /** ngn {@code load(path)}. */
    public static NgnEnum load(String path) {
        return load(path, null);
    }

    /** ngn {@code load(path, opts)}: {@code Result<LlmModel, string>}. */
    public static NgnEnum load(String path, Object opts) {
        Options.Load o = Options.load(opts);
        Path file;
        try {
            file = Path.of(path);
        } catch (InvalidPathException e) {
            return NgnEnum.error("Model file not found: " + path);
        }
        String bad = Gguf.check(path, file);
        if (bad != null) return NgnEnum.error(bad);
        String unavailable = NativeLib.ensureLoaded();
        if (unavailable != null) return NgnEnum.error(unavailable);
        return Offload.call("ngn-llm-load", () -> {
            try {
                return NgnEnum.ok(new LlmModel(Engine.load(file.toAbsolutePath().toString(), o)));
            } catch (Engine.LoadFailure e) {
                return NgnEnum.error(e.getMessage());
            }
        });
    }

    /** ngn {@code generate(model, prompt)}. */
    public static NgnEnum generate(LlmModel model, String prompt) {
        return generate(model, prompt, null);
    }

    /** ngn {@code generate(model, prompt, opts)}: {@code Result<string, string>}. */
    public static NgnEnum generate(LlmModel model, String prompt, Object opts) {
        Options.Gen o = Options.gen(opts, "generate");
        if (model.engine == null) return NgnEnum.error(NOT_LOADED);
        return Offload.call("ngn-llm-generate", () -> {
            try {
                return NgnEnum.ok(model.engine.generate(prompt, o));
            } catch (RuntimeException e) {
                return NgnEnum.error("Generation failed: " + Engine.message(e));
            }
        });
    }

    /** ngn {@code stream(model, prompt)}. */
    public static NgnChannel stream(LlmModel model, String prompt) {
        return stream(model, prompt, null);
    }

    /**
     * ngn {@code stream(model, prompt, opts)}: a {@code channel<string>} of text chunks (capacity 10, so a slow
     * consumer holds the generation back rather than buffering it), closed after the last one; closing it
     * stops the generation.
     */
    public static NgnChannel stream(LlmModel model, String prompt, Object opts) {
        Options.Gen o = Options.gen(opts, "stream");
        NgnChannel out = NgnChannel.create();
        if (model.engine == null) {
            System.err.println("[ngn] llm stream: " + NOT_LOADED);
            out.close();
            return out;
        }
        dev.ngnc.rt.Fibers.Pending pending = dev.ngnc.rt.Fibers.pendingWork();
        Offload.start("ngn-llm-stream", () -> {
            try {
                model.engine.stream(prompt, o, out);
            } finally {
                pending.close();
            }
        });
        return out;
    }
}
