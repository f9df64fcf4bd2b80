package dev.ngnc.rt.tbx;

import dev.ngnc.rt.value.NgnEnum;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The {@code time} global (spec 11.3): {@code now()} (local wall clock), {@code utc()},
 * {@code unix()}, {@code unixMs()} and {@code parse(s, fmt)}.
 *
 * <p>{@link #parse} follows the reference, which parses with chrono's
 * {@code NaiveDateTime::parse_from_str} and reads the result as UTC: strftime specifiers with
 * chrono's parsing rules (numbers take 1..width digits and may be preceded by whitespace,
 * month/weekday names are case-insensitive, {@code %z} is read but ignored, whitespace in the
 * format must match exactly), then chrono's resolution (a full date <em>and</em> an hour and
 * minute are required; fields must agree). java.time does the calendar arithmetic. Errors are
 * chrono's texts after {@code Parse error: }.
 */
public final class TimeLib {
    private TimeLib() {
    }

    /** ngn {@code time.now()}: the current date and time in the system time zone. */
    public static DateTime now() {
        return DateTime.of(Instant.now(), ZoneId.systemDefault());
    }

    /** ngn {@code time.utc()}: the current date and time in UTC. */
    public static DateTime utc() {
        return DateTime.of(Instant.now(), ZoneOffset.UTC);
    }

    /** ngn {@code time.unix()}: Unix time in seconds. */
    public static long unix() {
        return Math.floorDiv(System.currentTimeMillis(), 1000L);
    }

    /** ngn {@code time.unixMs()}: Unix time in milliseconds. */
    public static long unixMs() {
        return System.currentTimeMillis();
    }

    /**
     * ngn {@code time.parse(s, fmt)}: {@code Ok(DateTime)} (the parsed wall-clock time read as
     * UTC) or {@code Error("Parse error: <chrono message>")}, e.g.
     * {@code Parse error: input is not enough for unique date and time} when the input has no
     * time of day. Never throws.
     */
    public static NgnEnum parse(String s, String fmt) {
        try {
            Parsed p = new Parsed();
            String rest = new Scanner(p).items(s, fmt, 0);
            if (!rest.isEmpty()) {
                throw new ChronoError(TOO_LONG);
            }
            return NgnEnum.ok(DateTime.ofUtc(p.toDateTime()));
        } catch (ChronoError e) {
            return NgnEnum.error("Parse error: " + e.getMessage());
        }
    }

    // chrono's ParseError texts
    static final String OUT_OF_RANGE = "input is out of range";
    static final String IMPOSSIBLE = "no possible date and time matching input";
    static final String NOT_ENOUGH = "input is not enough for unique date and time";
    static final String INVALID = "input contains invalid characters";
    static final String TOO_SHORT = "premature end of input";
    static final String TOO_LONG = "trailing input";
    static final String BAD_FORMAT = "bad or unsupported format string";

    /** chrono's supported year range (NaiveDate::MIN/MAX). */
    private static final long MIN_YEAR = -262144;
    private static final long MAX_YEAR = 262143;

    private static final class ChronoError extends Exception {
        private static final long serialVersionUID = 1L;

        ChronoError(String message) {
            super(message, null, false, false);
        }
    }

    private static final String[] MONTHS = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    private static final String[] LONG_MONTH_SUFFIXES = {
        "uary", "ruary", "ch", "il", "", "e", "y", "ust", "tember", "ober", "ember", "ember"};
    /** Monday first. */
    private static final String[] WEEKDAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    private static final String[] LONG_WEEKDAY_SUFFIXES = {"day", "sday", "nesday", "rsday", "day", "urday", "day"};

    /** Walks a strftime format over the input, filling {@link Parsed} (chrono's parse_internal). */
    private static final class Scanner {
        private final Parsed p;

        Scanner(Parsed p) {
            this.p = p;
        }

        /** Parses {@code s} against {@code fmt}; returns the unconsumed input. */
        String items(String s, String fmt, int nesting) throws ChronoError {
            int i = 0;
            int n = fmt.length();
            while (i < n) {
                char c = fmt.charAt(i);
                if (c == '%') {
                    int j = i + 1;
                    if (j < n && (fmt.charAt(j) == '-' || fmt.charAt(j) == '_' || fmt.charAt(j) == '0')) {
                        j++; // padding modifiers do not matter when parsing
                    }
                    if (j >= n) {
                        throw new ChronoError(BAD_FORMAT);
                    }
                    char spec = fmt.charAt(j);
                    int next = j + 1;
                    switch (spec) {
                        case '.' -> {
                            // %.f  %.3f %.6f %.9f
                            if (next < n && fmt.charAt(next) == 'f') {
                                s = fraction(s);
                                next++;
                            } else if (next + 1 < n && "369".indexOf(fmt.charAt(next)) >= 0 && fmt.charAt(next + 1) == 'f') {
                                s = fixedFraction(s, fmt.charAt(next) - '0', true);
                                next += 2;
                            } else {
                                throw new ChronoError(BAD_FORMAT);
                            }
                        }
                        case '3', '6', '9' -> {
                            if (next < n && fmt.charAt(next) == 'f') {
                                s = fixedFraction(s, spec - '0', false);
                                next++;
                            } else {
                                throw new ChronoError(BAD_FORMAT);
                            }
                        }
                        case ':' -> {
                            // %:z %::z %:::z
                            int k = next;
                            while (k < n && fmt.charAt(k) == ':') {
                                k++;
                            }
                            if (k < n && fmt.charAt(k) == 'z' && k - j <= 3) {
                                s = offset(s, false);
                                next = k + 1;
                            } else {
                                throw new ChronoError(BAD_FORMAT);
                            }
                        }
                        case '#' -> {
                            if (next < n && fmt.charAt(next) == 'z') {
                                s = offset(s, true);
                                next++;
                            } else {
                                throw new ChronoError(BAD_FORMAT);
                            }
                        }
                        default -> s = spec(s, spec, nesting);
                    }
                    i = next;
                } else if (Character.isWhitespace(c)) {
                    int j = i;
                    while (j < n && Character.isWhitespace(fmt.charAt(j))) {
                        j++;
                    }
                    s = space(s, fmt.substring(i, j));
                    i = j;
                } else {
                    int j = i;
                    while (j < n && fmt.charAt(j) != '%' && !Character.isWhitespace(fmt.charAt(j))) {
                        j++;
                    }
                    s = literal(s, fmt.substring(i, j));
                    i = j;
                }
            }
            return s;
        }

        private String spec(String s, char spec, int nesting) throws ChronoError {
            switch (spec) {
                case 'Y' -> s = signedNumber(s, 4, p::setYear);
                case 'C' -> s = number(s, 2, p::setYearDiv100);
                case 'y' -> s = number(s, 2, p::setYearMod100);
                case 'G' -> s = signedNumber(s, 4, p::setIsoYear);
                case 'g' -> s = number(s, 2, p::setIsoYearMod100);
                case 'm' -> s = number(s, 2, p::setMonth);
                case 'd', 'e' -> s = number(s, 2, p::setDay);
                case 'j' -> s = number(s, 3, p::setOrdinal);
                case 'H', 'k' -> s = number(s, 2, p::setHour);
                case 'I', 'l' -> s = number(s, 2, p::setHour12);
                case 'M' -> s = number(s, 2, p::setMinute);
                case 'S' -> s = number(s, 2, p::setSecond);
                case 'f' -> s = number(s, 9, p::setNanosecond);
                case 'U' -> s = number(s, 2, p::setWeekFromSun);
                case 'W' -> s = number(s, 2, p::setWeekFromMon);
                case 'V' -> s = number(s, 2, p::setIsoWeek);
                case 'u' -> s = number(s, 1, v -> {
                    if (v < 1 || v > 7) {
                        throw new ChronoError(OUT_OF_RANGE);
                    }
                    p.setWeekday(DayOfWeek.of((int) v));
                });
                case 'w' -> s = number(s, 1, v -> {
                    if (v < 0 || v > 6) {
                        throw new ChronoError(OUT_OF_RANGE);
                    }
                    p.setWeekday(DayOfWeek.of(v == 0 ? 7 : (int) v));
                });
                case 's' -> s = timestamp(s);
                case 'b', 'h' -> s = month(s, false);
                case 'B' -> s = month(s, true);
                case 'a' -> s = weekday(s, false);
                case 'A' -> s = weekday(s, true);
                case 'p', 'P' -> s = ampm(s);
                case 'Z' -> {
                    int k = 0;
                    while (k < s.length() && !Character.isWhitespace(s.charAt(k))) {
                        k++;
                    }
                    s = s.substring(k);
                }
                case 'z' -> s = offset(s, false);
                case 'n' -> s = space(s, "\n");
                case 't' -> s = space(s, "\t");
                case '%' -> s = literal(s, "%");
                case 'D', 'x' -> s = items(s, "%m/%d/%y", nesting + 1);
                case 'F' -> s = items(s, "%Y-%m-%d", nesting + 1);
                case 'T', 'X' -> s = items(s, "%H:%M:%S", nesting + 1);
                case 'R' -> s = items(s, "%H:%M", nesting + 1);
                case 'r' -> s = items(s, "%I:%M:%S %p", nesting + 1);
                case 'c' -> s = items(s, "%a %b %e %H:%M:%S %Y", nesting + 1);
                case 'v' -> s = items(s, "%e-%b-%Y", nesting + 1);
                case '+' -> s = rfc3339(s);
                default -> throw new ChronoError(BAD_FORMAT);
            }
            return s;
        }

        private interface Setter {
            void set(long v) throws ChronoError;
        }

        private static String literal(String s, String lit) throws ChronoError {
            if (s.length() < lit.length()) {
                throw new ChronoError(TOO_SHORT);
            }
            if (!s.startsWith(lit)) {
                throw new ChronoError(INVALID);
            }
            return s.substring(lit.length());
        }

        private static String space(String s, String expected) throws ChronoError {
            for (int k = 0; k < expected.length(); k++) {
                if (k >= s.length()) {
                    throw new ChronoError(TOO_SHORT);
                }
                if (s.charAt(k) != expected.charAt(k)) {
                    throw new ChronoError(INVALID);
                }
            }
            return s.substring(expected.length());
        }

        private static String trimStart(String s) {
            int k = 0;
            while (k < s.length() && Character.isWhitespace(s.charAt(k))) {
                k++;
            }
            return s.substring(k);
        }

        /** chrono's scan::number: {@code min}..{@code max} ASCII digits; returns the rest. */
        private static String digits(String s, int min, int max, long[] out) throws ChronoError {
            if (s.length() < min) {
                throw new ChronoError(TOO_SHORT);
            }
            long v = 0;
            int k = 0;
            while (k < s.length() && k < max) {
                char c = s.charAt(k);
                if (c < '0' || c > '9') {
                    if (k < min) {
                        throw new ChronoError(INVALID);
                    }
                    break;
                }
                if (v > (Long.MAX_VALUE - (c - '0')) / 10) {
                    throw new ChronoError(OUT_OF_RANGE);
                }
                v = v * 10 + (c - '0');
                k++;
            }
            out[0] = v;
            return s.substring(k);
        }

        private static String number(String s, int width, Setter set) throws ChronoError {
            long[] v = new long[1];
            String rest = digits(trimStart(s), 1, width, v);
            set.set(v[0]);
            return rest;
        }

        /** A year: up to {@code width} digits, or any number of digits after a sign. */
        private static String signedNumber(String s, int width, Setter set) throws ChronoError {
            s = trimStart(s);
            long[] v = new long[1];
            String rest;
            if (s.startsWith("-")) {
                rest = digits(s.substring(1), 1, Integer.MAX_VALUE, v);
                v[0] = -v[0];
            } else if (s.startsWith("+")) {
                rest = digits(s.substring(1), 1, Integer.MAX_VALUE, v);
            } else {
                rest = digits(s, 1, width, v);
            }
            set.set(v[0]);
            return rest;
        }

        private String timestamp(String s) throws ChronoError {
            s = trimStart(s);
            long[] v = new long[1];
            String rest;
            if (s.startsWith("-")) {
                rest = digits(s.substring(1), 1, Integer.MAX_VALUE, v);
                v[0] = -v[0];
            } else {
                rest = digits(s, 1, Integer.MAX_VALUE, v);
            }
            p.setTimestamp(v[0]);
            return rest;
        }

        /** {@code %.f}: optionally a dot and 1..9 digits (more are read and dropped). */
        private String fraction(String s) throws ChronoError {
            if (!s.startsWith(".")) {
                return s;
            }
            return nanos(s.substring(1), 9, false);
        }

        /** {@code %.3f} / {@code %3f}…: exactly {@code count} digits (after a dot if {@code dot}). */
        private String fixedFraction(String s, int count, boolean dot) throws ChronoError {
            if (dot) {
                if (s.length() < count + 1) {
                    throw new ChronoError(TOO_SHORT);
                }
                if (s.charAt(0) != '.') {
                    throw new ChronoError(INVALID);
                }
                s = s.substring(1);
            }
            return nanos(s, count, true);
        }

        private String nanos(String s, int count, boolean exact) throws ChronoError {
            long[] v = new long[1];
            String rest = digits(s, exact ? count : 1, count, v);
            int read = s.length() - rest.length();
            long nano = v[0];
            for (int k = read; k < 9; k++) {
                nano *= 10;
            }
            if (!exact) {
                int k = 0;
                while (k < rest.length() && rest.charAt(k) >= '0' && rest.charAt(k) <= '9') {
                    k++;
                }
                rest = rest.substring(k);
            }
            p.setNanosecond(nano);
            return rest;
        }

        /** {@code %z}: {@code ±hh:mm} / {@code ±hhmm} (read, then ignored like chrono's naive parse). */
        private String offset(String s, boolean permissive) throws ChronoError {
            s = trimStart(s);
            if (s.isEmpty()) {
                throw new ChronoError(TOO_SHORT);
            }
            char sign = s.charAt(0);
            if (permissive && (sign == 'Z' || sign == 'z')) {
                p.setOffset(0);
                return s.substring(1);
            }
            if (sign != '+' && sign != '-') {
                throw new ChronoError(INVALID);
            }
            s = s.substring(1);
            int hours = twoDigits(s);
            s = s.substring(2);
            if (!s.isEmpty() && (s.charAt(0) == ':' || Character.isWhitespace(s.charAt(0)))) {
                s = s.substring(1);
            }
            int minutes = 0;
            if (!(permissive && (s.isEmpty() || s.charAt(0) < '0' || s.charAt(0) > '9'))) {
                minutes = twoDigits(s);
                if (minutes > 59) {
                    throw new ChronoError(OUT_OF_RANGE);
                }
                s = s.substring(2);
            }
            int seconds = hours * 3600 + minutes * 60;
            p.setOffset(sign == '-' ? -seconds : seconds);
            return s;
        }

        private static int twoDigits(String s) throws ChronoError {
            if (s.length() < 2) {
                throw new ChronoError(TOO_SHORT);
            }
            char a = s.charAt(0);
            char b = s.charAt(1);
            if (a < '0' || a > '9' || b < '0' || b > '9') {
                throw new ChronoError(INVALID);
            }
            return (a - '0') * 10 + (b - '0');
        }

        private String rfc3339(String s) throws ChronoError {
            s = items(s, "%Y-%m-%d", 1);
            if (s.isEmpty()) {
                throw new ChronoError(TOO_SHORT);
            }
            char t = s.charAt(0);
            if (t != 'T' && t != 't' && t != ' ') {
                throw new ChronoError(INVALID);
            }
            s = items(s.substring(1), "%H:%M:%S%.f", 1);
            return offset(s, true);
        }

        private static boolean startsWithIgnoreCase(String s, String prefix) {
            return s.regionMatches(true, 0, prefix, 0, prefix.length());
        }

        private static int name3(String s, String[] names) throws ChronoError {
            if (s.length() < 3) {
                throw new ChronoError(TOO_SHORT);
            }
            for (int k = 0; k < names.length; k++) {
                if (startsWithIgnoreCase(s, names[k])) {
                    return k;
                }
            }
            throw new ChronoError(INVALID);
        }

        private String month(String s, boolean orLong) throws ChronoError {
            int m = name3(s, MONTHS);
            s = s.substring(3);
            if (orLong && startsWithIgnoreCase(s, LONG_MONTH_SUFFIXES[m])) {
                s = s.substring(LONG_MONTH_SUFFIXES[m].length());
            }
            p.setMonth(m + 1);
            return s;
        }

        private String weekday(String s, boolean orLong) throws ChronoError {
            int d = name3(s, WEEKDAYS);
            s = s.substring(3);
            if (orLong && startsWithIgnoreCase(s, LONG_WEEKDAY_SUFFIXES[d])) {
                s = s.substring(LONG_WEEKDAY_SUFFIXES[d].length());
            }
            p.setWeekday(DayOfWeek.of(d + 1));
            return s;
        }

        private String ampm(String s) throws ChronoError {
            if (s.length() < 2) {
                throw new ChronoError(TOO_SHORT);
            }
            String two = s.substring(0, 2).toLowerCase(Locale.ROOT);
            if (two.equals("am")) {
                p.setAmPm(false);
            } else if (two.equals("pm")) {
                p.setAmPm(true);
            } else {
                throw new ChronoError(INVALID);
            }
            return s.substring(2);
        }
    }

    /** chrono's {@code Parsed}: the fields read so far (null = not given) and their resolution. */
    private static final class Parsed {
        Long year;
        Long yearDiv100;
        Long yearMod100;
        Long isoYear;
        Long isoYearMod100;
        Long month;
        Long weekFromSun;
        Long weekFromMon;
        Long isoWeek;
        DayOfWeek weekday;
        Long ordinal;
        Long day;
        Long hourDiv12;
        Long hourMod12;
        Long minute;
        Long second;
        Long nanosecond;
        Long timestamp;
        Long offset;

        private static Long consistent(Long old, long v) throws ChronoError {
            if (old != null && old != v) {
                throw new ChronoError(IMPOSSIBLE);
            }
            return v;
        }

        private static void range(long v, long lo, long hi) throws ChronoError {
            if (v < lo || v > hi) {
                throw new ChronoError(OUT_OF_RANGE);
            }
        }

        void setYear(long v) throws ChronoError {
            range(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
            year = consistent(year, v);
        }

        void setYearDiv100(long v) throws ChronoError {
            range(v, 0, Integer.MAX_VALUE);
            yearDiv100 = consistent(yearDiv100, v);
        }

        void setYearMod100(long v) throws ChronoError {
            range(v, 0, 99);
            yearMod100 = consistent(yearMod100, v);
        }

        void setIsoYear(long v) throws ChronoError {
            range(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
            isoYear = consistent(isoYear, v);
        }

        void setIsoYearMod100(long v) throws ChronoError {
            range(v, 0, 99);
            isoYearMod100 = consistent(isoYearMod100, v);
        }

        void setMonth(long v) throws ChronoError {
            range(v, 1, 12);
            month = consistent(month, v);
        }

        void setWeekFromSun(long v) throws ChronoError {
            range(v, 0, 53);
            weekFromSun = consistent(weekFromSun, v);
        }

        void setWeekFromMon(long v) throws ChronoError {
            range(v, 0, 53);
            weekFromMon = consistent(weekFromMon, v);
        }

        void setIsoWeek(long v) throws ChronoError {
            range(v, 1, 53);
            isoWeek = consistent(isoWeek, v);
        }

        void setWeekday(DayOfWeek d) throws ChronoError {
            if (weekday != null && weekday != d) {
                throw new ChronoError(IMPOSSIBLE);
            }
            weekday = d;
        }

        void setOrdinal(long v) throws ChronoError {
            range(v, 1, 366);
            ordinal = consistent(ordinal, v);
        }

        void setDay(long v) throws ChronoError {
            range(v, 1, 31);
            day = consistent(day, v);
        }

        void setAmPm(boolean pm) throws ChronoError {
            hourDiv12 = consistent(hourDiv12, pm ? 1 : 0);
        }

        void setHour12(long v) throws ChronoError {
            range(v, 1, 12);
            hourMod12 = consistent(hourMod12, v == 12 ? 0 : v);
        }

        void setHour(long v) throws ChronoError {
            range(v, 0, 23);
            hourDiv12 = consistent(hourDiv12, v / 12);
            hourMod12 = consistent(hourMod12, v % 12);
        }

        void setMinute(long v) throws ChronoError {
            range(v, 0, 59);
            minute = consistent(minute, v);
        }

        void setSecond(long v) throws ChronoError {
            range(v, 0, 60);
            second = consistent(second, v);
        }

        void setNanosecond(long v) throws ChronoError {
            range(v, 0, 999_999_999);
            nanosecond = consistent(nanosecond, v);
        }

        void setTimestamp(long v) throws ChronoError {
            timestamp = consistent(timestamp, v);
        }

        void setOffset(long v) throws ChronoError {
            range(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
            offset = consistent(offset, v);
        }

        /** chrono's resolve_year: a full year from year / (year div 100, year mod 100). */
        private static Long resolveYear(Long y, Long q, Long r) throws ChronoError {
            if (q == null && r == null) {
                return y;
            }
            if (y != null) {
                if (y < 0) {
                    throw new ChronoError(IMPOSSIBLE);
                }
                if ((q == null || q == y / 100) && (r == null || r == y % 100)) {
                    return y;
                }
                throw new ChronoError(IMPOSSIBLE);
            }
            if (q != null && r != null) {
                return q * 100 + r;
            }
            if (r != null) {
                return r + (r < 70 ? 2000 : 1900);
            }
            throw new ChronoError(NOT_ENOUGH);
        }

        private static LocalDate ymd(long y, long m, long d) throws ChronoError {
            checkYear(y);
            if (d > LocalDate.of((int) y, (int) m, 1).lengthOfMonth()) {
                throw new ChronoError(OUT_OF_RANGE);
            }
            return LocalDate.of((int) y, (int) m, (int) d);
        }

        private static void checkYear(long y) throws ChronoError {
            if (y < MIN_YEAR || y > MAX_YEAR) {
                throw new ChronoError(OUT_OF_RANGE);
            }
        }

        private static LocalDate yo(long y, long o) throws ChronoError {
            checkYear(y);
            if (o > LocalDate.of((int) y, 1, 1).lengthOfYear()) {
                throw new ChronoError(OUT_OF_RANGE);
            }
            return LocalDate.ofYearDay((int) y, (int) o);
        }

        /** chrono's {@code weeks_from}: week number with weeks starting on {@code first}. */
        private static long weeksFrom(LocalDate d, DayOfWeek first) {
            int daysSince = Math.floorMod(d.getDayOfWeek().getValue() - first.getValue(), 7);
            return (d.getDayOfYear() - daysSince + 6) / 7;
        }

        private boolean verifyYmd(LocalDate d) {
            long y = d.getYear();
            Long q = y >= 0 ? y / 100 : null;
            Long r = y >= 0 ? y % 100 : null;
            return (year == null || year == y)
                    && (yearDiv100 == null || yearDiv100.equals(q))
                    && (yearMod100 == null || yearMod100.equals(r))
                    && (month == null || month == d.getMonthValue())
                    && (day == null || day == d.getDayOfMonth());
        }

        private boolean verifyIsoWeekDate(LocalDate d) {
            long iy = d.get(IsoFields.WEEK_BASED_YEAR);
            Long r = iy >= 0 ? iy % 100 : null;
            return (isoYear == null || isoYear == iy)
                    && (isoYearMod100 == null || isoYearMod100.equals(r))
                    && (isoWeek == null || isoWeek == d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
                    && (weekday == null || weekday == d.getDayOfWeek());
        }

        private boolean verifyOrdinal(LocalDate d) {
            return (ordinal == null || ordinal == d.getDayOfYear())
                    && (weekFromSun == null || weekFromSun == weeksFrom(d, DayOfWeek.SUNDAY))
                    && (weekFromMon == null || weekFromMon == weeksFrom(d, DayOfWeek.MONDAY));
        }

        /** Day {@code week}/{@code weekday} of a year whose weeks start on {@code first}. */
        private static LocalDate fromWeek(long y, long week, DayOfWeek weekday, DayOfWeek first) throws ChronoError {
            checkYear(y);
            LocalDate newYear = LocalDate.of((int) y, 1, 1);
            int firstWeek = Math.floorMod(first.getValue() - newYear.getDayOfWeek().getValue(), 7);
            long ndays = firstWeek + (week - 1) * 7 + Math.floorMod(weekday.getValue() - first.getValue(), 7);
            LocalDate d = newYear.plusDays(ndays);
            if (d.getYear() != y) {
                throw new ChronoError(OUT_OF_RANGE);
            }
            return d;
        }

        private static LocalDate fromIsoWeek(long iy, long week, DayOfWeek weekday) throws ChronoError {
            checkYear(iy);
            LocalDate jan4 = LocalDate.of((int) iy, 1, 4);
            if (week > jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                throw new ChronoError(OUT_OF_RANGE);
            }
            LocalDate monday = jan4.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            LocalDate d = monday.plusDays((week - 1) * 7 + weekday.getValue() - 1);
            checkYear(d.getYear());
            return d;
        }

        LocalDate toDate() throws ChronoError {
            Long y = resolveYear(year, yearDiv100, yearMod100);
            Long iy = resolveYear(isoYear, null, isoYearMod100);
            LocalDate d;
            boolean ok;
            if (y != null && month != null && day != null) {
                d = ymd(y, month, day);
                ok = verifyIsoWeekDate(d) && verifyOrdinal(d);
            } else if (y != null && ordinal != null) {
                d = yo(y, ordinal);
                ok = verifyYmd(d) && verifyIsoWeekDate(d) && verifyOrdinal(d);
            } else if (y != null && weekFromSun != null && weekday != null) {
                d = fromWeek(y, weekFromSun, weekday, DayOfWeek.SUNDAY);
                ok = verifyYmd(d) && verifyIsoWeekDate(d) && verifyOrdinal(d);
            } else if (y != null && weekFromMon != null && weekday != null) {
                d = fromWeek(y, weekFromMon, weekday, DayOfWeek.MONDAY);
                ok = verifyYmd(d) && verifyIsoWeekDate(d) && verifyOrdinal(d);
            } else if (iy != null && isoWeek != null && weekday != null) {
                d = fromIsoWeek(iy, isoWeek, weekday);
                ok = verifyYmd(d) && verifyIsoWeekDate(d) && verifyOrdinal(d);
            } else {
                throw new ChronoError(NOT_ENOUGH);
            }
            if (!ok) {
                throw new ChronoError(IMPOSSIBLE);
            }
            return d;
        }

        /** The time of day; a leap second (60) reads as 59 (chrono keeps it as 59 + 1 s of nanos). */
        LocalTime toTime() throws ChronoError {
            if (hourDiv12 == null || hourMod12 == null || minute == null) {
                throw new ChronoError(NOT_ENOUGH);
            }
            long s = second == null ? 0 : second;
            if (nanosecond != null && second == null) {
                throw new ChronoError(NOT_ENOUGH);
            }
            long nano = nanosecond == null ? 0 : nanosecond;
            return LocalTime.of((int) (hourDiv12 * 12 + hourMod12), minute.intValue(), (int) Math.min(s, 59), (int) nano);
        }

        LocalDateTime toDateTime() throws ChronoError {
            ChronoError dateError = null;
            ChronoError timeError = null;
            LocalDate date = null;
            LocalTime time = null;
            try {
                date = toDate();
            } catch (ChronoError e) {
                dateError = e;
            }
            try {
                time = toTime();
            } catch (ChronoError e) {
                timeError = e;
            }
            if (date != null && time != null) {
                LocalDateTime dt = date.atTime(time);
                if (timestamp != null) {
                    long ts = dt.toEpochSecond(ZoneOffset.UTC);
                    boolean leap = second != null && second == 60;
                    if (timestamp != ts && !(leap && timestamp == ts + 1)) {
                        throw new ChronoError(IMPOSSIBLE);
                    }
                }
                return dt;
            }
            if (timestamp == null) {
                throw dateError != null ? dateError : timeError;
            }
            for (ChronoError e : new ChronoError[] {dateError, timeError}) {
                if (e != null && e.getMessage().equals(OUT_OF_RANGE)) {
                    throw e;
                }
            }
            for (ChronoError e : new ChronoError[] {dateError, timeError}) {
                if (e != null && e.getMessage().equals(IMPOSSIBLE)) {
                    throw e;
                }
            }
            // rebuild the date and time from the timestamp, checking the fields given
            LocalDateTime fromTs;
            try {
                fromTs = LocalDateTime.ofEpochSecond(timestamp, 0, ZoneOffset.UTC);
            } catch (java.time.DateTimeException e) {
                throw new ChronoError(OUT_OF_RANGE);
            }
            checkYear(fromTs.getYear());
            if (second != null && second == 60) {
                if (fromTs.getSecond() == 0) {
                    fromTs = fromTs.minus(1, ChronoUnit.SECONDS);
                } else if (fromTs.getSecond() != 59) {
                    throw new ChronoError(IMPOSSIBLE);
                }
            } else {
                setSecond(fromTs.getSecond());
            }
            setYear(fromTs.getYear());
            setOrdinal(fromTs.getDayOfYear());
            setHour(fromTs.getHour());
            setMinute(fromTs.getMinute());
            return toDate().atTime(toTime());
        }
    }
}
