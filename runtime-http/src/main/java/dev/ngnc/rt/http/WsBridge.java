package dev.ngnc.rt.http;

import dev.ngnc.rt.Fibers;
import dev.ngnc.rt.value.Fmt;
import dev.ngnc.rt.tbx.HttpText;
import dev.ngnc.rt.value.NgnBytes;
import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.base.NgnError;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.WritableHeaders;
import io.helidon.websocket.WsCloseCodes;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One WebSocket upgrade request (spec 11.7). {@link Exchange#upgrades} runs the ngn handler for it
 * through {@link #start}: as the root fiber of its own scheduler on a separate virtual thread,
 * which stays alive for the whole session writing the {@code send} channel's messages to the
 * client (strings as text frames, bytes as binary frames), so fibers the handler started keep
 * running. If the handler returns a {@link WebSocketResponse}, Helidon does the handshake and
 * framing with this object as its listener ({@link #pending}): client frames are put on
 * {@code recv} (text as strings, binary as bytes; fragmented messages are joined); closing
 * {@code send} closes the socket with 1000; when the client disconnects, both channels are closed.
 * If it returns anything else, that is the answer to the request, written by the connection's
 * thread while the handler's thread waits ({@link #responded}).
 */
final class WsBridge implements WsListener {
    /** The bridge of the upgrade being routed on this (connection) thread, for Helidon's WebSocket route. */
    static final ThreadLocal<WsBridge> PENDING = new ThreadLocal<>();
    /** How long the send pump waits for the upgraded session to open. */
    private static final long OPEN_TIMEOUT_S = 30;
    /** The handler's result when it failed (already reported). */
    static final Object PANICKED = new Object();

    private final CompletableFuture<Object> result = new CompletableFuture<>();
    private final CompletableFuture<WsSession> session = new CompletableFuture<>();
    private final NgnChannel responded = new NgnChannel(1, "responded");
    private volatile WebSocketResponse ws;
    private volatile boolean closed;
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

    private WsBridge() {
    }

    /** Starts the handler for an upgrade request on a thread of its own; {@link #result()} is its answer. */
    static WsBridge start(Exchange exchange, Request request) {
        WsBridge bridge = new WsBridge();
        Thread.ofVirtual().name("ngn-websocket").start(() -> Fibers.runRoot(() -> {
            Object out;
            try {
                out = exchange.handler.call1(request);
            } catch (Throwable t) {
                exchange.panicked(t);
                bridge.result.complete(PANICKED);
                return;
            }
            bridge.result.complete(out);
            if (out instanceof WebSocketResponse w) {
                bridge.pump(w);
            } else {
                bridge.awaitResponded();
            }
            Fibers.awaitOtherFibers();
        }));
        return bridge;
    }

    /** Helidon's WebSocket route: the listener of the upgrade being routed on this thread. */
    static WsListener pending() {
        WsBridge b = PENDING.get();
        return b != null ? b : new WsBridge(); // not ours: refused in onHttpUpgrade
    }

    /** The handler's answer (waits for it); {@link #PANICKED} if it failed. */
    Object result() {
        return result.join();
    }

    /** The handler's ordinary answer has been written: its thread may end. */
    void responded() {
        responded.close();
    }

    /** The upgrade did not happen (an invalid handshake): the handler's channels are closed. */
    void refuse() {
        if (result.getNow(null) instanceof WebSocketResponse w) {
            ws = w;
        }
        disconnected();
    }

    private void awaitResponded() {
        try (Fibers.Pending pending = Fibers.pendingWork()) {
            responded.iterator().hasNext(); // returns once the channel is closed
        }
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        if (!(result.getNow(null) instanceof WebSocketResponse w)) {
            throw new WsUpgradeException("the handler did not return a WebSocketResponse");
        }
        ws = w;
        WritableHeaders<?> extra = WritableHeaders.create();
        HttpText.forEachHeader(w.headers, (k, v) -> {
            switch (k.toLowerCase(Locale.ROOT)) {
                case "connection", "upgrade", "sec-websocket-accept", "content-length" -> { }
                default -> extra.add(HeaderNames.create(k), v);
            }
        });
        return Optional.of(extra);
    }

    @Override
    public void onOpen(WsSession s) {
        session.complete(s);
        GuardedConnection guard = GuardedConnection.current();
        if (guard != null) {
            guard.upgraded();
        }
        // Helidon does not tell the listener when the client just drops the connection (no close
        // frame); the connection's thread ends then, so a watcher joining it notices.
        Thread connection = Thread.currentThread();
        Thread.ofVirtual().name("ngn-websocket-watch").start(() -> {
            try {
                connection.join();
            } catch (InterruptedException e) {
                return;
            }
            disconnected();
        });
    }

    @Override
    public void onMessage(WsSession s, String part, boolean last) {
        if (!last) {
            text.append(part);
            return;
        }
        String message = part;
        if (!text.isEmpty()) {
            message = text.append(part).toString();
            text.setLength(0);
        }
        deliver(message);
    }

    @Override
    public void onMessage(WsSession s, BufferData buffer, boolean last) {
        byte[] part = buffer.readBytes();
        if (!last) {
            binary.writeBytes(part);
            return;
        }
        byte[] message = part;
        if (binary.size() > 0) {
            binary.writeBytes(part);
            message = binary.toByteArray();
            binary.reset();
        }
        deliver(NgnBytes.wrap(message));
    }

    @Override
    public void onClose(WsSession s, int status, String reason) {
        disconnected();
    }

    @Override
    public void onError(WsSession s, Throwable t) {
        disconnected();
    }

    private void deliver(Object message) {
        WebSocketResponse w = ws;
        if (w == null || w.recv.isClosed()) {
            return;
        }
        try {
            w.recv.send(message); // blocks while recv is full: back-pressure on the client
        } catch (NgnError e) {
            // recv was closed meanwhile: the handler no longer listens
        }
    }

    private void disconnected() {
        closed = true;
        session.complete(null);
        WebSocketResponse w = ws;
        if (w != null) {
            w.recv.close();
            w.send.close();
        }
    }

    /** Runs in the handler's root fiber: writes {@code send}'s messages until it is closed or the client leaves. */
    private void pump(WebSocketResponse w) {
        WsSession s;
        try {
            s = session.get(OPEN_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            s = null;
        }
        if (s == null) {
            w.recv.close();
            w.send.close();
            return;
        }
        NgnChannel out = w.send;
        try {
            for (Object item : out) {
                if (closed) {
                    break;
                }
                if (item instanceof NgnBytes b) {
                    s.send(BufferData.create(b.toByteArray()), true);
                } else {
                    s.send(Fmt.str(item), true);
                }
            }
            if (!closed) {
                s.close(WsCloseCodes.NORMAL_CLOSE, "");
            }
        } catch (RuntimeException e) {
            // the connection broke while writing
            disconnected();
        } finally {
            w.recv.close();
        }
    }
}
