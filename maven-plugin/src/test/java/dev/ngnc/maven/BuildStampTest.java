package dev.ngnc.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuildStampTest {
    @TempDir Path dir;

    @Test
    void roundTripsAndDetectsChanges() throws Exception {
        Path main = write("main.ngn", "fn main() { print(1) }\n");
        Path lib = write("lib.ngn", "export fn f(): i64 1\n");
        Path out = dir.resolve("classes");
        BuildStamp first = BuildStamp.inputs("1.0", main, out, List.of(lib, main)).withOutputs("ngn/Main", List.of("ngn/Main"));
        Path file = dir.resolve("target/ngn/compile.stamp");
        first.write(file);
        BuildStamp read = BuildStamp.read(file);
        assertEquals(first, read);

        assertTrue(BuildStamp.inputs("1.0", main, out, List.of(lib, main)).sameInputs(read));
        assertFalse(BuildStamp.inputs("1.1", main, out, List.of(lib, main)).sameInputs(read), "plugin version");
        assertFalse(BuildStamp.inputs("1.0", main, out, List.of(main)).sameInputs(read), "removed source");
        assertFalse(BuildStamp.inputs("1.0", lib, out, List.of(lib, main)).sameInputs(read), "other entry");

        Files.setLastModifiedTime(lib, FileTime.fromMillis(Files.getLastModifiedTime(lib).toMillis() + 5000));
        BuildStamp touched = BuildStamp.inputs("1.0", main, out, List.of(lib, main));
        assertFalse(touched.sameInputs(read), "modification time");
        assertEquals("changed source " + lib.toAbsolutePath().normalize(), touched.describeChange(read));

        Path extra = write("extra.ngn", "fn g() {}\n");
        assertTrue(BuildStamp.inputs("1.0", main, out, List.of(extra, lib, main)).describeChange(read).startsWith("new source"));
    }

    @Test
    void missingOrCorruptStampMeansRebuild() throws Exception {
        assertNull(BuildStamp.read(dir.resolve("none.stamp")));
        assertNull(BuildStamp.read(write("bad.stamp", "version\t1\nsource\tx\tnot-a-number\t1\n")));
        assertNull(BuildStamp.read(write("unknown.stamp", "what\tever\n")));
        assertNull(BuildStamp.read(write("partial.stamp", "version\t1\n")));
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
