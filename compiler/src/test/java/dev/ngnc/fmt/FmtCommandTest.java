package dev.ngnc.fmt;

import dev.ngnc.cli.Ngnc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ngnc fmt [--check] PATH...}: what it rewrites, lists, refuses and exits with. */
class FmtCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int fmt(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "fmt";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Ngnc(Ngnc.PIPELINE, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(all);
    }

    /** The examples are what users copy: they stay in the canonical layout (`ngnc fmt examples` after an edit). */
    @Test
    void theExamplesAreFormatted() throws Exception {
        Path examples = Programs.REPO.resolve("examples");
        assertTrue(Files.isDirectory(examples), examples.toString());
        int code = fmt("--check", examples.toString());
        assertEquals("", out.toString(StandardCharsets.UTF_8), "run `ngnc fmt examples`: these are not formatted");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void checkListsTheFilesThatWouldChangeAndChangesNothing(@TempDir Path dir) throws Exception {
        Path messy = dir.resolve("sub/messy.ngn");
        Files.createDirectories(messy.getParent());
        Files.writeString(messy, "fn main(){print(1)}\n");
        Path tidy = dir.resolve("tidy.ngn");
        Files.writeString(tidy, "fn main() {\n    print(1)\n}\n");
        assertEquals(1, fmt("--check", dir.toString()));
        assertEquals(messy + "\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("fn main(){print(1)}\n", Files.readString(messy));
    }

    @Test
    void rewritesChangedFilesInPlaceAndPrintsThem(@TempDir Path dir) throws Exception {
        Path messy = dir.resolve("messy.ngn");
        Files.writeString(messy, "fn main(){print(1)}\n");
        assertEquals(0, fmt(messy.toString()));
        assertEquals(messy + "\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("fn main() {\n    print(1)\n}\n", Files.readString(messy));
        out.reset();
        assertEquals(0, fmt("--check", messy.toString()));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aFileThatDoesNotParseIsReportedAndLeftAlone(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.ngn");
        String text = "fn main() {\n  print(1\n}\n";
        Files.writeString(bad, text);
        assertEquals(1, fmt(bad.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(bad + ":2:10: error: expected ')'"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(text, Files.readString(bad));
    }

    @Test
    void aMissingPathIsAClearError(@TempDir Path dir) {
        assertEquals(1, fmt(dir.resolve("nope").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("nope: error: no such file or directory"));
    }
}
