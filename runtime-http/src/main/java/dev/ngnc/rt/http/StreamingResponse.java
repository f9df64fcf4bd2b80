package dev.ngnc.rt.http;

import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.value.NgnModel;
import dev.ngnc.rt.value.Values;

/**
 * The built-in {@code StreamingResponse} model (spec 11.7): {@code status} (default 200),
 * {@code headers} (a map or an object, default empty) and {@code body}, a {@code channel<string>}
 * whose messages are sent as chunks of a chunked response that ends when the channel is closed and
 * drained. If the client goes away, the server closes the channel so the producer can stop.
 */
public final class StreamingResponse extends NgnModel {
    private static final String[] NAMES = {"status", "headers", "body"};

    public long status;
    public Object headers;
    public NgnChannel body;

    /** All fields in declaration order. */
    public StreamingResponse(long status, Object headers, NgnChannel body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    @Override
    public String modelName() {
        return "StreamingResponse";
    }

    @Override
    public String[] fieldNames() {
        return NAMES;
    }

    @Override
    public Object fieldValue(int i) {
        return switch (i) {
            case 0 -> status;
            case 1 -> headers;
            case 2 -> body;
            default -> throw new IndexOutOfBoundsException(i);
        };
    }

    @Override
    protected void shareFields() {
        Values.share(headers);
    }
}
