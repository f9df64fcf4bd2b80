/**
 * The toolbox modules ({@code tbx::…}: JSON, time and {@code DateTime}, math, I/O, environment, processes,
 * encodings) and {@code fetch} with its {@code Response} model; each module is one class of static methods the
 * generated code calls. Invariant: work that waits on the outside world (an HTTP request, a child process) runs
 * off the fibers' carriers and completes into a channel, holding a {@code Fibers.pendingWork()} unit meanwhile,
 * so the scheduler neither blocks its carrier nor declares a deadlock while it is in flight.
 */
package dev.ngnc.rt.tbx;
