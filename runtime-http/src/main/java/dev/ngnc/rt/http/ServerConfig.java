package dev.ngnc.rt.http;

import dev.ngnc.rt.value.Fmt;
import dev.ngnc.rt.tbx.HttpText;
import dev.ngnc.rt.base.NgnError;

/**
 * The {@code config} of {@code serve(handler, config)} / {@code export default { fetch, config }}
 * (spec 11.7, docs toolbox.md), read from an object or a map:
 * <ul>
 *   <li>{@code port} (default 3000; 0 picks a free port),</li>
 *   <li>{@code keepAliveTimeoutMs} (default 30000): idle connections are closed after it,</li>
 *   <li>{@code maxRequestsPerConnection} (default 1000): the last allowed response says
 *   {@code Connection: close},</li>
 *   <li>{@code tls: { cert, key }}: PEM files ⇒ HTTPS,</li>
 * </ul>
 * and, ngnc extensions: {@code host} (interface to bind, default {@code 0.0.0.0}),
 * {@code maxBodyBytes} (request bodies above it get 413; default 10 MiB) and
 * {@code maxHeaderBytes} (request headers above it get 431; default 16 KiB) and
 * {@code headersTimeoutMs} (default 30000): a request's line and headers must arrive within it
 * from its first byte (else 408 and the connection is closed), and a read of a request body that
 * waits longer than it for data ends the connection; {@code bodyTimeoutMs} (default 60000): a handler still
 * reading the request body this long after its headers arrived (a client trickling bytes) ends the connection.
 * A value of the wrong kind is a run-time error naming the option.
 */
record ServerConfig(int port, String host, long keepAliveTimeoutMs, long maxRequestsPerConnection, String tlsCert,
                    String tlsKey, long maxBodyBytes, int maxHeaderBytes, long headersTimeoutMs, long bodyTimeoutMs) {
    static final int DEFAULT_PORT = 3000;
    static final long DEFAULT_KEEP_ALIVE_MS = 30_000;
    static final long DEFAULT_MAX_REQUESTS = 1000;
    static final long DEFAULT_MAX_BODY = 10L << 20;
    static final int DEFAULT_MAX_HEADERS = 16 << 10;
    static final long DEFAULT_HEADERS_TIMEOUT_MS = 30_000;
    static final long DEFAULT_BODY_TIMEOUT_MS = 60_000;

    boolean tls() {
        return tlsCert != null;
    }

    static ServerConfig parse(Object config) {
        long port = integer(config, "port", DEFAULT_PORT, 0, 65535);
        Object h = HttpText.option(config, "host");
        String host = h == null ? "0.0.0.0" : requireString(h, "host");
        long keepAlive = integer(config, "keepAliveTimeoutMs", DEFAULT_KEEP_ALIVE_MS, 1, Long.MAX_VALUE);
        long maxRequests = integer(config, "maxRequestsPerConnection", DEFAULT_MAX_REQUESTS, 1, Long.MAX_VALUE);
        long maxBody = integer(config, "maxBodyBytes", DEFAULT_MAX_BODY, 0, Long.MAX_VALUE);
        long maxHeaders = integer(config, "maxHeaderBytes", DEFAULT_MAX_HEADERS, 256, 1 << 20);
        long headersTimeout = integer(config, "headersTimeoutMs", DEFAULT_HEADERS_TIMEOUT_MS, 1, Long.MAX_VALUE);
        long bodyTimeout = integer(config, "bodyTimeoutMs", DEFAULT_BODY_TIMEOUT_MS, 1, Long.MAX_VALUE);
        String cert = null;
        String key = null;
        Object tls = HttpText.option(config, "tls");
        if (tls != null) {
            Object c = HttpText.option(tls, "cert");
            Object k = HttpText.option(tls, "key");
            if (c == null || k == null) {
                throw bad("tls needs both 'cert' and 'key' (paths of PEM files)");
            }
            cert = requireString(c, "tls.cert");
            key = requireString(k, "tls.key");
        }
        return new ServerConfig((int) port, host, keepAlive, maxRequests, cert, key, maxBody, (int) maxHeaders,
                headersTimeout, bodyTimeout);
    }

    private static long integer(Object config, String name, long fallback, long min, long max) {
        Object v = HttpText.option(config, name);
        if (v == null) {
            return fallback;
        }
        long n;
        if (v instanceof Long l) {
            n = l;
        } else if (v instanceof Double d && !d.isNaN() && d == Math.floor(d) && !d.isInfinite()) {
            n = d.longValue();
        } else {
            throw bad(name + " must be an integer, got '" + Fmt.str(v) + "'");
        }
        if (n < min || n > max) {
            throw bad(name + " must be " + (max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max)
                    + ", got " + n);
        }
        return n;
    }

    private static String requireString(Object v, String name) {
        if (v instanceof String s) {
            return s;
        }
        throw bad(name + " must be a string, got '" + Fmt.str(v) + "'");
    }

    static NgnError bad(String detail) {
        return NgnError.runtime("HTTP server config: " + detail);
    }
}
