package dev.ngnc.rt.tbx;

import dev.ngnc.rt.value.NgnModel;

/**
 * The built-in {@code ProcessOutput} model of {@code tbx::process} (spec 11.6): {@code code}
 * (exit status), {@code stdout}, {@code stderr} (UTF-8, invalid bytes become U+FFFD).
 */
public final class ProcessOutput extends NgnModel {
    private static final String[] NAMES = {"code", "stdout", "stderr"};

    public long code;
    public String stdout;
    public String stderr;

    /** All fields in declaration order. */
    public ProcessOutput(long code, String stdout, String stderr) {
        this.code = code;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public String modelName() {
        return "ProcessOutput";
    }

    @Override
    public String[] fieldNames() {
        return NAMES;
    }

    @Override
    public Object fieldValue(int i) {
        return switch (i) {
            case 0 -> code;
            case 1 -> stdout;
            case 2 -> stderr;
            default -> throw new IndexOutOfBoundsException(i);
        };
    }

    @Override
    protected void shareFields() {
    }
}
