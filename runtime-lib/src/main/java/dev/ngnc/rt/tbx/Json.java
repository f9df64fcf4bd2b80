package dev.ngnc.rt.tbx;

import dev.ngnc.rt.value.NgnArray;
import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.value.NgnMap;
import dev.ngnc.rt.value.NgnModel;
import dev.ngnc.rt.value.NgnObject;
import dev.ngnc.rt.value.NgnSet;
import dev.ngnc.rt.value.NgnTuple;
import dev.ngnc.rt.value.U8;
import dev.ngnc.rt.value.Unit;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import com.fasterxml.jackson.core.util.BufferRecycler;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The {@code json} global (spec 11.1): {@link #parse} and {@link #stringify}.
 *
 * <p>Parsing is done by jackson-core's streaming parser (shaded into this library under
 * {@code dev.ngnc.rt.shaded.jackson}). The reference is built on serde_json, whose error texts
 * and positions ngn programs see ({@code expected value at line 1 column 1}); when Jackson
 * rejects a document, {@link Diagnosis} works out what serde_json would have reported by
 * looking at the input from the end of the last token Jackson accepted. A few documents Jackson
 * accepts are rejected like serde_json does: nesting deeper than 127, numbers beyond the f64
 * range and lone UTF-16 surrogates in {@code \\u} escapes.
 */
public final class Json {
    /** serde_json's recursion limit: the 128th nested array/object is an error. */
    static final int MAX_DEPTH = 128;

    /** No limits beyond serde_json's (the depth limit is checked here, not by Jackson). */
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(Integer.MAX_VALUE)
            .maxNumberLength(Integer.MAX_VALUE)
            .maxStringLength(Integer.MAX_VALUE)
            .maxNameLength(Integer.MAX_VALUE)
            .build();

    /** Shared (thread-safe) table of object keys seen, as Jackson's JsonFactory keeps one. */
    private static final ByteQuadsCanonicalizer KEY_SYMBOLS = ByteQuadsCanonicalizer.createRoot();

    private Json() {
    }

    // ------------------------------------------------------------------ parse

    /**
     * ngn {@code json.parse(s)}: {@code Ok(value)} or {@code Error({message, line, column})}
     * (serde_json's message; line and column 1-based, the column counted in UTF-8 bytes). JSON
     * null ⇒ {@code void}, integers ⇒ i64 (f64 beyond the i64 range, and for {@code -0}),
     * other numbers ⇒ f64, objects ⇒ anonymous objects (insertion order; a repeated key keeps
     * its last value), arrays ⇒ arrays. A non-string argument ⇒
     * {@code Error({message: "json.parse expects a string argument", line: 0, column: 0})}.
     * Never throws.
     */
    public static NgnEnum parse(Object s) {
        if (!(s instanceof String text)) {
            return NgnEnum.error(errorObject("json.parse expects a string argument", 0, 0));
        }
        return new Reader(text.getBytes(StandardCharsets.UTF_8)).read();
    }

    /**
     * The parser's char buffers, reused (the parser hands them back when closed). One for all threads: the
     * recycler's slots are atomic, so parses running at the same time just allocate their own buffers. A fresh
     * recycler per parse allocated its buffers every time; a thread-local one cost a lookup per parse.
     */
    private static final BufferRecycler RECYCLER = new BufferRecycler();
    private static final int PARSER_FEATURES = JsonParser.Feature.collectDefaults();

    /**
     * Jackson's UTF-8 parser over {@code in}, built directly rather than through
     * {@code JsonFactory} so that the shaded copy of jackson-core needs only the parser's
     * classes (no generators, async parsers or data binding hooks): a much smaller jar.
     * Default (strict JSON) features; duplicate keys are not an error.
     */
    private static UTF8StreamJsonParser newParser(byte[] in) {
        IOContext ctxt = new IOContext(LIMITS, StreamWriteConstraints.defaults(),
                ErrorReportConfiguration.defaults(), RECYCLER, ContentReference.redacted(), false);
        ctxt.setEncoding(JsonEncoding.UTF8);
        return new UTF8StreamJsonParser(ctxt, PARSER_FEATURES, null, null,
                KEY_SYMBOLS.makeChild(0), in, 0, in.length, false);
    }

    private static NgnObject errorObject(String message, long line, long column) {
        return NgnObject.of(new String[] {"message", "line", "column"},
                new Object[] {message, line, column});
    }

    /** A parse failure as serde_json words it: {@code code} at byte offset {@code index}. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final String code;
        final int index;

        Failure(String code, int index) {
            super(code, null, false, false);
            this.code = code;
            this.index = index;
        }
    }

    /** serde_json's error texts (ErrorCode's Display). */
    static final String EOF_LIST = "EOF while parsing a list";
    static final String EOF_OBJECT = "EOF while parsing an object";
    static final String EOF_STRING = "EOF while parsing a string";
    static final String EOF_VALUE = "EOF while parsing a value";
    static final String EXPECTED_COLON = "expected `:`";
    static final String EXPECTED_LIST_COMMA_OR_END = "expected `,` or `]`";
    static final String EXPECTED_OBJECT_COMMA_OR_END = "expected `,` or `}`";
    static final String EXPECTED_IDENT = "expected ident";
    static final String EXPECTED_VALUE = "expected value";
    static final String INVALID_ESCAPE = "invalid escape";
    static final String INVALID_NUMBER = "invalid number";
    static final String NUMBER_OUT_OF_RANGE = "number out of range";
    static final String CONTROL_CHARACTER = "control character (\\u0000-\\u001F) found while parsing a string";
    static final String KEY_MUST_BE_A_STRING = "key must be a string";
    static final String LONE_LEADING_SURROGATE = "lone leading surrogate in hex escape";
    static final String TRAILING_COMMA = "trailing comma";
    static final String TRAILING_CHARACTERS = "trailing characters";
    static final String UNEXPECTED_END_OF_HEX_ESCAPE = "unexpected end of hex escape";
    static final String RECURSION_LIMIT = "recursion limit exceeded";

    /** What the grammar expects next at a given point (shared by Reader and Diagnosis). */
    static final int ROOT = 0;
    static final int ARRAY_FIRST = 1;
    static final int ARRAY_NEXT = 2;
    static final int OBJECT_FIRST = 3;
    static final int OBJECT_NEXT = 4;
    static final int DONE = 5;

    /** Builds ngn values from Jackson's token stream and tracks where serde_json would be. */
    private static final class Reader {
        private final byte[] in;
        /** Open containers, innermost last: ArrayList (array) or NgnObject (object). */
        private final ArrayList<Object> stack = new ArrayList<>();
        /** The key waiting for its value, per open object (parallel to {@link #stack}). */
        private final ArrayList<String> keys = new ArrayList<>();
        /** Grammar state after the last complete token (FIELD_NAME excluded). */
        private int state = ROOT;
        /** Byte offset just past that token; −(start + 1) for a string starting at start (see {@link #end()}). */
        private int end;
        private Object root;

        Reader(byte[] in) {
            this.in = in;
        }

        NgnEnum read() {
            try {
                try (UTF8StreamJsonParser p = newParser(in)) {
                    readRoot(p);
                }
                int i = Diagnosis.skipWhitespace(in, end());
                if (i < in.length) {
                    throw new Failure(TRAILING_CHARACTERS, i);
                }
                return NgnEnum.ok(root);
            } catch (Failure f) {
                return fail(f);
            } catch (IOException | RuntimeException e) {
                // Jackson rejected the input (JsonProcessingException); find serde_json's words
                Failure f = new Diagnosis(in, containerKinds(), state, end()).run();
                return fail(f != null ? f : new Failure(EXPECTED_VALUE, Math.max(0, jacksonOffset(e))));
            }
        }

        private int jacksonOffset(Exception e) {
            if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
                long off = jpe.getLocation().getByteOffset();
                return (int) Math.min(off, in.length);
            }
            return end();
        }

        /** Byte offset just past the last complete token (a string's end is found only when asked). */
        private int end() {
            if (end < 0) {
                end = Diagnosis.stringEnd(in, -end - 1);
            }
            return end;
        }

        private NgnEnum fail(Failure f) {
            long[] lc = position(in, f.index);
            return NgnEnum.error(errorObject(f.code + " at line " + lc[0] + " column " + lc[1], lc[0], lc[1]));
        }

        private boolean[] containerKinds() {
            boolean[] isObject = new boolean[stack.size()];
            for (int i = 0; i < isObject.length; i++) {
                isObject[i] = stack.get(i) instanceof NgnObject;
            }
            return isObject;
        }

        private void readRoot(UTF8StreamJsonParser p) throws IOException, Failure {
            while (true) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    // only before the root value: empty or all-whitespace input
                    throw new Failure(EOF_VALUE, in.length);
                }
                // what currentTokenLocation().getByteOffset() gives for every token but a field name, without
                // allocating a location per token
                int start = (int) p.getTokenCharacterOffset() - 1;
                switch (t) {
                    case START_ARRAY, START_OBJECT -> {
                        if (stack.size() + 1 >= MAX_DEPTH) {
                            throw new Failure(RECURSION_LIMIT, start);
                        }
                        boolean obj = t == JsonToken.START_OBJECT;
                        stack.add(obj ? NgnObject.empty() : new ArrayList<>());
                        keys.add(null);
                        state = obj ? OBJECT_FIRST : ARRAY_FIRST;
                        end = start + 1;
                    }
                    case END_ARRAY -> {
                        @SuppressWarnings("unchecked")
                        ArrayList<Object> list = (ArrayList<Object>) pop();
                        if (deliver(NgnArray.of(list.toArray()), start + 1)) {
                            return;
                        }
                    }
                    case END_OBJECT -> {
                        if (deliver(pop(), start + 1)) {
                            return;
                        }
                    }
                    case FIELD_NAME -> {
                        String name = p.currentName();
                        if (hasLoneSurrogate(name)) {
                            throw stringFailure((int) p.currentTokenLocation().getByteOffset());
                        }
                        keys.set(keys.size() - 1, name);
                    }
                    case VALUE_STRING -> {
                        String s = p.getText();
                        if (hasLoneSurrogate(s)) {
                            throw stringFailure(start);
                        }
                        if (deliver(s, -start - 1)) { // see end()
                            return;
                        }
                    }
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                        if (t == JsonToken.VALUE_NUMBER_INT && fitsLong(p.getNumberType())) {
                            // the parser has the value already: no String, no second parse
                            int len = p.getTextLength();
                            long v = p.getLongValue();
                            Object n = v == 0 && p.getTextCharacters()[p.getTextOffset()] == '-' ? (Object) (-0.0) : v;
                            if (deliver(n, start + len)) {
                                return;
                            }
                            continue;
                        }
                        String text = p.getText();
                        int stop = start + text.length();
                        if (deliver(number(text, t == JsonToken.VALUE_NUMBER_INT, stop), stop)) {
                            return;
                        }
                    }
                    case VALUE_TRUE -> {
                        if (deliver(Boolean.TRUE, start + 4)) {
                            return;
                        }
                    }
                    case VALUE_FALSE -> {
                        if (deliver(Boolean.FALSE, start + 5)) {
                            return;
                        }
                    }
                    case VALUE_NULL -> {
                        if (deliver(Unit.VOID, start + 4)) {
                            return;
                        }
                    }
                    default -> throw new Failure(EXPECTED_VALUE, start);
                }
            }
        }

        private Failure stringFailure(int start) {
            Failure f = Diagnosis.checkString(in, start);
            return f != null ? f : new Failure(LONE_LEADING_SURROGATE, Diagnosis.stringEnd(in, start) - 1);
        }

        private Object pop() {
            keys.remove(keys.size() - 1);
            return stack.remove(stack.size() - 1);
        }

        /** Stores a complete value; true when it was the root value. */
        @SuppressWarnings("unchecked")
        private boolean deliver(Object v, int stop) {
            end = stop;
            if (stack.isEmpty()) {
                root = v;
                state = DONE;
                return true;
            }
            Object top = stack.get(stack.size() - 1);
            if (top instanceof NgnObject o) {
                o.set(keys.get(keys.size() - 1), v);
                state = OBJECT_NEXT;
            } else {
                ((ArrayList<Object>) top).add(v);
                state = ARRAY_NEXT;
            }
            return false;
        }

        private static boolean fitsLong(JsonParser.NumberType nt) {
            return nt == JsonParser.NumberType.INT || nt == JsonParser.NumberType.LONG;
        }

        /** A JSON number's ngn value, like the reference's serde_json conversion. */
        private static Object number(String text, boolean integral, int stop) throws Failure {
            if (integral) {
                if (text.equals("-0")) {
                    return -0.0; // serde_json parses -0 as a float
                }
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException beyondI64) {
                    // falls through: f64
                }
            }
            double d = Double.parseDouble(text);
            if (Double.isInfinite(d)) {
                throw new Failure(NUMBER_OUT_OF_RANGE, stop - 1);
            }
            return d;
        }
    }

    private static boolean hasLoneSurrogate(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * serde_json's position of an error at byte {@code index}: {line, column} where the column
     * counts the bytes of the line up to and including that byte (0 at the end of an input that
     * ends with a newline or is empty).
     */
    static long[] position(byte[] in, int index) {
        int upto = Math.min(in.length, index + 1);
        long line = 1;
        int lineStart = 0;
        for (int i = 0; i < upto; i++) {
            if (in[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new long[] {line, upto - lineStart};
    }

    /**
     * Finds the first error in a document Jackson rejected, as serde_json reports it, resuming
     * from the grammar state after the last token Jackson accepted. Returns {@code null} if it
     * finds none (the caller then falls back to Jackson's position).
     */
    static final class Diagnosis {
        private final byte[] in;
        private final int n;
        /** Open containers (true = object), innermost last. */
        private boolean[] open;
        private int depth;
        private int state;
        private int i;

        Diagnosis(byte[] in, boolean[] open, int state, int start) {
            this.in = in;
            this.n = in.length;
            this.open = Arrays.copyOf(open, Math.max(4, open.length + 4));
            this.depth = open.length;
            this.state = state;
            this.i = start;
        }

        static int skipWhitespace(byte[] in, int i) {
            while (i < in.length && (in[i] == ' ' || in[i] == '\n' || in[i] == '\t' || in[i] == '\r')) {
                i++;
            }
            return i;
        }

        /** Offset just past the string starting with the quote at {@code start}. */
        static int stringEnd(byte[] in, int start) {
            int j = start + 1;
            while (j < in.length) {
                byte c = in[j];
                if (c == '"') {
                    return j + 1;
                }
                j += c == '\\' ? 2 : 1;
            }
            return in.length;
        }

        /** serde_json's verdict on the string starting at {@code start}, or null if valid. */
        static Failure checkString(byte[] in, int start) {
            try {
                new Diagnosis(in, new boolean[0], DONE, start).string(start);
                return null;
            } catch (Failure f) {
                return f;
            }
        }

        Failure run() {
            try {
                while (true) {
                    switch (state) {
                        case ROOT -> {
                            i = skipWhitespace(in, i);
                            if (i >= n) {
                                throw new Failure(EOF_VALUE, n);
                            }
                            value();
                        }
                        case ARRAY_FIRST, ARRAY_NEXT -> {
                            i = skipWhitespace(in, i);
                            if (i >= n) {
                                throw new Failure(EOF_LIST, n);
                            }
                            if (in[i] == ']') {
                                i++;
                                close();
                            } else if (state == ARRAY_FIRST) {
                                value();
                            } else if (in[i] == ',') {
                                i = skipWhitespace(in, i + 1);
                                if (i >= n) {
                                    throw new Failure(EOF_VALUE, n);
                                }
                                if (in[i] == ']') {
                                    throw new Failure(TRAILING_COMMA, i);
                                }
                                value();
                            } else {
                                throw new Failure(EXPECTED_LIST_COMMA_OR_END, i);
                            }
                        }
                        case OBJECT_FIRST, OBJECT_NEXT -> {
                            i = skipWhitespace(in, i);
                            if (i >= n) {
                                throw new Failure(EOF_OBJECT, n);
                            }
                            if (in[i] == '}') {
                                i++;
                                close();
                            } else if (state == OBJECT_FIRST) {
                                entry();
                            } else if (in[i] == ',') {
                                i = skipWhitespace(in, i + 1);
                                if (i >= n) {
                                    throw new Failure(EOF_VALUE, n);
                                }
                                if (in[i] == '}') {
                                    throw new Failure(TRAILING_COMMA, i);
                                }
                                entry();
                            } else {
                                throw new Failure(EXPECTED_OBJECT_COMMA_OR_END, i);
                            }
                        }
                        default -> {
                            i = skipWhitespace(in, i);
                            if (i < n) {
                                throw new Failure(TRAILING_CHARACTERS, i);
                            }
                            return null;
                        }
                    }
                }
            } catch (Failure f) {
                return f;
            }
        }

        /** {@code "key": value} at {@code i} (a non-blank byte). */
        private void entry() throws Failure {
            if (in[i] != '"') {
                throw new Failure(KEY_MUST_BE_A_STRING, i);
            }
            i = string(i);
            i = skipWhitespace(in, i);
            if (i >= n) {
                throw new Failure(EOF_OBJECT, n);
            }
            if (in[i] != ':') {
                throw new Failure(EXPECTED_COLON, i);
            }
            i = skipWhitespace(in, i + 1);
            if (i >= n) {
                throw new Failure(EOF_VALUE, n);
            }
            value();
        }

        /** A value starting at {@code i} (a non-blank byte). */
        private void value() throws Failure {
            byte c = in[i];
            switch (c) {
                case '"' -> {
                    i = string(i);
                    completed();
                }
                case 't' -> literal("true");
                case 'f' -> literal("false");
                case 'n' -> literal("null");
                case '[', '{' -> {
                    if (depth + 1 >= MAX_DEPTH) {
                        throw new Failure(RECURSION_LIMIT, i);
                    }
                    if (depth == open.length) {
                        open = Arrays.copyOf(open, depth * 2);
                    }
                    open[depth++] = c == '{';
                    state = c == '{' ? OBJECT_FIRST : ARRAY_FIRST;
                    i++;
                }
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        number();
                        completed();
                    } else {
                        throw new Failure(EXPECTED_VALUE, i);
                    }
                }
            }
        }

        private void close() {
            depth--;
            completed();
        }

        private void completed() {
            state = depth == 0 ? DONE : open[depth - 1] ? OBJECT_NEXT : ARRAY_NEXT;
        }

        private void literal(String word) throws Failure {
            for (int k = 1; k < word.length(); k++) {
                if (i + k >= n) {
                    throw new Failure(EOF_VALUE, n);
                }
                if (in[i + k] != word.charAt(k)) {
                    throw new Failure(EXPECTED_IDENT, i + k);
                }
            }
            i += word.length();
            completed();
        }

        private boolean digit(int j) {
            return j < n && in[j] >= '0' && in[j] <= '9';
        }

        /** serde_json's number grammar from {@code i}; leaves {@code i} after the number. */
        private void number() throws Failure {
            int j = i;
            if (in[j] == '-') {
                j++;
            }
            if (j >= n) {
                throw new Failure(EOF_VALUE, n);
            }
            if (in[j] == '0') {
                j++;
                if (digit(j)) {
                    throw new Failure(INVALID_NUMBER, j);
                }
            } else if (digit(j)) {
                while (digit(j)) {
                    j++;
                }
            } else {
                throw new Failure(INVALID_NUMBER, j);
            }
            if (j < n && in[j] == '.') {
                j++;
                if (!digit(j)) {
                    throw new Failure(j >= n ? EOF_VALUE : INVALID_NUMBER, Math.min(j, n));
                }
                while (digit(j)) {
                    j++;
                }
            }
            if (j < n && (in[j] == 'e' || in[j] == 'E')) {
                j++;
                if (j < n && (in[j] == '+' || in[j] == '-')) {
                    j++;
                }
                if (j >= n) {
                    throw new Failure(EOF_VALUE, n);
                }
                if (!digit(j)) {
                    throw new Failure(INVALID_NUMBER, j);
                }
                while (digit(j)) {
                    j++;
                }
            }
            i = j;
        }

        private int hex4(int j) throws Failure {
            if (j + 4 > n) {
                throw new Failure(EOF_STRING, n);
            }
            int v = 0;
            for (int k = 0; k < 4; k++) {
                int d = Character.digit(in[j + k], 16);
                if (d < 0) {
                    throw new Failure(INVALID_ESCAPE, j + 3);
                }
                v = v * 16 + d;
            }
            return v;
        }

        /** The string starting with the quote at {@code start}; returns the offset after it. */
        private int string(int start) throws Failure {
            int j = start + 1;
            while (true) {
                if (j >= n) {
                    throw new Failure(EOF_STRING, n);
                }
                int c = in[j] & 0xff;
                if (c == '"') {
                    return j + 1;
                }
                if (c < 0x20) {
                    throw new Failure(CONTROL_CHARACTER, j);
                }
                if (c != '\\') {
                    j++;
                    continue;
                }
                j++;
                if (j >= n) {
                    throw new Failure(EOF_STRING, n);
                }
                switch (in[j]) {
                    case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> j++;
                    case 'u' -> j = unicodeEscape(j + 1);
                    default -> throw new Failure(INVALID_ESCAPE, j);
                }
            }
        }

        /** After {@code \\u} at {@code j}: validates surrogate pairs like serde_json does. */
        private int unicodeEscape(int j) throws Failure {
            int v = hex4(j);
            j += 4;
            if (v >= 0xDC00 && v <= 0xDFFF) {
                throw new Failure(LONE_LEADING_SURROGATE, j - 1);
            }
            if (v < 0xD800 || v > 0xDBFF) {
                return j;
            }
            if (j >= n) {
                throw new Failure(EOF_STRING, n);
            }
            if (in[j] != '\\') {
                throw new Failure(UNEXPECTED_END_OF_HEX_ESCAPE, j);
            }
            j++;
            if (j >= n) {
                throw new Failure(EOF_STRING, n);
            }
            if (in[j] != 'u') {
                throw new Failure(UNEXPECTED_END_OF_HEX_ESCAPE, j);
            }
            int w = hex4(j + 1);
            j += 5;
            if (w < 0xDC00 || w > 0xDFFF) {
                throw new Failure(LONE_LEADING_SURROGATE, j - 1);
            }
            return j;
        }
    }

    // -------------------------------------------------------------- stringify

    /** Orders object keys like Rust's {@code str} (UTF-8 bytes), i.e. by code point. */
    private static final Comparator<String> KEY_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    /**
     * ngn {@code json.stringify(v)}: compact JSON with object keys sorted. Models and maps
     * (string keys only; others dropped) ⇒ objects; tuples and sets ⇒ arrays; floats like
     * serde_json ({@code 2.0}, {@code 1e16}, {@code 9.9e-6}); NaN/±inf, void, bytes, ranges,
     * functions, states, channels and every enum value ⇒ {@code null}.
     */
    public static String stringify(Object v) {
        StringBuilder sb = new StringBuilder();
        write(sb, v);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v) {
        if (v instanceof String s) {
            quote(sb, s);
        } else if (v instanceof Long l) {
            sb.append(l.longValue());
        } else if (v instanceof U8 u) {
            sb.append(u.value());
        } else if (v instanceof Double d) {
            sb.append(formatDouble(d));
        } else if (v instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (v instanceof NgnArray a) {
            writeArray(sb, a.rawElements(), a.length());
        } else if (v instanceof NgnTuple t) {
            writeArray(sb, t.rawElements(), t.length());
        } else if (v instanceof NgnSet s) {
            Object[] elems = s.toArray();
            writeArray(sb, elems, elems.length);
        } else if (v instanceof NgnObject o) {
            writeObject(sb, o.keys(), o.rawValues());
        } else if (v instanceof NgnModel m) {
            String[] names = m.fieldNames();
            Object[] values = new Object[names.length];
            for (int i = 0; i < names.length; i++) {
                values[i] = m.fieldValue(i);
            }
            writeObject(sb, names.clone(), values);
        } else if (v instanceof NgnMap m) {
            Object[] ks = m.keys();
            Object[] vs = m.values();
            int count = 0;
            for (Object k : ks) {
                if (k instanceof String) {
                    count++;
                }
            }
            String[] keys = new String[count];
            Object[] values = new Object[count];
            count = 0;
            for (int i = 0; i < ks.length; i++) {
                if (ks[i] instanceof String k) {
                    keys[count] = k;
                    values[count++] = vs[i];
                }
            }
            writeObject(sb, keys, values);
        } else {
            // void, enums (Maybe/Result included), bytes, ranges, functions, states, channels…
            sb.append("null");
        }
    }

    private static void writeArray(StringBuilder sb, Object[] elems, int n) {
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            write(sb, elems[i]);
        }
        sb.append(']');
    }

    /** {@code keys[i]} ↦ {@code values[i]} (for i < keys.length), sorted by key. */
    private static void writeObject(StringBuilder sb, String[] keys, Object[] values) {
        // insertion sort of the indices: objects are small and their keys often in order already; stable, as the
        // boxed Arrays.sort it replaces
        int[] order = new int[keys.length];
        for (int i = 0; i < order.length; i++) {
            int x = i;
            int j = i;
            while (j > 0 && KEY_ORDER.compare(keys[order[j - 1]], keys[x]) > 0) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = x;
        }
        sb.append('{');
        for (int k = 0; k < order.length; k++) {
            if (k > 0) {
                sb.append(',');
            }
            quote(sb, keys[order[k]]);
            sb.append(':');
            write(sb, values[order[k]]);
        }
        sb.append('}');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static boolean needsNoEscape(char c) {
        return c >= 0x20 && c != '"' && c != '\\';
    }

    /** A JSON string literal, escaped like serde_json (non-ASCII and {@code /} as is). */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        int n = s.length();
        int plain = 0;
        while (plain < n && needsNoEscape(s.charAt(plain))) {
            plain++;
        }
        if (plain == n) { // the usual case: the whole string in one copy
            sb.append(s).append('"');
            return;
        }
        sb.append(s, 0, plain);
        for (int i = plain; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /**
     * A float as serde_json (ryu) writes it: the shortest round-trip digits; positional with
     * {@code .0} when integral, for 1e-5 ≤ |x| < 1e16; otherwise {@code d.ddde±x}
     * ({@code 1e16}, {@code 9.9e-6}). Non-finite ⇒ {@code null}.
     */
    static String formatDouble(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "null";
        }
        if (d == 0) {
            return Double.doubleToRawLongBits(d) < 0 ? "-0.0" : "0.0";
        }
        BigDecimal dec = shortest(Math.abs(d));
        String digits = dec.unscaledValue().toString();
        int len = digits.length();
        int k = -dec.scale(); // value = digits × 10^k
        int kk = len + k; // 10^(kk-1) <= |d| < 10^kk
        StringBuilder sb = new StringBuilder(len + 8);
        if (d < 0) {
            sb.append('-');
        }
        if (k >= 0 && kk <= 16) {
            sb.append(digits).repeat('0', k).append(".0");
        } else if (kk > 0 && kk <= 16) {
            sb.append(digits, 0, kk).append('.').append(digits, kk, len);
        } else if (kk > -5 && kk <= 0) {
            sb.append("0.").repeat('0', -kk).append(digits);
        } else {
            sb.append(digits.charAt(0));
            if (len > 1) {
                sb.append('.').append(digits, 1, len);
            }
            sb.append('e').append(kk - 1);
        }
        return sb.toString();
    }

    /**
     * The shortest decimal that reads back as {@code x > 0}, without trailing zeros. Java's
     * {@link Double#toString} is shortest except that it may give two digits where one would do
     * (only possible for subnormals); ryu takes the one-digit form.
     */
    private static BigDecimal shortest(double x) {
        BigDecimal dec = new BigDecimal(Double.toString(x)).stripTrailingZeros();
        if (x < Double.MIN_NORMAL && dec.precision() == 2) {
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_UP, RoundingMode.DOWN, RoundingMode.UP}) {
                BigDecimal one = dec.round(new MathContext(1, mode));
                if (one.doubleValue() == x) {
                    return one.stripTrailingZeros();
                }
            }
        }
        return dec;
    }
}
