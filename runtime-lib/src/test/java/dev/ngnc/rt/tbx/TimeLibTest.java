package dev.ngnc.rt.tbx;

import dev.ngnc.rt.value.Fmt;
import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.value.Values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeLibTest {
    private static DateTime ok(String s, String fmt) {
        NgnEnum r = TimeLib.parse(s, fmt);
        assertTrue(r.isOk(), () -> s + " / " + fmt + " ⇒ " + Fmt.str(r));
        return (DateTime) r.payload();
    }

    private static String error(String s, String fmt) {
        NgnEnum r = TimeLib.parse(s, fmt);
        assertTrue(r.isError(), () -> s + " / " + fmt + " ⇒ " + Fmt.str(r));
        return (String) r.payload();
    }

    // ---- conformance corpus: toolbox/time_*

    @Test
    void parsedDateTimeHasItsFieldsAndUnixTimestampsAsUtc() {
        DateTime dt = ok("2026-01-21 15:30:45", "%Y-%m-%d %H:%M:%S");
        assertEquals("DateTime {year: 2026, month: 1, day: 21, hour: 15, minute: 30, second: 45, weekday: 2, "
                + "timestamp: 1769009445, timestampMs: 1769009445000}", Fmt.str(dt));
        assertEquals(2026L, dt.field("year"));
        assertEquals(1769009445000L, dt.field("timestampMs"));
    }

    @Test
    void inputThatIsNotADateIsAnError() {
        assertEquals("Parse error: input contains invalid characters", error("not a date", "%Y-%m-%d"));
    }

    @Test
    void weekdayCountsFromMondayAsZero() {
        assertEquals(2, ok("2026-01-21 00:00:00", "%Y-%m-%d %H:%M:%S").weekday); // a Wednesday
        assertEquals(0, ok("2026-01-19 00:00", "%Y-%m-%d %H:%M").weekday);
        assertEquals(6, ok("2026-01-25 00:00", "%Y-%m-%d %H:%M").weekday);
    }

    @Test
    void nowAndUtcAreSaneAndAgreeWithUnixTime() {
        long before = TimeLib.unixMs();
        DateTime now = TimeLib.now();
        DateTime utc = TimeLib.utc();
        long s = TimeLib.unix();
        long ms = TimeLib.unixMs();
        assertTrue(now.year >= 2024 && now.month >= 1 && now.month <= 12);
        assertTrue(utc.hour >= 0 && utc.hour <= 23 && utc.weekday >= 0 && utc.weekday <= 6);
        assertTrue(s > 1_700_000_000L && ms >= s * 1000);
        assertTrue(now.timestampMs >= before && utc.timestampMs <= ms);
        assertEquals(utc.timestamp, utc.timestampMs / 1000);
    }

    @Test
    void dateTimeOfAnInstantUsesTheZoneForFieldsButKeepsUnixTime() {
        Instant t = Instant.parse("2026-01-21T23:30:00.250Z");
        DateTime utc = DateTime.of(t, ZoneOffset.UTC);
        DateTime tokyo = DateTime.of(t, ZoneId.of("Asia/Tokyo"));
        assertEquals("DateTime {year: 2026, month: 1, day: 21, hour: 23, minute: 30, second: 0, weekday: 2, "
                + "timestamp: 1769038200, timestampMs: 1769038200250}", Fmt.str(utc));
        assertEquals("DateTime {year: 2026, month: 1, day: 22, hour: 8, minute: 30, second: 0, weekday: 3, "
                + "timestamp: 1769038200, timestampMs: 1769038200250}", Fmt.str(tokyo));
    }

    @Test
    void dateTimesAreModelsComparedByValue() {
        assertTrue(Values.equals(ok("2026-01-21 10:00", "%Y-%m-%d %H:%M"), ok("21.01.2026 10:00:00", "%d.%m.%Y %H:%M:%S")));
        assertEquals("DateTime", Values.kindName(ok("2026-01-21 10:00", "%F %R")).replaceAll("Model\\(\"(.*)\"\\)", "$1"));
    }

    // ---- chrono's strftime parsing

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
        "2026-01-21 15:30:45            | %F %T                     | 2026-01-21 15:30:45",
        "01/21/26 15:30                 | %D %R                     | 2026-01-21 15:30:00",
        "01/21/70 15:30                 | %m/%d/%y %H:%M            | 1970-01-21 15:30:00",
        "Wed, 21 Jan 2026 03:04:05 PM   | %a, %d %b %Y %I:%M:%S %p  | 2026-01-21 15:04:05",
        "wednesday 21 JANUARY 2026 12:00am | %A %d %B %Y %I:%M%p    | 2026-01-21 00:00:00",
        "Wed 21 Jan 2026 12:30 PM       | %a %d %b %Y %l:%M %P      | 2026-01-21 12:30:00",
        "Wed Jan 21 15:30:45 2026       | %c                        | 2026-01-21 15:30:45",
        "2026-1-2 3:4:5                 | %Y-%m-%d %H:%M:%S         | 2026-01-02 03:04:05",
        "  2026-01-21  9:05             | %Y-%m-%d %H:%M            | 2026-01-21 09:05:00",
        "2026-021 12:00                 | %Y-%j %H:%M               | 2026-01-21 12:00:00",
        "2026-W04-3 10:00               | %G-W%V-%u %H:%M           | 2026-01-21 10:00:00",
        "2026 03 3 10:00                | %Y %U %w %H:%M            | 2026-01-21 10:00:00",
        "2026 03 3 10:00                | %Y %W %u %H:%M            | 2026-01-21 10:00:00",
        "1769009445                     | %s                        | 2026-01-21 15:30:45",
        "2026-01-21T15:30:45+02:00      | %Y-%m-%dT%H:%M:%S%z       | 2026-01-21 15:30:45",
        "2026-01-21T15:30:45.123Z       | %+                        | 2026-01-21 15:30:45",
        "2026-01-21 15:30:45 UTC        | %Y-%m-%d %H:%M:%S %Z      | 2026-01-21 15:30:45",
        "100% 2026-01-21 15:30          | 100%% %F %R               | 2026-01-21 15:30:00",
        "20 26-01-21 10:00              | %C %y-%m-%d %H:%M         | 2026-01-21 10:00:00",
        "1999-12-31 23:59:60            | %F %T                     | 1999-12-31 23:59:59",
    })
    void strftimeFormatsParse(String input, String fmt, String expected) {
        DateTime dt = ok(input, fmt);
        assertEquals(expected, String.format("%04d-%02d-%02d %02d:%02d:%02d", dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second));
    }

    @Test
    void fractionalSecondsReachTimestampMs() {
        assertEquals(1769009445123L, ok("2026-01-21 15:30:45.123", "%F %T%.f").timestampMs);
        assertEquals(1769009445120L, ok("2026-01-21 15:30:45.12", "%F %T%.f").timestampMs);
        assertEquals(1769009445000L, ok("2026-01-21 15:30:45", "%F %T%.f").timestampMs);
        assertEquals(1769009445007L, ok("2026-01-21 15:30:45.007", "%F %T%.3f").timestampMs);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
        "2026-01-21              | %Y-%m-%d              | input is not enough for unique date and time",
        "15:30:45                | %H:%M:%S              | input is not enough for unique date and time",
        "2026-01-21 03:00        | %Y-%m-%d %I:%M        | input is not enough for unique date and time",
        "2026-01-21 10           | %Y-%m-%d %H           | input is not enough for unique date and time",
        "2026-01-21 12am         | %Y-%m-%d %I%p         | input is not enough for unique date and time",
        "2026-01 10:00           | %Y-%m %H:%M           | input is not enough for unique date and time",
        "2026-13-01 00:00        | %Y-%m-%d %H:%M        | input is out of range",
        "2026-02-29 00:00        | %Y-%m-%d %H:%M        | input is out of range",
        "2026-01-21 24:00        | %Y-%m-%d %H:%M        | input is out of range",
        "2026-01-21 10:00 extra  | %Y-%m-%d %H:%M        | trailing input",
        "2026-01-21 10           | %Y-%m-%d %H:%M        | premature end of input",
        "2026-01-21              | %Y-%m-%d %H:%M        | premature end of input",
        "2026/01/21 10:00        | %Y-%m-%d %H:%M        | input contains invalid characters",
        "Thu 2026-01-21 10:00    | %a %Y-%m-%d %H:%M     | no possible date and time matching input",
        "2026-01-21 10:00 5      | %Y-%m-%d %H:%M %d     | no possible date and time matching input",
        "Foo 2026                | %b %Y                 | input contains invalid characters",
        "x                       | %Q                    | bad or unsupported format string",
        "x                       | %                     | bad or unsupported format string",
    })
    void failuresUseChronosWords(String input, String fmt, String message) {
        assertEquals("Parse error: " + message, error(input, fmt));
    }

    @Test
    void formatErrorsAreOnlyFoundWhenReached() {
        assertEquals("Parse error: input contains invalid characters", error("x", "%Y %Q"));
    }

    @Test
    void leapYearsAndMonthLengthsAreChecked() {
        assertEquals(29, ok("2024-02-29 00:00", "%F %R").day);
        assertEquals("Parse error: input is out of range", error("2023-02-29 00:00", "%F %R"));
        assertEquals("Parse error: input is out of range", error("2026-04-31 00:00", "%F %R"));
    }

    @Test
    void timestampMustAgreeWithOtherFields() {
        assertEquals(1769009445L, ok("1769009445 2026", "%s %Y").timestamp);
        assertEquals("Parse error: no possible date and time matching input", error("1769009445 2025", "%s %Y"));
    }

    @Test
    void negativeAndFarYearsFollowChronosRange() {
        assertEquals(-44, ok("-44-03-15 12:00", "%Y-%m-%d %H:%M").year);
        assertEquals(262143, ok("+262143-12-31 00:00", "%Y-%m-%d %H:%M").year);
        assertEquals("Parse error: input is out of range", error("+262144-01-01 00:00", "%Y-%m-%d %H:%M"));
        // without a sign %Y takes at most four digits, the other numbers at most two
        DateTime dt = ok("2026121 00:00", "%Y%m%d %H:%M");
        assertEquals("2026-12-1", dt.year + "-" + dt.month + "-" + dt.day);
    }
}
