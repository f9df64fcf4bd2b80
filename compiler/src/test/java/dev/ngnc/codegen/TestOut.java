package dev.ngnc.codegen;

/** Print target for in-process emitter tests: collects lines per thread. */
public final class TestOut {
    private TestOut() {}

    private static final ThreadLocal<StringBuilder> OUT = ThreadLocal.withInitial(StringBuilder::new);

    public static void println(String s) {
        OUT.get().append(s).append('\n');
    }

    static String take() {
        String s = OUT.get().toString();
        OUT.get().setLength(0);
        return s;
    }
}
