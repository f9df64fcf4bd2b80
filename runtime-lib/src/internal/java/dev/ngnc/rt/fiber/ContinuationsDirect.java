package dev.ngnc.rt.fiber;

import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * The JDK's continuations called directly. This is the only class compiled against
 * {@code jdk.internal.vm} (runtime-lib/pom.xml, execution {@code compile-jdk-internal}): direct
 * calls cost nothing to set up, where method handles spin classes at start-up and run slower
 * until the JIT has compiled them. Loaded by name from {@link FiberEngineContinuation}; without
 * the export, its first call fails and the thread engine is used.
 */
final class ContinuationsDirect implements FiberEngineContinuation.Ops {
    private static final ContinuationScope SCOPE = new ContinuationScope("ngn");

    @Override
    public Object create(Runnable body) {
        return new Continuation(SCOPE, body);
    }

    @Override
    public void run(Object continuation) {
        ((Continuation) continuation).run();
    }

    @Override
    public boolean yieldNow() {
        return Continuation.yield(SCOPE);
    }

    @Override
    public StackTraceElement[] stackTrace(Object continuation) {
        return ((Continuation) continuation).getStackTrace();
    }
}
