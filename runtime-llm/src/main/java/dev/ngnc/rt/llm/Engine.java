package dev.ngnc.rt.llm;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.base.NgnError;

import java.util.concurrent.locks.ReentrantLock;

/**
 * One loaded llama.cpp model. Generations on it are serialised (a fair lock, so callers take turns in
 * arrival order): the binding's model has one context, and one generation at a time keeps its memory at
 * one KV cache and its results exact; several fibers may call {@code generate}/{@code stream} on the same
 * model at once and each waits its turn without blocking its scheduler (the waiting happens on the
 * generation's own thread).
 */
final class Engine {
    private final LlamaModel model;
    private final ReentrantLock turn = new ReentrantLock(true);

    private Engine(LlamaModel model) {
        this.model = model;
    }

    /** Loads {@code path} (already checked by {@link Gguf}); throws {@link LoadFailure} with a message. */
    static Engine load(String path, Options.Load o) throws LoadFailure {
        ModelParameters p = new ModelParameters().setModel(path);
        if (!NativeLib.verbose()) p.disableLog();
        if (o.context() > 0) p.setCtxSize(clamp(o.context()));
        if (o.threads() > 0) p.setThreads(clamp(o.threads())).setThreadsBatch(clamp(o.threads()));
        if (!o.mmap()) p.disableMmap();
        try {
            return new Engine(new LlamaModel(p));
        } catch (RuntimeException e) {
            throw new LoadFailure("Failed to load model " + path + ": " + message(e));
        }
    }

    static final class LoadFailure extends Exception {
        private static final long serialVersionUID = 1L;

        LoadFailure(String message) {
            super(message, null, false, false);
        }
    }

    private static InferenceParameters params(String prompt, Options.Gen o) {
        return new InferenceParameters(prompt).setNPredict(clamp(o.maxTokens()))
                .setTemperature((float) o.temperature()).setTopP((float) o.topP()).setTopK(clamp(o.topK()))
                .setSeed((int) o.seed());
    }

    /** The whole completion (blocking). */
    String generate(String prompt, Options.Gen o) {
        if (o.maxTokens() < 1) return "";
        turn.lock();
        try {
            return model.complete(params(prompt, o));
        } finally {
            turn.unlock();
        }
    }

    /**
     * Sends each non-empty text chunk to {@code out} (blocking while it is full) and closes it at the end. The
     * consumer closing {@code out} stops the generation at the next token: the closed check comes before each
     * send, and a send that finds it closed ends the loop too.
     */
    void stream(String prompt, Options.Gen o, NgnChannel out) {
        try {
            if (o.maxTokens() < 1 || out.isClosed()) return;
            turn.lock();
            try {
                if (out.isClosed()) return;
                LlamaIterator it = model.generate(params(prompt, o)).iterator();
                try {
                    while (it.hasNext()) {
                        LlamaOutput chunk = it.next();
                        if (out.isClosed()) break;
                        if (chunk.text.isEmpty()) continue;
                        try {
                            out.send(chunk.text);
                        } catch (NgnError closedMeanwhile) {
                            break;
                        }
                    }
                } finally {
                    if (it.hasNext()) it.cancel();
                }
            } finally {
                turn.unlock();
            }
        } catch (RuntimeException e) {
            System.err.println("[ngn] llm stream: generation failed: " + message(e));
        } finally {
            out.close();
        }
    }

    private static int clamp(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
    }
}
