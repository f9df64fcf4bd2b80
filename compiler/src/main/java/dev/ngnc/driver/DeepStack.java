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
        if (ON_DEEP_STACK.get()) return guarded(file, diagnostics, work);
        AtomicReference<T> result = new AtomicReference<>();
        Throwable e = dev.ngnc.rt.Rt.runOnStack(() -> {
            ON_DEEP_STACK.set(true);
            result.set(guarded(file, diagnostics, work));
        }, STACK_BYTES);
        if (e instanceof RuntimeException re) throw re;
        if (e instanceof Error err) throw err;
        return result.get();
    }

    /** True on the compiler's own thread: nested phases (check inside compile) run there directly. */
    private static final ThreadLocal<Boolean> ON_DEEP_STACK = ThreadLocal.withInitial(() -> false);


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
