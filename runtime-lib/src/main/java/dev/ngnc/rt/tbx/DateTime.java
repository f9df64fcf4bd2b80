package dev.ngnc.rt.tbx;

import dev.ngnc.rt.value.NgnModel;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The {@code DateTime} value of {@code time.now()}, {@code time.utc()} and {@code time.parse()}
 * (spec 11.3): a model with the i64 fields {@code year month day hour minute second weekday
 * timestamp timestampMs}, printed as {@code DateTime {year: 2026, month: 1, …}}.
 * {@code weekday} counts from Monday = 0 (the documented numbering, which the conformance corpus
 * follows). {@code timestamp}/{@code timestampMs} are Unix seconds/milliseconds.
 */
public final class DateTime extends NgnModel {
    private static final String[] NAMES = {
        "year", "month", "day", "hour", "minute", "second", "weekday", "timestamp", "timestampMs"};

    public long year;
    public long month;
    public long day;
    public long hour;
    public long minute;
    public long second;
    public long weekday;
    public long timestamp;
    public long timestampMs;

    /** A DateTime with the given field values (declaration order). */
    public DateTime(long year, long month, long day, long hour, long minute, long second, long weekday,
            long timestamp, long timestampMs) {
        this.year = year;
        this.month = month;
        this.day = day;
        this.hour = hour;
        this.minute = minute;
        this.second = second;
        this.weekday = weekday;
        this.timestamp = timestamp;
        this.timestampMs = timestampMs;
    }

    /** The wall-clock fields of {@code t} in {@code zone}, with {@code t}'s Unix time. */
    static DateTime of(Instant t, ZoneId zone) {
        ZonedDateTime z = t.atZone(zone);
        return new DateTime(z.getYear(), z.getMonthValue(), z.getDayOfMonth(), z.getHour(), z.getMinute(),
                z.getSecond(), z.getDayOfWeek().getValue() - 1, t.getEpochSecond(), t.toEpochMilli());
    }

    /** {@code t} read as UTC. */
    static DateTime ofUtc(LocalDateTime t) {
        return of(t.toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    @Override
    public String modelName() {
        return "DateTime";
    }

    @Override
    public String[] fieldNames() {
        return NAMES;
    }

    @Override
    public Object fieldValue(int i) {
        return switch (i) {
            case 0 -> year;
            case 1 -> month;
            case 2 -> day;
            case 3 -> hour;
            case 4 -> minute;
            case 5 -> second;
            case 6 -> weekday;
            case 7 -> timestamp;
            case 8 -> timestampMs;
            default -> throw new IndexOutOfBoundsException(i);
        };
    }

    /** All fields are longs: nothing to share. */
    @Override
    protected void shareFields() {
    }
}
