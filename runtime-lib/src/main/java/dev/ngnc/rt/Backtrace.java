package dev.ngnc.rt;

import java.util.ArrayList;
import java.util.List;

/**
 * The ngn frames of a run-time failure, innermost first, as {@code at fn total (main.ngn:2)}.
 * JVM frames (runtime-lib, JDK) are left out: a frame is ngn's when its file is a {@code .ngn}
 * file and it has a line. The ngn name comes from the generated method name, which the compiler
 * derives from the ngn name ({@code fn$NAME}, {@code local$NAME}, {@code ext$KIND$TYPE$NAME},
 * {@code $toplevel}, closures' {@code callK} in {@code …$ClosureN}). {@code NGN_BACKTRACE=0} in
 * the environment turns the backtrace off.
 *
 * <p>A fiber's trace ends where its continuation was entered ({@code jdk.internal.vm.Continuation.run}, the
 * {@code enter} frames above it are hidden by the JDK): the frames below belong to whoever mounted it (e.g. {@code main} waiting in {@code <- t} runs the scheduler
 * inline), not to the fiber's callers, so they are left out.
 */
final class Backtrace {
    /** At most this many frames are printed; the rest is summarised as {@code … N more}. */
    static final int MAX_FRAMES = 20;

    static final boolean ENABLED = !"0".equals(System.getenv("NGN_BACKTRACE"));

    private Backtrace() {
    }

    /** The backtrace lines of {@code trace} (each {@code "  at …"}), capped at {@link #MAX_FRAMES}. */
    static List<String> lines(StackTraceElement[] trace) {
        List<String> frames = new ArrayList<>();
        String partOf = null;
        for (StackTraceElement e : trace) {
            if (isContinuationEntry(e)) {
                break;
            }
            String f = e.getFileName();
            if (f == null || !f.endsWith(".ngn") || e.getLineNumber() <= 0) {
                continue;
            }
            String method = e.getMethodName();
            // a function too large for one JVM method runs as parts (NAME$$partK) called from NAME: one ngn frame
            int part = method.indexOf("$$part");
            if (part >= 0) {
                method = method.substring(0, part);
            } else if (method.equals(partOf)) {
                partOf = null;
                continue;
            }
            partOf = part >= 0 ? method : null;
            String name = ngnName(e.getClassName(), method);
            if (name != null) {
                frames.add(name + " (" + f + ":" + e.getLineNumber() + ")");
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < frames.size() && i < MAX_FRAMES; i++) {
            out.add("  at " + frames.get(i));
        }
        if (frames.size() > MAX_FRAMES) {
            out.add("  … " + (frames.size() - MAX_FRAMES) + " more");
        }
        return out;
    }

    /** The frame that entered a fiber's continuation: what lies below it is the mounting thread's stack. */
    static boolean isContinuationEntry(StackTraceElement e) {
        if (!e.getClassName().equals("jdk.internal.vm.Continuation")) {
            return false;
        }
        String m = e.getMethodName();
        return m.equals("run") || m.startsWith("enter");
    }

    /**
     * The readable ngn name of a generated method ({@code fn total}, {@code User.bad},
     * {@code closure}, {@code top level}), or null for a generated helper that is no ngn frame.
     */
    static String ngnName(String className, String method) {
        if (className.matches(".*\\$Closure\\d+") && method.startsWith("call")) {
            return "closure";
        }
        if (method.startsWith("fn$")) {
            return "fn " + method.substring(3);
        }
        if (method.startsWith("local$")) {
            return "fn " + method.substring(6);
        }
        if (method.startsWith("ext$")) {
            String[] parts = method.substring(4).split("\\$");
            if (parts.length >= 2) {
                return parts[parts.length - 2] + "." + parts[parts.length - 1];
            }
            return parts[0];
        }
        if (method.equals("$toplevel")) {
            return "top level";
        }
        return null;
    }
}
