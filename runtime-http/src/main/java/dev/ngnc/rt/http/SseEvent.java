package dev.ngnc.rt.http;

import dev.ngnc.rt.value.NgnModel;

/**
 * The built-in {@code SseEvent} model (spec 11.7): {@code data} (newlines become several
 * {@code data:} lines), {@code event}, {@code id}, {@code comment} (sent when not empty) and
 * {@code retryMs} (sent when &gt; 0). Only {@code data} is required in a literal.
 */
public final class SseEvent extends NgnModel {
    private static final String[] NAMES = {"data", "event", "id", "retryMs", "comment"};

    public String data;
    public String event;
    public String id;
    public long retryMs;
    public String comment;

    /** All fields in declaration order. */
    public SseEvent(String data, String event, String id, long retryMs, String comment) {
        this.data = data;
        this.event = event;
        this.id = id;
        this.retryMs = retryMs;
        this.comment = comment;
    }

    @Override
    public String modelName() {
        return "SseEvent";
    }

    @Override
    public String[] fieldNames() {
        return NAMES;
    }

    @Override
    public Object fieldValue(int i) {
        return switch (i) {
            case 0 -> data;
            case 1 -> event;
            case 2 -> id;
            case 3 -> retryMs;
            case 4 -> comment;
            default -> throw new IndexOutOfBoundsException(i);
        };
    }

    @Override
    protected void shareFields() {
    }
}
