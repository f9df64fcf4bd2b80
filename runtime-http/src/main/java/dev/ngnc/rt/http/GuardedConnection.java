package dev.ngnc.rt.http;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.http.Headers;
import io.helidon.common.socket.HelidonSocket;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ServerConnectionException;
import io.helidon.webserver.http1.Http1ConnectionListener;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One client connection: Helidon's HTTP/1.1 connection, reading the socket through this guard,
 * which adds what Helidon 4 leaves out (see docs/decisions.md, "HTTP server connections"):
 * <ul>
 *   <li><b>Time-outs</b> ({@link ConnectionWatchdog}): a connection waiting for a request longer
 *   than {@code keepAliveTimeoutMs} is closed (also one that never sends a byte); a request whose
 *   line and headers have not all arrived {@code headersTimeoutMs} after its first byte gets 408
 *   and is closed; a body read waiting longer than {@code headersTimeoutMs}, or still reading the body
 *   {@code bodyTimeoutMs} after the headers, closes it (a client trickling a byte every few seconds). WebSocket
 *   sessions never time out.</li>
 *   <li><b>HTTP/1.0</b>, which Helidon refuses: the request line's version is presented to
 *   Helidon as 1.1 and {@link Exchange} answers as HTTP/1.0 expects (closing the connection
 *   unless the client asked for keep-alive).</li>
 *   <li><b>{@code Connection: close} is honoured</b>: after a response that says so (the client
 *   asked, {@code maxRequestsPerConnection} was reached, an HTTP/1.0 client) the connection ends
 *   instead of waiting for a request that must not come.</li>
 * </ul>
 * The connection thread runs {@link #handle}; {@link #current()} is this guard on that thread,
 * which is where Helidon runs routing and so {@link Exchange}.
 */
final class GuardedConnection implements ServerConnection {
    /** What the connection is doing, as far as time-outs go. */
    enum Phase { AWAITING_REQUEST, READING_HEAD, IN_REQUEST, WEBSOCKET }

    private static final ThreadLocal<GuardedConnection> CURRENT = new ThreadLocal<>();
    private static final long NOT_READING = Long.MIN_VALUE;
    /** A request line longer than this is passed to Helidon unexamined (Helidon answers 414). */
    private static final int MAX_REQUEST_LINE = 8192;
    private static final byte[] REQUEST_TIMEOUT = ("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n"
            + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    /** Moves a connection past its head when Helidon has read a request's headers. */
    static final Http1ConnectionListener HEADERS_READ = new Http1ConnectionListener() {
        @Override
        public void headers(ConnectionContext ctx, Headers headers) {
            if (ctx instanceof GuardedContext g) {
                g.guard.bodyStartedAt = System.nanoTime();
                g.guard.phase = Phase.IN_REQUEST;
            }
        }
    };

    private final ConnectionContext helidon;
    private final DataReader buffered;
    private final HelidonSocket socket;
    private final ServerConnection http1;
    private final ConnectionWatchdog watchdog;

    private volatile Phase phase = Phase.AWAITING_REQUEST;
    /** {@link System#nanoTime()} when the pending socket read began, or {@link #NOT_READING}. */
    private volatile long readingSince = NOT_READING;
    private volatile long headStartedAt;
    /** When the current request's headers were read: its body must have arrived within bodyTimeoutMs of it. */
    private volatile long bodyStartedAt;
    private volatile boolean timedOut;
    private volatile boolean closeAfterResponse;
    /** Whether the current request came as HTTP/1.0 (connection thread only). */
    private boolean http10;

    GuardedConnection(ConnectionContext helidon, Http1ConnectionSelector http1, ConnectionWatchdog watchdog) {
        this.helidon = helidon;
        this.buffered = helidon.dataReader();
        this.socket = helidon.serverSocket();
        this.watchdog = watchdog;
        this.http1 = http1.connection(new GuardedContext(this, helidon, DataReader.create(this::nextBytes)));
    }

    /** The guard of the connection whose thread is running (null off connection threads). */
    static GuardedConnection current() {
        return CURRENT.get();
    }

    @Override
    public void handle(Limit limit) throws InterruptedException {
        CURRENT.set(this);
        watchdog.watch(this);
        try {
            http1.handle(limit);
        } finally {
            watchdog.forget(this);
            CURRENT.remove();
        }
    }

    @Override
    public Duration idleTime() {
        return http1.idleTime();
    }

    @Override
    public void close(boolean interrupt) {
        http1.close(interrupt);
    }

    /** Whether the request being handled came as HTTP/1.0. */
    boolean http10() {
        return http10;
    }

    /** The connection became a WebSocket session: no time-outs from now on. */
    void upgraded() {
        phase = Phase.WEBSOCKET;
    }

    /** A response has been written; with {@code close}, it said {@code Connection: close}. */
    void responded(boolean close) {
        if (close) {
            closeAfterResponse = true;
        }
        if (phase != Phase.WEBSOCKET) {
            phase = Phase.AWAITING_REQUEST;
        }
    }

    // ---- reading ------------------------------------------------------------------------------

    /** The next bytes from the client for Helidon; null ends the connection. */
    private byte[] nextBytes() {
        if (closeAfterResponse && phase == Phase.AWAITING_REQUEST) {
            return null;
        }
        byte[] bytes = read();
        if (bytes == null) {
            if (phase == Phase.READING_HEAD || phase == Phase.IN_REQUEST) {
                // not a server error (Helidon would answer 500 and log it): just the end
                throw new CloseConnectionException("the client closed the connection during a request");
            }
            return null;
        }
        if (phase != Phase.AWAITING_REQUEST) {
            return bytes;
        }
        phase = Phase.READING_HEAD;
        headStartedAt = System.nanoTime();
        return requestLine(bytes);
    }

    private byte[] read() {
        if (buffered.available() > 0) {
            // bytes Helidon read before handing the connection over (none in practice)
            return buffered.readBytes(buffered.available());
        }
        readingSince = System.nanoTime();
        try {
            return socket.get(); // the socket's own buffer: no copy; null at the end of the stream
        } catch (UncheckedIOException e) {
            throw new ServerConnectionException("Failed to get data from socket", e);
        } finally {
            readingSince = NOT_READING;
        }
    }

    /**
     * The first bytes of a request, read on until its request line is complete; an HTTP/1.0 request
     * line is presented as HTTP/1.1 and remembered in {@link #http10}.
     */
    private byte[] requestLine(byte[] first) {
        http10 = false;
        byte[] bytes = first;
        int eol = indexOf(bytes, (byte) '\n');
        if (eol < 0) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            line.writeBytes(bytes);
            while (eol < 0 && line.size() < MAX_REQUEST_LINE) {
                byte[] more = read();
                if (more == null) {
                    break;
                }
                int at = indexOf(more, (byte) '\n');
                if (at >= 0) {
                    eol = line.size() + at;
                }
                line.writeBytes(more);
            }
            bytes = line.toByteArray();
        }
        if (eol >= 9 && bytes[eol - 1] == '\r' && endsWithHttp10(bytes, eol - 1)) {
            bytes[eol - 2] = '1';
            http10 = true;
        }
        return bytes;
    }

    /** Whether {@code bytes[0..end)} ends with {@code " HTTP/1.0"}. */
    private static boolean endsWithHttp10(byte[] bytes, int end) {
        byte[] suffix = {' ', 'H', 'T', 'T', 'P', '/', '1', '.', '0'};
        if (end < suffix.length) {
            return false;
        }
        for (int i = 0; i < suffix.length; i++) {
            if (bytes[end - suffix.length + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    // ---- time-outs (called by the watchdog's thread) -------------------------------------------

    /** Closes the connection if it has waited too long for its client (see the class comment). */
    void checkTimeouts(long now, long keepAliveNanos, long headersNanos, long bodyNanos) {
        if (timedOut) {
            return;
        }
        long since = readingSince;
        switch (phase) {
            case AWAITING_REQUEST -> {
                if (since != NOT_READING && now - since > keepAliveNanos) {
                    timeOut(false);
                }
            }
            case READING_HEAD -> {
                if (now - headStartedAt > headersNanos) {
                    timeOut(true);
                }
            }
            case IN_REQUEST -> {
                // one read stalled, or the body as a whole still arriving (a byte every few seconds)
                if (since != NOT_READING && (now - since > headersNanos || now - bodyStartedAt > bodyNanos)) {
                    timeOut(false);
                }
            }
            case WEBSOCKET -> { }
        }
    }

    private static final byte[] BAD_BODY_TEXT = "Bad Request: malformed or incomplete request body"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BAD_BODY = ("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n"
            + "Content-Type: text/plain\r\nContent-Length: " + BAD_BODY_TEXT.length + "\r\n\r\n"
            + new String(BAD_BODY_TEXT, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);

    /**
     * A request body that cannot be read (a chunk size like {@code zz} or {@code -3}, a body cut short): answer 400
     * and end the connection, on this thread. Helidon's own error path would first try to skip the rest of the
     * body, which for a broken chunked body waits for bytes that never come. Never returns.
     */
    RuntimeException rejectBody() {
        try {
            helidon.dataWriter().writeNow(BufferData.create(BAD_BODY));
        } catch (RuntimeException e) {
            // the client is gone already
        }
        helidon.serverSocket().close();
        throw new CloseConnectionException("malformed request body");
    }

    private void timeOut(boolean tell) {
        timedOut = true;
        // writing may block on a client that does not read: never on the watchdog's thread
        Thread.ofVirtual().name("ngn-http-timeout").start(() -> {
            if (tell) {
                try {
                    helidon.dataWriter().writeNow(BufferData.create(REQUEST_TIMEOUT));
                } catch (RuntimeException e) {
                    // the client is gone already
                }
            }
            helidon.serverSocket().close();
        });
    }
}
