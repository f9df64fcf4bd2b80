package dev.ngnc.rt.http;

import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.value.NgnModel;
import dev.ngnc.rt.value.Values;

/**
 * The built-in {@code SseResponse} model (spec 11.7): a Server-Sent Events stream. {@code status}
 * (default 200), {@code headers} (map or object), {@code body} (a {@code channel<SseMessage>}: strings,
 * {@link SseEvent}s or objects shaped like one) and {@code keepAliveMs} (default 0: off; when
 * &gt; 0, a {@code : keepalive} comment is sent whenever the stream was idle that long).
 */
public final class SseResponse extends NgnModel {
    private static final String[] NAMES = {"status", "headers", "body", "keepAliveMs"};

    public long status;
    public Object headers;
    public NgnChannel body;
    public long keepAliveMs;

    /** All fields in declaration order. */
    public SseResponse(long status, Object headers, NgnChannel body, long keepAliveMs) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.keepAliveMs = keepAliveMs;
    }

    @Override
    public String modelName() {
        return "SseResponse";
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
            case 3 -> keepAliveMs;
            default -> throw new IndexOutOfBoundsException(i);
        };
    }

    @Override
    protected void shareFields() {
        Values.share(headers);
    }
}
