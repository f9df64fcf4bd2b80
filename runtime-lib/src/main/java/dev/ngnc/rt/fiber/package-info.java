/**
 * The fiber engine: cooperative schedulers ({@link dev.ngnc.rt.fiber.Scheduler}, one per carrier thread, grouped
 * per program run in a {@link dev.ngnc.rt.fiber.SchedulerGroup} that detects deadlocks), fibers and how they are
 * suspended ({@link dev.ngnc.rt.fiber.FiberEngine}: continuations, or virtual threads as the fallback), the ring
 * order ({@link dev.ngnc.rt.fiber.FiberLabel}, {@link dev.ngnc.rt.fiber.FiberReadySet}), and the blocking
 * primitives the rest of the runtime builds on ({@link dev.ngnc.rt.fiber.FiberWaiter}, {@link
 * dev.ngnc.rt.fiber.FiberWaitSet}, {@link dev.ngnc.rt.fiber.FiberLock}). Depends only on {@code rt.base}.
 *
 * <p>Invariants (details in runtime-lib/CONCURRENCY.md):
 * <ul>
 *   <li><b>Who parks.</b> Only the current waiter parks itself ({@code FiberWaiter.current().park}): a fiber on
 *   its scheduler's carrier, or a plain Java thread through a {@code ThreadWaiter}. It first registers in a wait
 *   set under that set's owner lock, releases the lock, then parks; a wake-up is a permit, so one that arrives
 *   before the park is not lost. A fiber must not park inside {@code synchronized} code or a class initializer
 *   (the continuation is pinned; the engine reports it as an internal error).</li>
 *   <li><b>Which thread runs a continuation.</b> A fiber belongs to one scheduler for its whole life and is
 *   resumed only on that scheduler's carrier; the ring, the ready set and the timers are carrier-only. Other
 *   threads hand a woken fiber over through the scheduler's inbox ({@code makeReady}).</li>
 *   <li><b>Lock order.</b> No two of these are held at once: a wait set's owner lock (a channel's or a {@code
 *   FiberLock}'s monitor) is released before the picked waiter is unparked; a scheduler's lock guards only its
 *   inbox and idle flag (inside it the group's liveness count is an atomic, not a lock); the group's monitor is
 *   released before it signals the schedulers of a deadlock.</li>
 * </ul>
 */
package dev.ngnc.rt.fiber;
