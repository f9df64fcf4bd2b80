package dev.ngnc.rt.tbx;

import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.value.NgnModel;

/**
 * The built-in {@code ProcessStream} model of {@code tbx::process} {@code stream}/{@code streamRaw}
 * (spec 11.6): {@code stdout} and {@code stderr} channels (lines as strings, or byte chunks for
 * {@code streamRaw}; capacity 100, closed at end of output) and {@code done}, which receives one
 * {@code Result<ProcessOutput, string>} (with empty {@code stdout}/{@code stderr}) when the process
 * has ended and all its output was delivered.
 */
public final class ProcessStream extends NgnModel {
    private static final String[] NAMES = {"stdout", "stderr", "done"};

    public NgnChannel stdout;
    public NgnChannel stderr;
    public NgnChannel done;

    /** All fields in declaration order. */
    public ProcessStream(NgnChannel stdout, NgnChannel stderr, NgnChannel done) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.done = done;
    }

    @Override
    public String modelName() {
        return "ProcessStream";
    }

    @Override
    public String[] fieldNames() {
        return NAMES;
    }

    @Override
    public Object fieldValue(int i) {
        return switch (i) {
            case 0 -> stdout;
            case 1 -> stderr;
            case 2 -> done;
            default -> throw new IndexOutOfBoundsException(i);
        };
    }

    @Override
    protected void shareFields() {
    }
}
