package dev.ngnc.lsp;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Starts the server on a pair of streams — stdio for {@code ngnc lsp}, pipes in the tests. */
public final class LspServer {
    private LspServer() {}

    /** Default quiet time after an edit before checking; {@code -Dngnc.lsp.debounceMs=N} overrides it. */
    public static final long DEBOUNCE_MS = Long.getLong("ngnc.lsp.debounceMs", 150);

    /** Starts listening; the future completes when the input ends. {@code onExit} runs on the {@code exit} notification. */
    public static Future<Void> start(InputStream in, OutputStream out, long debounceMillis, Runnable onExit) {
        quietJsonRpcLogging();
        NgnLanguageServer server = new NgnLanguageServer(debounceMillis, onExit);
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, new FrameInput(in), out);
        server.connect(launcher.getRemoteProxy());
        return launcher.startListening();
    }

    /**
     * lsp4j reports malformed messages through java.util.logging with stack traces; the server answers or ignores
     * them and goes on, so one line on stderr is enough (stdout carries the protocol).
     */
    private static void quietJsonRpcLogging() {
        Logger logger = Logger.getLogger("org.eclipse.lsp4j");
        logger.setUseParentHandlers(false);
        for (Handler h : logger.getHandlers()) logger.removeHandler(h);
        logger.addHandler(new Handler() {
            @Override public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    // lsp4j's messages repeat the exception's and run over several lines (gson's help links)
                    String message = firstLine(r.getMessage());
                    String cause = r.getThrown() == null ? "" : firstLine(r.getThrown().getMessage());
                    System.err.println("ngnc lsp: " + message
                            + (cause.isEmpty() || message.contains(cause) ? "" : ": " + cause));
                }
            }
            @Override public void flush() { System.err.flush(); }
            private static String firstLine(String s) {
                if (s == null) return "";
                int nl = s.indexOf('\n');
                return (nl < 0 ? s : s.substring(0, nl)).strip();
            }
            @Override public void close() { }
        });
    }
}
