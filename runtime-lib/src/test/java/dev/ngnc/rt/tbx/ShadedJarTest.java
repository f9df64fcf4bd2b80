package dev.ngnc.rt.tbx;

import dev.ngnc.rt.value.Fmt;
import dev.ngnc.rt.value.NgnArray;
import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.value.NgnRegex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Runs only in the {@code shaded-jar} surefire execution (phase integration-test), with the
 * packaged runtime-lib jar instead of target/classes and without jackson-core on the class
 * path: checks that the relocated, minimized copy of jackson-core is complete enough for
 * {@link Json#parse}.
 */
class ShadedJarTest {
    private static Path jar() throws Exception {
        return Path.of(Json.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void runtimeClassesComeFromTheShadedJarWithoutTheOriginalJackson() throws Exception {
        assertTrue(jar().toString().endsWith(".jar"), jar().toString());
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.fasterxml.jackson.core.JsonParser"));
    }

    @Test
    void everyBundledJacksonClassLinks() throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar().toFile())) {
            zip.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("dev/ngnc/rt/shaded/") && n.endsWith(".class") && !n.endsWith("package-info.class"))
                    .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
            assertNotNull(zip.getEntry("dev/ngnc/rt/shaded/jackson/LICENSE"));
            assertNotNull(zip.getEntry("dev/ngnc/rt/shaded/jackson/NOTICE"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertTrue(names.size() > 20, "shaded classes: " + names);
        for (String n : names) {
            // initializing links (verifies) the class, which loads every class its code needs
            // for type checks
            Class.forName(n, true, Json.class.getClassLoader());
        }
    }

    @Test
    void regexLiteralsRunOnTheShadedEngine() {
        assertEquals("x-#", new NgnRegex("[0-9]+", "g").replace("x-42", "#"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.google.re2j.Pattern"));
    }

    @Test
    void parsesAndReportsErrorsThroughTheShadedParser() {
        assertEquals("Result::Ok ([1, 2.5, s, true, void, {a: [], b: {}}])",
                Fmt.str(Json.parse("[1, 2.5, \"s\", true, null, {\"a\": [], \"b\": {}}]")));
        assertEquals("Result::Ok ({k: 😀 é, n: -12345678901234567890})".replace("-12345678901234567890", "-12345678901234567000"),
                Fmt.str(Json.parse("{\"k\": \"\\ud83d\\ude00 \u00e9\", \"n\": -12345678901234567890}")));
        assertEquals("Result::Error ({message: EOF while parsing a value at line 1 column 8, line: 1, column: 8})",
                Fmt.str(Json.parse("{\"a\": 1,")));
        assertEquals("Result::Error ({message: expected value at line 1 column 1, line: 1, column: 1})",
                Fmt.str(Json.parse("x")));
        assertEquals("Result::Error ({message: control character (\\u0000-\\u001F) found while parsing a string at line 2 column 0, line: 2, column: 0})",
                Fmt.str(Json.parse("\"a\n\"")));
        assertEquals("Result::Error ({message: number out of range at line 1 column 5, line: 1, column: 5})",
                Fmt.str(Json.parse("1e999")));
        assertEquals("Result::Error ({message: invalid escape at line 1 column 3, line: 1, column: 3})",
                Fmt.str(Json.parse("\"\\q\"")));
        StringBuilder big = new StringBuilder("[");
        for (int i = 0; i < 20000; i++) {
            big.append(i == 0 ? "" : ",").append("{\"key").append(i % 500).append("\": \"").append("v".repeat(i % 40)).append("\"}");
        }
        big.append("]");
        NgnEnum r = Json.parse(big.toString());
        assertTrue(r.isOk());
        assertEquals(20000, ((NgnArray) r.payload()).size());
    }
}
