package dev.ngnc.driver;

import dev.ngnc.diag.Diagnostics;
import dev.ngnc.source.SourceFile;
import dev.ngnc.source.Span;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The phases recurse over the tree, so a generated expression of tens of thousands of terms ({@code 1 + 1 + …})
 * needs a deep stack whatever JVM runs the compiler (the CLI, Maven's JVM for the plugin, a test). The work runs on
 * a thread of its own with a large stack (reserved, committed only as used); nesting deeper still is a diagnostic,
 * never a {@link StackOverflowError}.
 */
final class DeepStack {
    static final long STACK_BYTES = 1L << 30;

    private DeepStack() { }

    static <T> T run(SourceFile file, Diagnostics diagnostics, Supplier<T> work) {
        if (Thread.currentThread().getName().equals(THREAD_NAME)) return guarded(file, diagnostics, work);
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(guarded(file, diagnostics, work));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, THREAD_NAME, STACK_BYTES);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        Throwable e = failure.get();
        if (e instanceof RuntimeException re) throw re;
        if (e instanceof Error err) throw err;
        return result.get();
    }

    private static final String THREAD_NAME = "ngnc-compiler";

    private static <T> T guarded(SourceFile file, Diagnostics diagnostics, Supplier<T> work) {
        try {
            return work.get();
        } catch (StackOverflowError e) {
            diagnostics.error(file, Span.NONE, "the program is nested too deeply to compile",
                    "split very long expressions (thousands of chained operators) or deeply nested blocks");
            return null;
        }
    }
}
