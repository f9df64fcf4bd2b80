package dev.ngnc.rt.tbx;

import dev.ngnc.rt.value.Fmt;
import dev.ngnc.rt.value.NgnArray;
import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.value.NgnObject;
import dev.ngnc.rt.value.Unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonParseTest {
    private static String parsed(String json) {
        return Fmt.str(Json.parse(json));
    }

    private static NgnObject error(String json) {
        NgnEnum r = Json.parse(json);
        assertTrue(r.isError(), () -> json + " ⇒ " + Fmt.str(r));
        return (NgnObject) r.payload();
    }

    private static Object ok(String json) {
        NgnEnum r = Json.parse(json);
        assertTrue(r.isOk(), () -> json + " ⇒ " + Fmt.str(r));
        return r.payload();
    }

    // ---- conformance corpus: json/*

    @Test
    void arrayOfScalarsParsesToNgnValuesWithNullAsVoid() {
        assertEquals("Result::Ok ([1, 2.5, s, true, void])", parsed("[1, 2.5, \"s\", true, null]"));
        assertEquals(17L, ok("17"));
    }

    @Test
    void objectFieldsAreReadableAndDestructurableAsMaybe() {
        NgnObject o = (NgnObject) ok("{\"name\": \"ngn\", \"version\": 3, \"tags\": [\"a\", \"b\"]}");
        assertEquals("ngn", o.get("name"));
        assertEquals(3L, o.get("version"));
        assertEquals("[a, b]", Fmt.str(o.get("tags")));
        NgnObject u = (NgnObject) ok("{\"user\": \"amy\", \"score\": 12}");
        assertEquals("Maybe::Value (amy)", Fmt.str(u.getMaybe("user")));
        assertEquals("Maybe::Value (12)", Fmt.str(u.getMaybe("score")));
        assertEquals("Maybe::Null", Fmt.str(u.getMaybe("missing")));
    }

    @Test
    void truncatedObjectIsAnErrorObjectOnLineOne() {
        NgnObject e = error("{\"a\": 1,");
        assertEquals(1L, e.get("line"));
        assertEquals(8L, e.get("column"));
        assertEquals("EOF while parsing a value at line 1 column 8", e.get("message"));
    }

    @Test
    void parsedDocumentStringifiesBackWithSortedKeysAndRawUnicode() {
        String src = "{\"k\":[1,{\"z\":null}],\"s\":\"héllo\"}";
        assertEquals(src, Json.stringify(ok(src)));
    }

    // ---- values

    @Test
    void integersBecomeLongsAndOtherNumbersDoubles() {
        assertEquals(-9223372036854775808L, ok("-9223372036854775808"));
        assertEquals(9223372036854775807L, ok("9223372036854775807"));
        assertEquals(9.223372036854775808e18, ok("9223372036854775808"));
        assertEquals(1.8446744073709552e19, ok("18446744073709551616"));
        assertEquals(-9.223372036854775809e18, ok("-9223372036854775809"));
        assertEquals(1.0, ok("1.0"));
        assertEquals(1500.0, ok("1.5e3"));
        assertEquals(0.1, ok("1E-1"));
        assertEquals(0.0, ok("1e-400"));
        assertEquals("-0", Fmt.str(ok("-0"))); // serde_json reads -0 as a float
        assertInstanceOf(Double.class, ok("-0"));
        assertEquals(0L, ok("0"));
    }

    @Test
    void stringsDecodeEscapesAndSurrogatePairs() {
        assertEquals("a\"b\\c/d\b\f\n\r\t", ok("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\""));
        assertEquals("😀 é \u0001", ok("\"\\ud83d\\ude00 \\u00e9 \\u0001\""));
        assertEquals("日本", ok("\"日本\""));
    }

    @Test
    void objectsKeepInsertionOrderAndTheLastValueOfARepeatedKey() {
        assertEquals("{b: 3, a: 2}", Fmt.str(ok("{\"b\": 1, \"a\": 2, \"b\": 3}")));
        assertEquals("{}", Fmt.str(ok(" {} ")));
        assertEquals("[[], {x: [{}]}]", Fmt.str(ok("[[],{\"x\":[{}]}]")));
    }

    @Test
    void surroundingWhitespaceIsAllowed() {
        assertEquals(true, ok(" \t\r\n true \n"));
    }

    @Test
    void nestingUpTo127LevelsParsesAnd128IsTheRecursionLimit() {
        assertTrue(Json.parse("[".repeat(127) + "]".repeat(127)).isOk());
        assertTrue(Json.parse("{\"a\":".repeat(127) + "1" + "}".repeat(127)).isOk());
        assertEquals("recursion limit exceeded at line 1 column 128",
                error("[".repeat(128) + "]".repeat(128)).get("message"));
        assertEquals("recursion limit exceeded at line 1 column 128", error("[".repeat(200)).get("message"));
    }

    @Test
    void nonStringArgumentGivesTheDocumentedErrorObject() {
        for (Object arg : new Object[] {5L, 2.5, true, Unit.VOID, null, NgnArray.of("x")}) {
            assertEquals("Result::Error ({message: json.parse expects a string argument, line: 0, column: 0})",
                    Fmt.str(Json.parse(arg)));
        }
    }

    @Test
    void errorObjectHasMessageLineAndColumnFieldsInThatOrder() {
        NgnObject e = error("x");
        assertEquals("{message: expected value at line 1 column 1, line: 1, column: 1}", Fmt.str(e));
        assertInstanceOf(Long.class, e.get("line"));
        assertInstanceOf(Long.class, e.get("column"));
    }

    // ---- serde_json's error texts and positions (column = UTF-8 bytes into the line)

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                 | EOF while parsing a value at line 1 column 0",
        "`   `              | EOF while parsing a value at line 1 column 3",
        "x                  | expected value at line 1 column 1",
        "True               | expected value at line 1 column 1",
        "NaN                | expected value at line 1 column 1",
        "[.5]               | expected value at line 1 column 2",
        "[+1]               | expected value at line 1 column 2",
        "[}                 | expected value at line 1 column 2",
        "[                  | EOF while parsing a list at line 1 column 1",
        "[1                 | EOF while parsing a list at line 1 column 2",
        "[1,                | EOF while parsing a value at line 1 column 3",
        "[1,]               | trailing comma at line 1 column 4",
        "[1 2]              | expected `,` or `]` at line 1 column 4",
        "[\"a\" \"b\"]          | expected `,` or `]` at line 1 column 6",
        "[\"a\\\\\\\"b\" 1]    | expected `,` or `]` at line 1 column 9",
        "[\"a\\nb\" 1]        | expected `,` or `]` at line 1 column 9",
        "{\"a\":\"x\" \"b\":1}  | expected `,` or `}` at line 1 column 10",
        "[1x]               | expected `,` or `]` at line 1 column 3",
        "{                  | EOF while parsing an object at line 1 column 1",
        "{]                 | key must be a string at line 1 column 2",
        "{1:2}              | key must be a string at line 1 column 2",
        "{\"a\"             | EOF while parsing an object at line 1 column 4",
        "{\"a\" 1}          | expected `:` at line 1 column 6",
        "{\"a\":            | EOF while parsing a value at line 1 column 5",
        "{\"a\": 1          | EOF while parsing an object at line 1 column 7",
        "{\"a\":1,}         | trailing comma at line 1 column 8",
        "{\"a\":1, 2}       | key must be a string at line 1 column 9",
        "{\"a\":1 \"b\":2}  | expected `,` or `}` at line 1 column 8",
        "{\"a\":[1,2}       | expected `,` or `]` at line 1 column 10",
        "{\"a\" : tru}      | expected ident at line 1 column 11",
        "1 2                | trailing characters at line 1 column 3",
        "12x                | trailing characters at line 1 column 3",
        "[1]]               | trailing characters at line 1 column 4",
        "truex              | trailing characters at line 1 column 5",
        "\"é\" x            | trailing characters at line 1 column 6",
        "é                  | expected value at line 1 column 1",
        "tru                | EOF while parsing a value at line 1 column 3",
        "trux               | expected ident at line 1 column 4",
        "nul                | EOF while parsing a value at line 1 column 3",
        "fals               | EOF while parsing a value at line 1 column 4",
        "-                  | EOF while parsing a value at line 1 column 1",
        "-x                 | invalid number at line 1 column 2",
        "01                 | invalid number at line 1 column 2",
        "-01                | invalid number at line 1 column 3",
        "1.                 | EOF while parsing a value at line 1 column 2",
        "1.x                | invalid number at line 1 column 3",
        "1e                 | EOF while parsing a value at line 1 column 2",
        "1e+                | EOF while parsing a value at line 1 column 3",
        "1ex                | invalid number at line 1 column 3",
        "1e400              | number out of range at line 1 column 5",
        "[1, -1e400]        | number out of range at line 1 column 10",
        "\"abc              | EOF while parsing a string at line 1 column 4",
        "\"\\x\"            | invalid escape at line 1 column 3",
        "\"\\u12\"          | EOF while parsing a string at line 1 column 6",
        "\"\\uzzzz\"        | invalid escape at line 1 column 7",
        "\"\\ud800\"        | unexpected end of hex escape at line 1 column 8",
        "\"\\udc00\"        | lone leading surrogate in hex escape at line 1 column 7",
        "\"\\ud800\\u0041\" | lone leading surrogate in hex escape at line 1 column 13",
        "{\"\\ud800\":1}    | unexpected end of hex escape at line 1 column 9",
        "{\"a\":\"\\udc00\"}| lone leading surrogate in hex escape at line 1 column 12",
    })
    void errorsReadLikeSerdeJson(String json, String message) {
        json = json.replace("\\\"", "\"").replace("\\\\", "\\");
        NgnObject e = error(json);
        assertEquals(message, e.get("message"));
        String[] parts = message.split(" at line | column ");
        assertEquals(Long.parseLong(parts[1]), e.get("line"));
        assertEquals(Long.parseLong(parts[2]), e.get("column"));
    }

    @Test
    void errorsOnLaterLinesCountLinesAndRestartColumns() {
        assertEquals("expected value at line 3 column 2", error("[1,\n2,\n x]").get("message"));
        assertEquals("trailing characters at line 3 column 3", error("\"a\"\n\n  ]").get("message"));
        assertEquals("EOF while parsing a list at line 2 column 0", error("[1\n").get("message"));
        // a raw newline inside a string: the position is just after it
        assertEquals("control character (\\u0000-\\u001F) found while parsing a string at line 2 column 0",
                error("\"a\nb\"").get("message"));
        assertEquals("control character (\\u0000-\\u001F) found while parsing a string at line 1 column 8",
                error("{\"a\":\"x\u0001\"}").get("message"));
    }

    @Test
    void largeDocumentsParse() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 50_000; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"n").append(i).append("\"}");
        }
        NgnArray a = (NgnArray) ok(sb.append(']').toString());
        assertEquals(50_000, a.size());
        assertEquals("{id: 49999, name: n49999}", Fmt.str(a.get(49_999)));
        String longString = "x".repeat(3_000_000);
        assertEquals(longString, ok("\"" + longString + "\""));
    }
}
