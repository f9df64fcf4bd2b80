package dev.ngnc.rt;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The program's stdout: UTF-8, with a large buffer so millions of {@code print}s are cheap.
 * {@code print} ⇒ {@link #println(String)}; {@code echo} ⇒ {@link #print(String)} (flushes).
 * Thread-safe. {@link Rt} flushes it before reporting an error and at exit, so stderr text
 * always appears after the stdout printed before it.
 */
public final class Out {
    private static final int CAPACITY = 1 << 16;

    private static OutputStream sink = new FileOutputStream(FileDescriptor.out);
    private static final byte[] buf = new byte[CAPACITY];
    private static int len;
    /**
     * Long-running programs (servers) flush at every line end, so logs reach a pipe or file as they happen and
     * survive a SIGKILL; batch programs keep the big buffer.
     */
    private static boolean flushEachLine;

    private Out() {
    }

    /** ngn {@code print(x)}: writes {@code text} and a newline (buffered). */
    public static synchronized void println(String text) {
        write(text);
        put((byte) '\n');
        if (flushEachLine) flush();
    }

    /** ngn {@code print()}: writes a newline (buffered). */
    public static synchronized void println() {
        put((byte) '\n');
        if (flushEachLine) flush();
    }

    /** From now on every line is flushed when it ends (the HTTP server turns this on when it starts). */
    public static synchronized void flushEachLine() {
        flushEachLine = true;
        flush();
    }

    /** ngn {@code echo(x)}: writes {@code text} without a newline and flushes. */
    public static synchronized void print(String text) {
        write(text);
        flush();
    }

    /** Writes {@code text} without a newline and without flushing. */
    public static synchronized void write(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                byte[] rest = text.substring(i).getBytes(StandardCharsets.UTF_8);
                putAll(rest);
                return;
            }
            if (len == CAPACITY) {
                drain();
            }
            buf[len++] = (byte) c;
            i++;
        }
    }

    /** Pushes buffered output to the OS. */
    public static synchronized void flush() {
        drain();
        try {
            sink.flush();
        } catch (IOException e) {
            // stdout closed (e.g. broken pipe): nothing useful to do
        }
    }

    /**
     * Redirects output (tests, and {@code ngnc test}, which captures each test program's stdout); flushes what
     * was buffered for the previous sink first. Returns the previous sink.
     */
    public static synchronized OutputStream redirect(OutputStream to) {
        OutputStream previous = sink;
        flush();
        sink = to;
        return previous;
    }

    private static void put(byte b) {
        if (len == CAPACITY) {
            drain();
        }
        buf[len++] = b;
    }

    private static void putAll(byte[] bytes) {
        if (bytes.length > CAPACITY - len) {
            drain();
            if (bytes.length > CAPACITY) {
                writeRaw(bytes, bytes.length);
                return;
            }
        }
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private static void drain() {
        if (len > 0) {
            writeRaw(buf, len);
            len = 0;
        }
    }

    private static void writeRaw(byte[] bytes, int n) {
        try {
            sink.write(bytes, 0, n);
        } catch (IOException e) {
            // stdout closed: drop output, as the reference does on a broken pipe
        }
    }
}
