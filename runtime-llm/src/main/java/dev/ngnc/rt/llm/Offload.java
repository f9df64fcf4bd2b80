package dev.ngnc.rt.llm;

import dev.ngnc.rt.Fibers;
import dev.ngnc.rt.channel.NgnChannel;

import java.util.function.Supplier;

/**
 * Runs blocking native work (model loading, generation) on a platform thread of its own and waits for it
 * by receiving from a one-slot channel, which parks only the calling fiber: the other fibers of its
 * scheduler, and HTTP requests, keep running. A platform thread, not a virtual one, because a thread inside
 * a JNI call pins its carrier, and virtual-thread carriers serve the HTTP connections.
 */
final class Offload {
    private Offload() {}

    /** Starts {@code body} on a new daemon platform thread. */
    static Thread start(String name, Runnable body) {
        return Thread.ofPlatform().name(name).daemon(true).start(body);
    }

    /** {@code work.get()} on another thread; the caller's fiber parks until it is done. */
    static <T> T call(String name, Supplier<T> work) {
        NgnChannel done = new NgnChannel(1, "llm");
        Fibers.Pending pending = Fibers.pendingWork();
        start(name, () -> {
            Object result;
            try {
                result = new Outcome(work.get(), null);
            } catch (RuntimeException | Error e) {
                result = new Outcome(null, e);
            }
            try {
                done.send(result);
            } finally {
                pending.close();
            }
        });
        Outcome o = (Outcome) done.receive();
        if (o.failure instanceof RuntimeException r) throw r;
        if (o.failure instanceof Error e) throw e;
        @SuppressWarnings("unchecked") T v = (T) o.value;
        return v;
    }

    private record Outcome(Object value, Throwable failure) {}
}
