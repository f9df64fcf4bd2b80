package dev.ngnc.rt.fiber;


/**
 * Thrown out of the root fiber's blocking operation when every fiber of the program is blocked
 * and nothing can wake them. The message is the whole report ({@code Deadlock: all fibers are
 * blocked} and one {@code  --> file.ngn:line (operation)} line per blocked fiber); it carries no
 * stack trace, so {@code Rt.report} prints the message alone.
 */
public final class SchedulerDeadlock extends Error {
    private static final long serialVersionUID = 1L;

    SchedulerDeadlock(String report) {
        super(report, null, false, false);
    }
}
