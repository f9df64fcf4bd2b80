package dev.ngnc.cli;

import dev.ngnc.diag.Diagnostic;
import dev.ngnc.diag.DiagnosticRenderer;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.driver.SourceReader;
import dev.ngnc.fmt.FormatResult;
import dev.ngnc.fmt.Formatter;
import dev.ngnc.source.SourceFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code ngnc fmt [--check] PATH...}: rewrites ngn files in the canonical layout (docs/fmt.md). Directories are
 * searched for {@code **}{@code /*.ngn}. A file that does not parse is reported and left alone; a rewritten file is
 * replaced atomically, and only when its text changes.
 */
@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = "Format ngn files in place (or, with --check, list the files that are not formatted).")
final class FmtCommand implements Callable<Integer> {
    @Option(names = "--check", description = "Change nothing; list the files that would change and exit 1 if any would.")
    boolean check;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, or directories to search for *.ngn files.")
    List<String> paths;

    private final PrintStream out;
    private final PrintStream err;

    FmtCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        boolean failed = false;
        boolean wouldChange = false;
        for (String shown : paths) {
            List<Path> files = new ArrayList<>();
            if (!collect(Path.of(shown), shown, files)) {
                failed = true;
                continue;
            }
            for (Path file : files) {
                String display = file.toString();
                switch (formatOne(file, display)) {
                    case CHANGED -> wouldChange = true;
                    case FAILED -> failed = true;
                    case UNCHANGED -> { }
                }
            }
        }
        out.flush();
        err.flush();
        return failed || (check && wouldChange) ? Ngnc.EXIT_ERRORS : Ngnc.EXIT_OK;
    }

    private enum Result { UNCHANGED, CHANGED, FAILED }

    /** The .ngn files under {@code path} in a stable order; false (with a message) when it cannot be read. */
    private boolean collect(Path path, String shown, List<Path> files) {
        if (!Files.exists(path)) {
            err.println(shown + ": error: no such file or directory");
            return false;
        }
        if (!Files.isDirectory(path)) {
            files.add(path);
            return true;
        }
        try (Stream<Path> s = Files.walk(path)) {
            s.filter(p -> p.getFileName().toString().endsWith(".ngn") && Files.isRegularFile(p)).sorted().forEach(files::add);
            return true;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println(shown + ": error: cannot read directory: " + e.getMessage());
            return false;
        }
    }

    private Result formatOne(Path file, String display) {
        Diagnostics d = new Diagnostics();
        SourceFile source = SourceReader.read(file, display, d);
        if (source == null) {
            render(d.all());
            return Result.FAILED;
        }
        FormatResult result = Formatter.format(source);
        if (!result.ok()) {
            render(result.diagnostics());
            return Result.FAILED;
        }
        if (!result.changed()) return Result.UNCHANGED;
        if (!check) {
            try {
                writeAtomically(file, result.text());
            } catch (IOException e) {
                err.println(display + ": error: cannot write file: " + e.getMessage());
                return Result.FAILED;
            }
        }
        out.println(display);
        return Result.CHANGED;
    }

    private void render(List<Diagnostic> diagnostics) {
        for (Diagnostic x : diagnostics) err.print(DiagnosticRenderer.render(x));
    }

    /** Writes a temporary file beside {@code file} and moves it over, so a reader never sees half a file. */
    private static void writeAtomically(Path file, String text) throws IOException {
        Path target = file.toRealPath();
        Path dir = target.getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".fmt.tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the temporary file's default permissions stay
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
