package dev.ngnc.rt.http;

import dev.ngnc.rt.Fibers;
import dev.ngnc.rt.Fmt;
import dev.ngnc.rt.HttpText;
import dev.ngnc.rt.NgnBytes;
import dev.ngnc.rt.NgnChannel;
import dev.ngnc.rt.NgnError;

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
 * One WebSocket connection (spec 11.7): Helidon does the handshake and framing; this listener runs
 * the ngn handler for the upgrade request and connects the {@link WebSocketResponse}'s channels to
 * the socket. The handler runs as the root fiber of its own scheduler on a separate virtual
 * thread, which then stays alive for the whole session writing the {@code send} channel's messages
 * to the client (strings as text frames, bytes as binary frames), so fibers the handler started
 * keep running. Client frames are put on {@code recv} (text as strings, binary as bytes;
 * fragmented messages are joined). Closing {@code send} closes the socket with 1000; when the
 * client disconnects, both channels are closed. A handler that does not return a
 * WebSocketResponse for an upgrade request refuses the upgrade (400).
 */
final class WsBridge implements WsListener {
    /** How long the send pump waits for the upgraded session to open. */
    private static final long OPEN_TIMEOUT_S = 30;

    private final Exchange exchange;
    private final CompletableFuture<WsSession> session = new CompletableFuture<>();
    private volatile WebSocketResponse ws;
    private volatile boolean closed;
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

    WsBridge(Exchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        Request request = exchange.upgradeRequest(prologue, headers);
        CompletableFuture<Object> result = new CompletableFuture<>();
        Thread.ofVirtual().name("ngn-websocket").start(() -> Fibers.runRoot(() -> {
            Object out;
            try {
                out = exchange.handler.call1(request);
            } catch (Throwable t) {
                exchange.panicked(t);
                result.complete(null);
                return;
            }
            result.complete(out);
            if (out instanceof WebSocketResponse w) {
                pump(w);
            }
        }));
        Object out = result.join();
        if (!(out instanceof WebSocketResponse w)) {
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
