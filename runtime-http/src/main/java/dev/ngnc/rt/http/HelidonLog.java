package dev.ngnc.rt.http;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Helidon logs through {@code System.Logger} (JUL by default): its start-up banner lines at INFO
 * and its problems with stack traces. An ngn program owns stdout and stderr, so Helidon's logging
 * is redirected here: INFO and below are dropped, and a WARNING/SEVERE record becomes one line
 * {@code [ngn] HTTP server: <message>: <cause>} on stderr — never a Java stack trace. The last
 * SEVERE message is kept for start-up error reports.
 */
final class HelidonLog extends Handler {
    /** Strong reference: JUL keeps loggers weakly, and a collected logger forgets its configuration. */
    private static final Logger HELIDON = Logger.getLogger("io.helidon");
    private static volatile String lastError;

    private HelidonLog() {
    }

    static void install() {
        HELIDON.setUseParentHandlers(false);
        HELIDON.setLevel(Level.WARNING);
        for (Handler h : HELIDON.getHandlers()) {
            HELIDON.removeHandler(h);
        }
        HELIDON.addHandler(new HelidonLog());
    }

    static String lastError() {
        return lastError;
    }

    @Override
    public void publish(LogRecord r) {
        if (r == null || r.getLevel().intValue() < Level.WARNING.intValue()) {
            return;
        }
        StringBuilder sb = new StringBuilder(r.getMessage() == null ? "" : r.getMessage());
        Throwable t = r.getThrown();
        while (t != null) {
            String m = t.getMessage();
            sb.append(": ").append(m == null ? t.getClass().getSimpleName() : m);
            t = t.getCause() == t ? null : t.getCause();
        }
        String line = sb.toString().replace('\n', ' ');
        if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
            lastError = line;
        }
        System.err.println("[ngn] HTTP server: " + line);
        System.err.flush();
    }

    @Override
    public void flush() {
        System.err.flush();
    }

    @Override
    public void close() {
    }
}
