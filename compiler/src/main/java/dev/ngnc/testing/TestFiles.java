package dev.ngnc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Which files {@code ngnc test} runs: named files as given, and every {@code *_test.ngn} under named directories. */
public final class TestFiles {
    /** The file-name suffix that makes a file under a directory a test program. */
    public static final String SUFFIX = "_test.ngn";

    private TestFiles() {}

    /**
     * The test files of {@code paths} (a file is taken as it is, a directory is searched for {@code *_test.ngn},
     * not entering hidden directories or {@code target}), sorted, kept only when {@code filter} (may be null)
     * finds a match in the path (with {@code /} separators).
     *
     * @throws NoSuchFileException when a named path does not exist
     */
    public static List<Path> find(List<Path> paths, Pattern filter) throws IOException {
        TreeSet<Path> found = new TreeSet<>();
        for (Path p : paths) {
            if (Files.isRegularFile(p)) found.add(p.normalize());
            else if (Files.isDirectory(p)) walk(p, found);
            else throw new NoSuchFileException(p.toString());
        }
        List<Path> out = new ArrayList<>();
        for (Path p : found) if (filter == null || filter.matcher(shown(p)).find()) out.add(p);
        return out;
    }

    /** A path as reports show it: {@code /} separators. */
    public static String shown(Path p) {
        return p.toString().replace(p.getFileSystem().getSeparator(), "/");
    }

    private static void walk(Path dir, TreeSet<Path> found) throws IOException {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    String name = String.valueOf(d.getFileName());
                    boolean skip = !d.equals(dir) && (name.startsWith(".") || name.equals("target"));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && f.getFileName().toString().endsWith(SUFFIX)) found.add(f.normalize());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
