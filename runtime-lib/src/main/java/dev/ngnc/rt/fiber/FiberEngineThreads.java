package dev.ngnc.rt.fiber;

import java.util.concurrent.locks.LockSupport;

/**
 * Fallback engine on public APIs only: every non-root fiber is a virtual thread; the root is
 * the carrier thread itself. A baton makes the scheduler cooperative: exactly one fiber of a
 * scheduler runs at a time, and a fiber that blocks (or ends) runs the scheduler's
 * {@link Scheduler#pickNext()} itself and hands the baton straight to the next fiber.
 *
 * <p>Costs compared with {@link FiberEngineContinuation}: each switch is an unpark/park pair
 * through the JDK's virtual-thread scheduler, and a non-root fiber's stack is bounded like any
 * virtual thread's (about {@code -Xss}). Abandoned fibers are unwound with
 * {@link FiberEngine.Killed} when their scheduler ends.
 */
final class FiberEngineThreads extends FiberEngine {
    static final FiberEngineThreads INSTANCE = new FiberEngineThreads();

    private FiberEngineThreads() {
    }

    @Override
    public String name() {
        return "threads";
    }

    @Override
    Object context(Scheduler s, Fiber root) {
        root.handle = Thread.currentThread();
        return root;
    }

    @Override
    void init(Fiber f) {
        f.handle = Thread.ofVirtual().name("ngn-fiber").unstarted(() -> runFiber(f));
    }

    private static void runFiber(Fiber f) {
        FiberWaiter.setContext(f);
        try {
            awaitTurn(f);
            f.body.run();
        } catch (Killed k) {
            return;
        }
        f.done = true;
        Scheduler s = f.sched;
        if (s.ended()) {
            return;
        }
        s.retire(f);
        Fiber next;
        try {
            next = s.pickNext();
        } catch (SchedulerDeadlock | Scheduler.Cancelled d) {
            next = s.root; // the root notices the deadlock (cancellation) and ends the program (task)
        } catch (Killed k) {
            return;
        }
        transfer(next);
    }

    @Override
    void park(Fiber self) {
        if (self.commitPark()) {
            handOff(self);
        }
    }

    @Override
    void yieldNow(Fiber self) {
        self.sched.readyLocal(self);
        handOff(self);
    }

    /** Gives the baton to the next ready fiber and waits until it comes back. */
    private static void handOff(Fiber self) {
        Scheduler s = self.sched;
        Fiber next;
        try {
            next = s.pickNext();
        } catch (SchedulerDeadlock | Scheduler.Cancelled d) {
            if (self.root) {
                throw d;
            }
            next = s.root;
        }
        if (next != self) {
            transfer(next);
            awaitTurn(self);
        }
        if (self.root && next != self) {
            SchedulerDeadlock d = s.group.deadlock;
            if (d != null) {
                throw d;
            }
            if (s.dead()) {
                throw Scheduler.Cancelled.INSTANCE; // handed back by a fiber that saw the cancellation
            }
        }
    }

    private static void transfer(Fiber next) {
        next.turn = true;
        Thread t = (Thread) next.handle;
        if (!next.root && t.getState() == Thread.State.NEW) {
            t.start();
        } else {
            LockSupport.unpark(t);
        }
    }

    private static void awaitTurn(Fiber self) {
        while (!self.turn) {
            if (self.killed) {
                throw Killed.INSTANCE;
            }
            LockSupport.park(self);
        }
        self.turn = false;
        if (self.killed) {
            throw Killed.INSTANCE;
        }
    }

    @Override
    void terminate(Scheduler s) {
        for (Fiber f : s.liveFibers()) {
            if (!f.root && f.handle instanceof Thread t) {
                f.killed = true;
                if (t.getState() != Thread.State.NEW) {
                    LockSupport.unpark(t);
                }
            }
        }
    }

    @Override
    StackTraceElement[] stackTrace(Fiber f) {
        return f.handle instanceof Thread t ? t.getStackTrace() : null;
    }
}
