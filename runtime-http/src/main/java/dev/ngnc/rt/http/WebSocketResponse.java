package dev.ngnc.rt.http;

import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.value.NgnModel;
import dev.ngnc.rt.value.Values;

/**
 * The built-in {@code WebSocketResponse} model (spec 11.7): accept a WebSocket upgrade.
 * {@code headers} (extra headers of the 101 response; map or object, default empty), {@code recv}
 * (receives the client's text frames as strings and binary frames as bytes; closed when the client
 * disconnects) and {@code send} (strings are sent as text frames, bytes as binary frames; closing
 * it closes the socket with status 1000).
 */
public final class WebSocketResponse extends NgnModel {
    private static final String[] NAMES = {"headers", "recv", "send"};

    public Object headers;
    public NgnChannel recv;
    public NgnChannel send;

    /** All fields in declaration order. */
    public WebSocketResponse(Object headers, NgnChannel recv, NgnChannel send) {
        this.headers = headers;
        this.recv = recv;
        this.send = send;
    }

    @Override
    public String modelName() {
        return "WebSocketResponse";
    }

    @Override
    public String[] fieldNames() {
        return NAMES;
    }

    @Override
    public Object fieldValue(int i) {
        return switch (i) {
            case 0 -> headers;
            case 1 -> recv;
            case 2 -> send;
            default -> throw new IndexOutOfBoundsException(i);
        };
    }

    @Override
    protected void shareFields() {
        Values.share(headers);
    }
}
