package dev.ngnc.rt.tbx;

import dev.ngnc.rt.value.Fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoLibTest {
    @TempDir
    Path dir;

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    // ---- conformance corpus: toolbox/io_*

    @Test
    void writeAppendReadExistsDeleteRoundTrip() {
        String path = p("roundtrip.txt");
        assertFalse(IoLib.exists(path));
        assertEquals("Result::Ok (void)", Fmt.str(IoLib.write(path, "line one\n")));
        assertEquals("Result::Ok (void)", Fmt.str(IoLib.append(path, "line two\n")));
        assertTrue(IoLib.exists(path));
        assertEquals("Result::Ok (line one\nline two\n)", Fmt.str(IoLib.read(path)));
        assertEquals("Result::Ok (void)", Fmt.str(IoLib.delete(path)));
        assertFalse(IoLib.exists(path));
    }

    @Test
    void readingAMissingFileIsAnError() {
        String path = p("definitely_missing_file.txt");
        assertEquals("Result::Error (Failed to read '" + path + "': No such file or directory (os error 2))",
                Fmt.str(IoLib.read(path)));
    }

    // ---- details

    @Test
    void writeTruncatesAndAppendCreates() {
        String path = p("t.txt");
        IoLib.write(path, "long old content");
        IoLib.write(path, "new");
        assertEquals("new", IoLib.read(path).payload());
        String created = p("created.txt");
        assertEquals("Result::Ok (void)", Fmt.str(IoLib.append(created, "é😀")));
        assertEquals("é😀", IoLib.read(created).payload());
    }

    @Test
    void relativePathsResolveAgainstTheWorkingDirectory() throws IOException {
        Path cwdFile = Path.of(System.getProperty("user.dir")).resolve("target/io-lib-test.tmp");
        Files.createDirectories(cwdFile.getParent());
        try {
            assertTrue(IoLib.write("target/io-lib-test.tmp", "x").isOk());
            assertEquals("x", Files.readString(cwdFile));
        } finally {
            Files.deleteIfExists(cwdFile);
        }
    }

    @Test
    void errorsNameTheOperationAndPathWithRustsWording() throws IOException {
        String missingDir = p("no-such-dir/f.txt");
        assertEquals("Failed to write '" + missingDir + "': No such file or directory (os error 2)",
                IoLib.write(missingDir, "x").payload());
        assertEquals("Failed to append to '" + missingDir + "': No such file or directory (os error 2)",
                IoLib.append(missingDir, "x").payload());
        assertEquals("Failed to delete '" + missingDir + "': No such file or directory (os error 2)",
                IoLib.delete(missingDir).payload());
        String sub = p("sub");
        Files.createDirectory(dir.resolve("sub"));
        assertEquals("Failed to read '" + sub + "': Is a directory (os error 21)", IoLib.read(sub).payload());
        assertEquals("Failed to write '" + sub + "': Is a directory (os error 21)", IoLib.write(sub, "x").payload());
        assertEquals("Failed to delete '" + sub + "': Is a directory (os error 21)", IoLib.delete(sub).payload());
        assertTrue(Files.isDirectory(dir.resolve("sub")), "delete never removes directories");
        IoLib.write(p("file"), "x");
        String underFile = p("file/child");
        assertEquals("Failed to read '" + underFile + "': Not a directory (os error 20)", IoLib.read(underFile).payload());
    }

    @Test
    void emptyPathIsAMissingFile() {
        assertEquals("Failed to read '': No such file or directory (os error 2)", IoLib.read("").payload());
        assertFalse(IoLib.exists(""));
    }

    @Test
    void pathWithANulByteIsAnErrorNotAnException() {
        assertEquals("Failed to read 'a\u0000b': file name contained an unexpected NUL byte", IoLib.read("a\u0000b").payload());
        assertFalse(IoLib.exists("a\u0000b"));
    }

    @Test
    void invalidUtf8IsAReadError() throws IOException {
        Files.write(dir.resolve("bin"), new byte[] {104, 105, (byte) 0xff});
        assertEquals("Failed to read '" + p("bin") + "': stream did not contain valid UTF-8", IoLib.read(p("bin")).payload());
    }

    @Test
    void permissionDeniedIsOsError13() throws IOException {
        Path f = dir.resolve("secret");
        Files.writeString(f, "x");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(f), "running as root: permissions are not enforced");
        assertEquals("Failed to read '" + f + "': Permission denied (os error 13)", IoLib.read(f.toString()).payload());
    }

    @Test
    void reasonsFromOtherFileSystemFailuresGetTheirErrno() {
        assertEquals("Read-only file system (os error 30)",
                IoLib.reason(new java.nio.file.FileSystemException("f", null, "Read-only file system")));
        assertEquals("No space left on device (os error 28)", IoLib.reason(new IOException("No space left on device")));
        assertEquals("Permission denied (os error 13)", IoLib.reason(new java.nio.file.AccessDeniedException("f")));
        assertEquals("something else", IoLib.reason(new IOException("something else")));
    }
}
