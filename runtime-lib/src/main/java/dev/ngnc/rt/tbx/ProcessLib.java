package dev.ngnc.rt.tbx;

import dev.ngnc.rt.Fibers;
import dev.ngnc.rt.value.NgnBytes;
import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.base.NgnError;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code tbx::process} (spec 11.6): {@code run}, {@code stream} and {@code streamRaw} on
 * {@link ProcessBuilder}. A command runs as {@code /bin/sh -c cmd} with stdin from
 * {@code /dev/null}; options {@code cwd} (string) and {@code timeoutMs} (integer, &gt; 0).
 *
 * <ul>
 *   <li>{@code run} returns at once a channel ({@code <channel process_run>}) that receives one
 *   {@code Result<ProcessOutput, string>} once the process has exited and its output is read.</li>
 *   <li>{@code stream} / {@code streamRaw} return {@code Ok(ProcessStream)} at once: stdout and
 *   stderr arrive on channels of capacity 100 as lines without terminators (or byte chunks of at
 *   most 8192 bytes), each closed at end of output; {@code done} then receives the Result.
 *   Closing an output channel early does not stop or block the process: its further output is
 *   read and dropped.</li>
 * </ul>
 * Errors: {@code Error("Failed to spawn process: …")} (e.g. {@code cwd} does not exist) and, when
 * {@code timeoutMs} passes, {@code Error("Process timed out")} after the whole process tree was
 * killed. A command that does not exist is reported by the shell (exit code 127, message on
 * stderr), like any other failing command. A process killed by a signal reports 128 + the
 * signal number (the JVM cannot tell that apart from an exit status). Processes still running
 * when the program exits are killed with their descendants, so none is left behind.
 * Each process counts as {@link Fibers#pendingWork()} until its results are delivered.
 */
public final class ProcessLib {
    /** Capacity of the {@code stdout}/{@code stderr} channels of {@code stream} (spec 11.6). */
    static final int LINE_CHANNEL_CAPACITY = 100;
    /** Largest chunk of {@code streamRaw}. */
    static final int RAW_CHUNK = 8192;

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    private ProcessLib() {
    }

    /** ngn {@code run(cmd)}. */
    public static NgnChannel run(String cmd) {
        return run(cmd, null);
    }

    /** ngn {@code run(cmd, opts)}: see the class comment. */
    public static NgnChannel run(String cmd, Object options) {
        NgnChannel ch = new NgnChannel(1, "process_run");
        long timeoutMs = timeout(options);
        Process p;
        try {
            p = start(cmd, options);
        } catch (SpawnFailure e) {
            ch.deliver(NgnEnum.error(e.getMessage()), false);
            return ch;
        }
        Fibers.Pending pending = Fibers.pendingWork();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outReader = Thread.ofVirtual().name("ngn-process-out").start(() -> drain(p.getInputStream(), out));
        Thread errReader = Thread.ofVirtual().name("ngn-process-err").start(() -> drain(p.getErrorStream(), err));
        Thread.ofVirtual().name("ngn-process-wait").start(() -> {
            try {
                boolean timedOut = waitFor(p, timeoutMs);
                joinReaders(p, timedOut, outReader, errReader);
                Object result = timedOut ? NgnEnum.error("Process timed out")
                        : NgnEnum.ok(new ProcessOutput(p.exitValue(), utf8(out), utf8(err)));
                ch.deliver(result, false);
            } finally {
                LIVE.remove(p);
                pending.close();
            }
        });
        return ch;
    }

    /** ngn {@code stream(cmd)}. */
    public static NgnEnum stream(String cmd) {
        return stream(cmd, null);
    }

    /** ngn {@code stream(cmd, opts)}: lines. */
    public static NgnEnum stream(String cmd, Object options) {
        return streaming(cmd, options, false);
    }

    /** ngn {@code streamRaw(cmd)}. */
    public static NgnEnum streamRaw(String cmd) {
        return streamRaw(cmd, null);
    }

    /** ngn {@code streamRaw(cmd, opts)}: byte chunks. */
    public static NgnEnum streamRaw(String cmd, Object options) {
        return streaming(cmd, options, true);
    }

    private static NgnEnum streaming(String cmd, Object options, boolean raw) {
        long timeoutMs = timeout(options);
        Process p;
        try {
            p = start(cmd, options);
        } catch (SpawnFailure e) {
            return NgnEnum.error(e.getMessage());
        }
        Fibers.Pending pending = Fibers.pendingWork();
        NgnChannel stdout = new NgnChannel(LINE_CHANNEL_CAPACITY, "chan");
        NgnChannel stderr = new NgnChannel(LINE_CHANNEL_CAPACITY, "chan");
        NgnChannel done = new NgnChannel(1, "process_done");
        Thread outReader = Thread.ofVirtual().name("ngn-process-out").start(() -> pump(p.getInputStream(), stdout, raw));
        Thread errReader = Thread.ofVirtual().name("ngn-process-err").start(() -> pump(p.getErrorStream(), stderr, raw));
        Thread.ofVirtual().name("ngn-process-wait").start(() -> {
            try {
                boolean timedOut = waitFor(p, timeoutMs);
                joinReaders(p, timedOut, outReader, errReader);
                Object result = timedOut ? NgnEnum.error("Process timed out")
                        : NgnEnum.ok(new ProcessOutput(p.exitValue(), "", ""));
                done.deliver(result, false);
            } finally {
                LIVE.remove(p);
                pending.close();
            }
        });
        return NgnEnum.ok(new ProcessStream(stdout, stderr, done));
    }

    // ---- implementation ----------------------------------------------------------------------

    private static final class SpawnFailure extends Exception {
        private static final long serialVersionUID = 1L;

        SpawnFailure(String message) {
            super(message, null, false, false);
        }
    }

    private static long timeout(Object options) {
        long t = HttpText.longOption(options, "timeoutMs", 0);
        return t > 0 ? t : 0;
    }

    private static Process start(String cmd, Object options) throws SpawnFailure {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", cmd == null ? "" : cmd);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        String cwd = HttpText.stringOption(options, "cwd");
        if (cwd != null && !cwd.isEmpty()) {
            File dir = new File(cwd);
            if (!dir.exists()) {
                throw new SpawnFailure("Failed to spawn process: No such file or directory (os error 2): cwd '"
                        + cwd + "'");
            }
            if (!dir.isDirectory()) {
                throw new SpawnFailure("Failed to spawn process: Not a directory (os error 20): cwd '" + cwd + "'");
            }
            pb.directory(dir);
        }
        installHook();
        try {
            Process p = pb.start();
            LIVE.add(p);
            return p;
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new SpawnFailure("Failed to spawn process: " + m);
        }
    }

    /** Waits for the exit; past {@code timeoutMs} (if &gt; 0) kills the tree and returns true. */
    private static boolean waitFor(Process p, long timeoutMs) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (timeoutMs <= 0) {
                        p.waitFor();
                        return false;
                    }
                    if (p.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                        return false;
                    }
                    killTree(p.toHandle());
                    p.waitFor();
                    return true;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Waits for the output readers. After a timeout (the tree is dead) a descendant that escaped
     * the kill may still hold a pipe open: then the pipes are closed after a short grace.
     */
    private static void joinReaders(Process p, boolean timedOut, Thread... readers) {
        for (Thread r : readers) {
            try {
                if (timedOut) {
                    r.join(1000);
                } else {
                    r.join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (timedOut) {
            closeQuietly(p.getInputStream());
            closeQuietly(p.getErrorStream());
            for (Thread r : readers) {
                try {
                    r.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Kills {@code h} and every descendant (snapshot taken first, so reparented ones are reached too). */
    static void killTree(ProcessHandle h) {
        List<ProcessHandle> all = new ArrayList<>();
        collect(h, all);
        for (ProcessHandle p : all) {
            p.destroyForcibly();
        }
        // children forked while we were killing: one more pass over whatever is still alive
        List<ProcessHandle> late = new ArrayList<>();
        for (ProcessHandle p : all) {
            p.descendants().forEach(late::add);
        }
        for (ProcessHandle p : late) {
            p.destroyForcibly();
        }
    }

    private static void collect(ProcessHandle h, List<ProcessHandle> out) {
        out.add(h);
        try {
            h.descendants().forEach(out::add);
        } catch (RuntimeException e) {
            // process table not readable: the direct process is still killed
        }
    }

    private static void installHook() {
        if (hookInstalled) {
            return;
        }
        synchronized (ProcessLib.class) {
            if (hookInstalled) {
                return;
            }
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    for (Process p : LIVE) {
                        if (p.isAlive()) {
                            killTree(p.toHandle());
                        }
                    }
                }, "ngn-process-cleanup"));
            } catch (IllegalStateException e) {
                // already shutting down
            }
            hookInstalled = true;
        }
    }

    private static void drain(InputStream in, ByteArrayOutputStream sink) {
        byte[] buf = new byte[RAW_CHUNK];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (sink) {
                    sink.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            // stream closed (timeout) or broken: keep what was read
        }
    }

    private static String utf8(ByteArrayOutputStream b) {
        synchronized (b) {
            return b.toString(StandardCharsets.UTF_8);
        }
    }

    /** Copies a process output stream into {@code ch} (lines or chunks); drops output once ch is closed; closes ch at EOF. */
    private static void pump(InputStream in, NgnChannel ch, boolean raw) {
        byte[] buf = new byte[RAW_CHUNK];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean open = true;
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (!open) {
                    continue; // keep draining so the child never blocks on a full pipe
                }
                if (raw) {
                    open = offer(ch, NgnBytes.wrap(Arrays.copyOf(buf, n)));
                    continue;
                }
                int start = 0;
                for (int i = 0; i < n && open; i++) {
                    if (buf[i] == '\n') {
                        line.write(buf, start, i - start);
                        open = offer(ch, lineText(line));
                        line.reset();
                        start = i + 1;
                    }
                }
                if (open && start < n) {
                    line.write(buf, start, n - start);
                }
            }
            if (open && !raw && line.size() > 0) {
                offer(ch, lineText(line));
            }
        } catch (IOException e) {
            // closed after a timeout, or broken: end of output
        } finally {
            ch.close();
        }
    }

    private static String lineText(ByteArrayOutputStream line) {
        byte[] b = line.toByteArray();
        int len = b.length;
        if (len > 0 && b[len - 1] == '\r') {
            len--;
        }
        return new String(b, 0, len, StandardCharsets.UTF_8);
    }

    /** Sends (blocking while full); false once the consumer closed the channel. */
    private static boolean offer(NgnChannel ch, Object item) {
        if (ch.isClosed()) {
            return false;
        }
        try {
            ch.send(item);
            return true;
        } catch (NgnError e) {
            return false; // closed meanwhile
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // ignore
        }
    }
}
