package dev.ngnc.rt.http;

import dev.ngnc.rt.Fibers;
import dev.ngnc.rt.tbx.HttpText;
import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.base.NgnError;
import dev.ngnc.rt.value.NgnFn;
import dev.ngnc.rt.Out;
import dev.ngnc.rt.Rt;

import io.helidon.common.configurable.Resource;
import io.helidon.common.pki.Keys;
import io.helidon.common.tls.Tls;
import io.helidon.http.DirectHandler;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsRouting;

import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ngn's HTTP server (spec 11.7): {@code serve(handler, config?)} from {@code tbx::http}, and
 * {@link #serveExport} for an entry file's {@code export default { fetch, config? }}. Built on the
 * Helidon SE 4 WebServer, which parses HTTP/1.1, does TLS and WebSocket framing, and runs every
 * connection on its own virtual thread; each request's handler runs there as the root fiber of
 * its own ngn scheduler ({@link Fibers#runRoot}), so handlers may block on channels, {@code fetch}
 * or {@code sleep}, start {@code thread()}s, and different requests run in parallel on all cores.
 * See {@link Exchange} for how requests and results map to HTTP, {@link WsBridge} for WebSockets.
 *
 * <p>{@code serve} prints {@code HTTP server listening on http://localhost:<port> (async, <cores>
 * workers)} (HTTPS: {@code HTTPS server listening on https://…}) and blocks the calling fiber (other
 * fibers keep running) until SIGINT/SIGTERM: then every running server prints
 * {@code \nShutting down server...}, stops accepting, lets in-flight requests finish (grace
 * 0.5 s), prints {@code Server stopped gracefully} (HTTPS variants), and {@code serve} returns.
 * A signal when no server runs ends the program as usual (exit status 128 + signal).
 *
 * <p>Start-up failures — a port in use, unreadable or invalid TLS files, a bad config value — are
 * run-time errors of the {@code serve} call naming the cause, e.g. {@code Runtime Error: HTTP
 * server: cannot listen on 0.0.0.0:3000: address already in use}.
 */
public final class HttpServer {
    private static final Set<Running> RUNNING = ConcurrentHashMap.newKeySet();
    private static volatile boolean signalsInstalled;
    private static final Duration IDLE_FOREVER = Duration.ofDays(3650);

    static {
        HelidonLog.install();
    }

    private HttpServer() {
    }

    /** ngn {@code serve(handler)} with the default config. */
    public static void serve(Object handler) {
        serve(handler, null);
    }

    /** ngn {@code serve(handler, config)}: see the class comment and {@link ServerConfig}. */
    public static void serve(Object handler, Object config) {
        if (!(handler instanceof NgnFn fn)) {
            throw NgnError.runtime("serve() expects a handler function fn(req: Request), got "
                    + dev.ngnc.rt.value.Values.kindName(handler));
        }
        ServerConfig cfg = ServerConfig.parse(config);
        Running r = start(fn, cfg, System.err);
        r.announce();
        r.awaitStop();
    }

    /**
     * The entry point of a program whose entry file has {@code export default { fetch, config? }}
     * and no {@code main}: serves {@code exported.fetch} with {@code exported.config}.
     */
    public static void serveExport(Object exported) {
        Object fetch = HttpText.option(exported, "fetch");
        if (!(fetch instanceof NgnFn)) {
            throw NgnError.runtime("No main() function or HTTP handler defined: export default has no fetch handler");
        }
        serve(fetch, HttpText.option(exported, "config"));
    }

    /**
     * Starts a server on a free loopback port, fetches one page from it and stops it, so that the
     * classes a server program needs are loaded and linked: {@code bin/ngnc}'s start-up cache
     * training run calls it ({@code -Dngnc.train=true}), which makes {@code serve} start in about a
     * third of the time under {@code ngnc run}. Prints nothing.
     */
    public static void warmUp() {
        NgnFn hello = new NgnFn() {
            @Override
            public int arity() {
                return 1;
            }

            @Override
            public Object call1(Object request) {
                return new dev.ngnc.rt.tbx.Response(200, "", true, dev.ngnc.rt.value.NgnMap.empty(),
                        ((Request) request).text());
            }
        };
        ServerConfig cfg = new ServerConfig(0, "127.0.0.1", 1000, 10, null, null, ServerConfig.DEFAULT_MAX_BODY,
                ServerConfig.DEFAULT_MAX_HEADERS, ServerConfig.DEFAULT_HEADERS_TIMEOUT_MS, ServerConfig.DEFAULT_BODY_TIMEOUT_MS);
        Running r = start(hello, cfg, System.err);
        try {
            dev.ngnc.rt.tbx.Fetch.fetch("http://127.0.0.1:" + r.port() + "/warm-up",
                    dev.ngnc.rt.value.NgnObject.of(new String[] {"method", "body"}, new Object[] {"POST", "x"})).receive();
        } finally {
            r.stop(false);
        }
    }

    /** Starts a server (tests: without announcing or blocking). */
    static Running start(NgnFn handler, ServerConfig cfg, PrintStream err) {
        Tls tls = cfg.tls() ? tls(cfg) : null;
        Exchange exchange = new Exchange(handler, cfg, err, tls != null);
        WsConfig wsConfig = WsConfig.create();
        ConnectionWatchdog watchdog = new ConnectionWatchdog(cfg.keepAliveTimeoutMs(), cfg.headersTimeoutMs(),
                cfg.bodyTimeoutMs());
        WebServerConfig.Builder b = WebServer.builder()
                .host(cfg.host())
                .port(cfg.port())
                .shutdownHook(false)
                .maxPayloadSize(cfg.maxBodyBytes())
                // time-outs are the ConnectionWatchdog's; Helidon's idle check works on a clock that
                // ticks once a second, and would also end quiet WebSocket sessions
                .idleConnectionTimeout(IDLE_FOREVER)
                .shutdownGracePeriod(Duration.ofMillis(500))
                // the direct handler gets Helidon's (safe) reason of a rejected request, e.g. for 431
                .errorHandling(io.helidon.webserver.ErrorHandling.builder().includeEntity(true).build())
                .directHandlers(DirectHandlers.builder()
                        .addHandler(DirectHandler.EventType.BAD_REQUEST, new Exchange.BadRequests())
                        .build())
                // the guarded HTTP/1.1 selector is the only one (see GuardedSelector)
                .protocolsDiscoverServices(false)
                .addProtocol(wsConfig) // WebSocket sessions look their settings up here
                .addConnectionSelector(new GuardedSelector(wsConfig, Http1Config.builder()
                        .maxHeadersSize(cfg.maxHeaderBytes())
                        .validateRequestHostHeader(false)
                        .addReceiveListener(GuardedConnection.HEADERS_READ)
                        .build(), watchdog))
                .addRouting(HttpRouting.builder()
                        .addFilter(exchange::upgrades)
                        .any(exchange))
                .addRouting(WsRouting.builder().endpoint("/*", WsBridge::pending));
        if (tls != null) {
            b.tls(tls);
        }
        WebServer server;
        try {
            if (cfg.port() != 0) {
                checkPortFree(cfg);
            }
            try {
                server = b.build();
                server.start();
            } catch (Throwable t) {
                throw startFailure(cfg, t);
            }
            if (!server.isRunning()) {
                String why = HelidonLog.lastError();
                throw NgnError.runtime("HTTP server: cannot start on " + cfg.host() + ":" + cfg.port()
                        + (why == null ? "" : ": " + why));
            }
        } catch (RuntimeException e) {
            watchdog.close();
            throw e;
        }
        Running r = new Running(server, cfg, watchdog);
        RUNNING.add(r);
        installSignals();
        return r;
    }

    /** Binds the port once to report "address already in use" (Helidon only logs it) with a clear message. */
    private static void checkPortFree(ServerConfig cfg) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(cfg.host(), cfg.port()));
        } catch (java.io.IOException e) {
            throw startFailure(cfg, e);
        } catch (IllegalArgumentException | SecurityException e) {
            throw NgnError.runtime("HTTP server: cannot listen on " + cfg.host() + ":" + cfg.port() + ": " + e.getMessage());
        }
    }

    private static NgnError startFailure(ServerConfig cfg, Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BindException b) {
                String why = b.getMessage() == null ? "cannot bind" : b.getMessage().toLowerCase(java.util.Locale.ROOT);
                return NgnError.runtime("HTTP server: cannot listen on " + cfg.host() + ":" + cfg.port() + ": " + why);
            }
            if (c instanceof java.net.UnknownHostException || c instanceof java.net.SocketException) {
                return NgnError.runtime("HTTP server: cannot listen on " + cfg.host() + ":" + cfg.port() + ": "
                        + c.getMessage());
            }
            if (c.getCause() == c) {
                break;
            }
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return NgnError.runtime("HTTP server: cannot start on " + cfg.host() + ":" + cfg.port() + ": " + m);
    }

    /** The server's TLS from the PEM files of {@code config.tls}; unreadable or invalid ones are start-up errors. */
    private static Tls tls(ServerConfig cfg) {
        Path cert = Path.of(cfg.tlsCert());
        Path key = Path.of(cfg.tlsKey());
        for (Path p : new Path[] {cert, key}) {
            String what = p == cert ? "certificate" : "private key";
            if (!Files.isRegularFile(p)) {
                throw NgnError.runtime("HTTP server: TLS " + what + " file '" + p + "' does not exist");
            }
            if (!Files.isReadable(p)) {
                throw NgnError.runtime("HTTP server: TLS " + what + " file '" + p + "' is not readable");
            }
        }
        try {
            Keys keys = Keys.builder()
                    .pem(pem -> pem.key(Resource.create(key)).certChain(Resource.create(cert)))
                    .build();
            if (keys.privateKey().isEmpty()) {
                throw NgnError.runtime("HTTP server: no private key found in TLS key file '" + key + "'");
            }
            if (keys.certChain().isEmpty()) {
                throw NgnError.runtime("HTTP server: no certificate found in TLS certificate file '" + cert + "'");
            }
            return Tls.builder()
                    .privateKey(keys.privateKey().get())
                    .privateKeyCertChain(keys.certChain())
                    .build();
        } catch (NgnError e) {
            throw e;
        } catch (Throwable t) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            throw NgnError.runtime("HTTP server: invalid TLS certificate '" + cert + "' or key '" + key + "': " + m);
        }
    }

    // ---- signals --------------------------------------------------------------------------------

    private static void installSignals() {
        if (signalsInstalled) {
            return;
        }
        synchronized (HttpServer.class) {
            if (signalsInstalled) {
                return;
            }
            signalsInstalled = true;
            for (String name : new String[] {"INT", "TERM"}) {
                try {
                    sun.misc.Signal.handle(new sun.misc.Signal(name), HttpServer::onSignal);
                } catch (Throwable e) {
                    // signal not available here (e.g. reserved by the JVM's -Xrs): Ctrl-C then just ends the JVM
                }
            }
        }
    }

    private static void onSignal(sun.misc.Signal sig) {
        if (RUNNING.isEmpty()) {
            // no server to stop: end the program as the JVM's default handler would
            Out.flush();
            System.exit(128 + sig.getNumber());
            return;
        }
        for (Running r : RUNNING.toArray(new Running[0])) {
            r.stop(true);
        }
    }

    /** A started server. */
    static final class Running {
        final WebServer server;
        final ServerConfig cfg;
        private final ConnectionWatchdog watchdog;
        private final NgnChannel stopped = new NgnChannel(1, "server");
        private boolean stopping;

        Running(WebServer server, ServerConfig cfg, ConnectionWatchdog watchdog) {
            this.server = server;
            this.cfg = cfg;
            this.watchdog = watchdog;
        }

        int port() {
            return server.port();
        }

        void announce() {
            String s = cfg.tls() ? "HTTPS" : "HTTP";
            Out.println(s + " server listening on " + (cfg.tls() ? "https" : "http") + "://localhost:" + port()
                    + " (async, " + Runtime.getRuntime().availableProcessors() + " workers)");
            Out.flushEachLine(); // request logs must reach a pipe as they happen, not at exit

        }

        /** Blocks the calling fiber (or thread) until the server has stopped. */
        void awaitStop() {
            try (Fibers.Pending pending = Fibers.pendingWork()) {
                stopped.iterator().hasNext(); // returns once the channel is closed
            }
        }

        /** Stops the server (idempotent); with {@code announce}, prints the shutdown lines. */
        void stop(boolean announce) {
            synchronized (this) {
                if (stopping) {
                    return;
                }
                stopping = true;
            }
            String kind = cfg.tls() ? "HTTPS server" : "server";
            if (announce) {
                Out.println("\nShutting down " + kind + "...");
                Out.flush();
            }
            try {
                server.stop();
            } catch (Throwable t) {
                Rt.report(t);
            }
            watchdog.close();
            RUNNING.remove(this);
            if (announce) {
                Out.println(cfg.tls() ? "HTTPS server stopped gracefully" : "Server stopped gracefully");
                Out.flush();
            }
            stopped.close();
        }
    }

}
