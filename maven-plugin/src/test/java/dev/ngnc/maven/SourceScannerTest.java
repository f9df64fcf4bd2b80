package dev.ngnc.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SourceScannerTest {
    @TempDir Path dir;

    @Test
    void findsNgnFilesSortedSkippingHiddenAndExcludedDirectories() throws Exception {
        touch("main.ngn");
        touch("lib/util.ngn");
        touch("lib/notes.txt");
        touch(".git/x.ngn");
        touch("target/classes/copy.ngn");
        List<Path> found = SourceScanner.scan(dir, List.of(dir.resolve("target")));
        assertEquals(List.of(dir.resolve("lib/util.ngn"), dir.resolve("main.ngn")), found);
    }

    @Test
    void missingDirectoryHasNoSources() throws Exception {
        assertEquals(List.of(), SourceScanner.scan(dir.resolve("nope"), List.of()));
    }

    @Test
    void includeGlobsWithLeadingDoubleStarAlsoMatchTopLevelFiles() throws Exception {
        Path a = touch("a_test.ngn");
        Path b = touch("sub/b_test.ngn");
        Path h = touch("sub/helper.ngn");
        List<Path> all = List.of(a, b, h);
        assertEquals(all, SourceScanner.filter(dir, all, List.of("**/*.ngn"), null));
        assertEquals(List.of(a, b), SourceScanner.filter(dir, all, List.of("**/*_test.ngn"), List.of()));
        assertEquals(List.of(a, b), SourceScanner.filter(dir, all, List.of("**/*.ngn"), List.of("**/helper.ngn")));
        assertEquals(List.of(a), SourceScanner.filter(dir, all, List.of("a_test.ngn"), null));
        assertEquals("sub/b_test.ngn", SourceScanner.relative(dir, b));
    }

    private Path touch(String rel) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "fn main() {}\n");
        return p;
    }
}
