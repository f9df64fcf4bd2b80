package dev.ngnc.driver;

import dev.ngnc.diag.Diagnostic;
import dev.ngnc.diag.DiagnosticRenderer;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class SourceReaderTest {
    @TempDir Path tmp;

    private static String only(Diagnostics d) {
        assertEquals(1, d.all().size(), d.all().toString());
        Diagnostic x = d.all().get(0);
        return DiagnosticRenderer.render(x);
    }

    @Test
    void readsUtf8Text() throws IOException {
        Path f = tmp.resolve("main.ngn");
        Files.writeString(f, "fn main() {\n  print(\"héllo 🌍\")\n}\n");
        Diagnostics d = new Diagnostics();
        SourceFile s = SourceReader.read(f, "src/main.ngn", d);
        assertNotNull(s);
        assertTrue(d.all().isEmpty());
        assertEquals("src/main.ngn", s.displayPath());
        assertEquals(f, s.path());
        assertEquals("fn main() {\n  print(\"héllo 🌍\")\n}\n", s.text());
    }

    @Test
    void dropsAByteOrderMark() throws IOException {
        Path f = tmp.resolve("bom.ngn");
        byte[] body = "fn main() {}\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF; bytes[1] = (byte) 0xBB; bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Files.write(f, bytes);
        SourceFile s = SourceReader.read(f, "bom.ngn", new Diagnostics());
        assertNotNull(s);
        assertEquals("fn main() {}\n", s.text());
    }

    @Test
    void missingFileIsAnErrorAtOneOneWithoutSourceLine() {
        Diagnostics d = new Diagnostics();
        assertNull(SourceReader.read(tmp.resolve("nope.ngn"), "nope.ngn", d));
        assertTrue(d.hasErrors());
        assertEquals("nope.ngn:1:1: error: file not found: nope.ngn\n", only(d));
    }

    @Test
    void directoryIsAnError() {
        Diagnostics d = new Diagnostics();
        assertNull(SourceReader.read(tmp, "somedir", d));
        assertEquals("somedir:1:1: error: 'somedir' is a directory, not an ngn source file\n", only(d));
    }

    @Test
    void unreadableFileIsAnError() throws IOException {
        Path f = tmp.resolve("secret.ngn");
        Files.writeString(f, "fn main() {}\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(f), "running as root: every file is readable");
        Diagnostics d = new Diagnostics();
        assertNull(SourceReader.read(f, "secret.ngn", d));
        assertEquals("secret.ngn:1:1: error: cannot read file: permission denied\n", only(d));
    }

    @Test
    void invalidUtf8IsReportedAtItsLineAndColumnWithCaret() throws IOException {
        Path f = tmp.resolve("bad.ngn");
        byte[] bytes = "fn main() {\n  é(\u0000".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 1] = (byte) 0xFF; // line 2, col 5 (after two spaces, 'é' and '(')
        byte[] more = ")\n}\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bytes.length + more.length];
        System.arraycopy(bytes, 0, all, 0, bytes.length);
        System.arraycopy(more, 0, all, bytes.length, more.length);
        Files.write(f, all);
        Diagnostics d = new Diagnostics();
        assertNull(SourceReader.read(f, "bad.ngn", d));
        String text = only(d);
        assertEquals("bad.ngn:2:5: error: file is not valid UTF-8: invalid byte 0xFF at byte offset 17\n"
                + "    é(\uFFFD)\n"
                + "      ^\n"
                + "  hint: ngn source files must be encoded as UTF-8\n", text);
    }

    @Test
    void truncatedUtf8SequenceAtEndIsReported() throws IOException {
        Path f = tmp.resolve("cut.ngn");
        byte[] body = "fn main() {}\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(body, body.length + 1);
        all[body.length] = (byte) 0xE2; // first byte of a 3-byte sequence, then EOF
        Files.write(f, all);
        Diagnostics d = new Diagnostics();
        assertNull(SourceReader.read(f, "cut.ngn", d));
        assertTrue(only(d).startsWith("cut.ngn:2:1: error: file is not valid UTF-8"), only(d));
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        Path f = tmp.resolve("empty.ngn");
        Files.write(f, new byte[0]);
        Diagnostics d = new Diagnostics();
        assertNull(SourceReader.read(f, "empty.ngn", d));
        assertEquals("empty.ngn:1:1: error: file is empty\n  \n  ^\n  hint: an ngn program needs a `fn main()`\n", only(d));
    }
}
