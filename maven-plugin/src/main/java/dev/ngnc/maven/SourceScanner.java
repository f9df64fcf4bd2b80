package dev.ngnc.maven;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Finds ngn source files ({@code *.ngn}) under a directory. Maven-independent (unit-tested). */
final class SourceScanner {
    private SourceScanner() {}

    /**
     * Every regular {@code *.ngn} file under {@code root}, sorted, as absolute normalized paths.
     * Hidden directories ({@code .git}, ...) and the directories in {@code excluded} (e.g. the build
     * directory, when the sources live in the project's base directory) are not entered.
     */
    static List<Path> scan(Path root, Collection<Path> excluded) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        List<Path> skip = new ArrayList<>();
        for (Path p : excluded) if (p != null) skip.add(p.toAbsolutePath().normalize());
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(base)) return found;
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(base)) {
                    String name = String.valueOf(dir.getFileName());
                    if (name.startsWith(".") || skip.contains(dir)) return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".ngn")) found.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // unreadable entries are reported by the compiler if they matter
            }
        });
        found.sort(null);
        return found;
    }

    /**
     * The files of {@code files} (under {@code root}) whose path relative to {@code root} (with
     * {@code /} separators) matches one of the {@code includes} globs and none of the {@code excludes}.
     * A pattern starting with {@code **}{@code /} also matches files directly in {@code root}
     * ({@code **}{@code /*.ngn} matches {@code a.ngn} as well as {@code x/y/a.ngn}).
     */
    static List<Path> filter(Path root, List<Path> files, List<String> includes, List<String> excludes) {
        List<PathMatcher> inc = matchers(includes);
        List<PathMatcher> exc = matchers(excludes);
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            Path rel = Path.of(relative(root, f));
            if ((inc.isEmpty() || matchesAny(inc, rel)) && !matchesAny(exc, rel)) out.add(f);
        }
        return out;
    }

    /** {@code file} relative to {@code root}, with {@code /} separators. */
    static String relative(Path root, Path file) {
        return root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
                .replace(file.getFileSystem().getSeparator(), "/");
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        List<PathMatcher> out = new ArrayList<>();
        if (globs == null) return out;
        for (String g : globs) {
            if (g == null || g.isBlank()) continue;
            String glob = g.strip();
            out.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            if (glob.startsWith("**/")) out.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
        }
        return out;
    }

    private static boolean matchesAny(List<PathMatcher> ms, Path rel) {
        for (PathMatcher m : ms) if (m.matches(rel)) return true;
        return false;
    }
}
