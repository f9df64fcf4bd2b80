package dev.ngnc.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the last successful {@code ngn:compile} was made from (its inputs: tool version, entry file,
 * output directory, and the path, size and modification time of every ngn source) and what it
 * produced (the program's main class and its generated classes). Stored as a small text file in the
 * build directory ({@code target/ngn/compile.stamp}); a later build with equal inputs has nothing to
 * compile, and {@code ngn:jar} reads the outputs from it.
 *
 * <p>Format: one record per line, fields separated by tabs: {@code version V}, {@code entry PATH},
 * {@code output DIR}, {@code source PATH SIZE MTIME_MS} (repeated), {@code main NAME},
 * {@code class NAME} (repeated; JVM internal names). Lines starting with {@code #} are comments.
 */
record BuildStamp(String version, String entry, String output, List<Source> sources, String mainClass, List<String> classes) {
    static final String HEADER = "# ngn-maven-plugin: inputs and outputs of the last successful ngn:compile (delete to force a rebuild)";

    record Source(String path, long size, long modified) {}

    BuildStamp {
        sources = List.copyOf(sources);
        classes = List.copyOf(classes);
    }

    /** The inputs of a compilation about to happen (no outputs yet). */
    static BuildStamp inputs(String version, Path entry, Path output, List<Path> sourceFiles) throws IOException {
        List<Source> sources = new ArrayList<>();
        for (Path p : sourceFiles) {
            sources.add(new Source(p.toAbsolutePath().normalize().toString(), Files.size(p), Files.getLastModifiedTime(p).toMillis()));
        }
        return new BuildStamp(version, entry.toAbsolutePath().normalize().toString(), output.toAbsolutePath().normalize().toString(),
                sources, null, List.of());
    }

    BuildStamp withOutputs(String main, List<String> generated) {
        return new BuildStamp(version, entry, output, sources, main, generated);
    }

    /** True when {@code other} was made from the same inputs (ignores the outputs). */
    boolean sameInputs(BuildStamp other) {
        return other != null && Objects.equals(version, other.version) && Objects.equals(entry, other.entry)
                && Objects.equals(output, other.output) && sources.equals(other.sources);
    }

    /** The first difference of inputs, for the debug log (null when there is none). */
    String describeChange(BuildStamp previous) {
        if (previous == null) return "no previous build";
        if (!Objects.equals(version, previous.version)) return "plugin version changed (" + previous.version + " -> " + version + ")";
        if (!Objects.equals(entry, previous.entry)) return "entry changed (" + previous.entry + " -> " + entry + ")";
        if (!Objects.equals(output, previous.output)) return "output directory changed";
        for (Source s : sources) {
            Source old = previous.sources.stream().filter(o -> o.path.equals(s.path)).findFirst().orElse(null);
            if (old == null) return "new source " + s.path;
            if (!old.equals(s)) return "changed source " + s.path;
        }
        for (Source old : previous.sources) {
            if (sources.stream().noneMatch(s -> s.path.equals(old.path))) return "removed source " + old.path;
        }
        return null;
    }

    void write(Path file) throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        b.append("version\t").append(version).append('\n');
        b.append("entry\t").append(entry).append('\n');
        b.append("output\t").append(output).append('\n');
        for (Source s : sources) b.append("source\t").append(s.path).append('\t').append(s.size).append('\t').append(s.modified).append('\n');
        if (mainClass != null) b.append("main\t").append(mainClass).append('\n');
        for (String c : classes) b.append("class\t").append(c).append('\n');
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, b, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The stamp in {@code file}; null when it does not exist or cannot be read or parsed (then everything is rebuilt). */
    static BuildStamp read(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            String version = null, entry = null, output = null, main = null;
            List<Source> sources = new ArrayList<>();
            List<String> classes = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "version" -> version = f[1];
                    case "entry" -> entry = f[1];
                    case "output" -> output = f[1];
                    case "main" -> main = f[1];
                    case "class" -> classes.add(f[1]);
                    case "source" -> sources.add(new Source(f[1], Long.parseLong(f[2]), Long.parseLong(f[3])));
                    default -> { return null; }
                }
            }
            if (version == null || entry == null || output == null) return null;
            return new BuildStamp(version, entry, output, sources, main, classes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
