package dev.ngnc.rt.base;


/**
 * An ngn run-time failure. The kind decides the first line the program prints on stderr
 * (spec 9.2): {@code Runtime Error: <detail>} for language-level errors,
 * {@code Internal error: <detail>} for failures the reference reports as internal, and
 * {@code Thread panicked: <msg>} for {@code panic(msg)}.
 *
 * <p>The JVM stack trace is kept on purpose: {@code Rt.location(Throwable)} finds the ngn
 * source line in it (generated classes carry {@code SourceFile=*.ngn} and line numbers).
 */
public final class NgnError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is; decides the message prefix. */
    public enum Kind {
        /** A language-level error ({@code Runtime Error: …}). */
        RUNTIME("Runtime Error: "),
        /** A failure reported as internal by the reference ({@code Internal error: …}). */
        INTERNAL("Internal error: "),
        /** A user {@code panic(msg)} ({@code Thread panicked: …}). */
        PANIC("Thread panicked: ");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** The text printed before the detail, e.g. {@code "Runtime Error: "}. */
        public String prefix() {
            return prefix;
        }
    }

    private final Kind kind;
    private final String detail;

    private NgnError(Kind kind, String detail) {
        super(kind.prefix + detail);
        this.kind = kind;
        this.detail = detail;
    }

    /** A language-level error; prints {@code Runtime Error: <detail>}. */
    public static NgnError runtime(String detail) {
        return new NgnError(Kind.RUNTIME, detail);
    }

    /** An internal failure; prints {@code Internal error: <detail>}. */
    public static NgnError internal(String detail) {
        return new NgnError(Kind.INTERNAL, detail);
    }

    /** The error of ngn's {@code panic(msg)}; prints {@code Thread panicked: <msg>}. */
    public static NgnError panic(String msg) {
        return new NgnError(Kind.PANIC, msg);
    }

    /** The kind of this failure. */
    public Kind kind() {
        return kind;
    }

    /** The text after the prefix (the detail, or the panic message). */
    public String detail() {
        return detail;
    }

    /**
     * The message as ngn shows it, without the {@code [ngn] } prefix and location, e.g.
     * {@code Runtime Error: Division failed}. Also what a dying thread's channel receives
     * (before the location line).
     */
    public String ngnMessage() {
        return kind.prefix + detail;
    }
}
