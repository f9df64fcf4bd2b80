package dev.ngnc.cli;

import dev.ngnc.diag.DiagnosticRenderer;
import dev.ngnc.testing.TestEngine;
import dev.ngnc.testing.TestFiles;
import dev.ngnc.testing.TestResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code ngnc test [--filter REGEX] [PATH...]}: compiles and runs test programs (files with {@code fn main()}
 * that use {@code assert} from {@code tbx::test}) and reports {@code PASS file (12 ms)} / {@code FAIL file}
 * with each failure, then {@code 3 passed, 1 failed}. Exit 1 when one failed.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Compile and run test programs: the given files, and every *_test.ngn under the given directories "
                + "(default: the current directory). Files without fn main() (helper modules) are not tests.")
final class TestCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Test files or directories (default: .).")
    List<String> paths = new ArrayList<>();

    @Option(names = "--filter", paramLabel = "REGEX", description = "Run only the test files whose path contains a match.")
    String filter;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Time limit of each test program's run; one that takes longer fails (\"timed out after N s\") "
                    + "and the rest still run (default: ${DEFAULT-VALUE}).")
    long timeout;

    private final PrintStream out;
    private final PrintStream err;

    TestCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Pattern pattern;
        try {
            pattern = filter == null ? null : Pattern.compile(filter);
        } catch (PatternSyntaxException e) {
            err.println("ngnc: error: invalid --filter regular expression: " + e.getDescription());
            return Ngnc.EXIT_USAGE;
        }
        List<Path> files;
        try {
            List<Path> roots = new ArrayList<>();
            for (String p : paths.isEmpty() ? List.of(".") : paths) roots.add(Path.of(p));
            files = TestFiles.find(roots, pattern);
        } catch (NoSuchFileException e) {
            err.println("ngnc: error: no such file or directory: " + e.getFile());
            return Ngnc.EXIT_USAGE;
        } catch (IOException | InvalidPathException e) {
            err.println("ngnc: error: cannot list the tests: " + e.getMessage());
            return Ngnc.EXIT_USAGE;
        }
        if (timeout <= 0) {
            err.println("ngnc: error: --timeout must be a positive number of seconds, not " + timeout);
            return Ngnc.EXIT_USAGE;
        }
        TestEngine engine = new TestEngine(timeout, DiagnosticRenderer::render);
        int passed = 0, failed = 0;
        for (Path f : files) {
            String shown = TestFiles.shown(f);
            TestResult r = engine.run(f, shown);
            switch (r.status()) {
                case NOT_A_TEST -> { continue; }
                case PASS -> {
                    passed++;
                    out.println("PASS " + shown + " (" + r.millis() + " ms)");
                }
                case FAIL -> {
                    failed++;
                    out.println("FAIL " + shown + " (" + r.millis() + " ms)");
                    for (String l : r.failure()) out.println("  " + l);
                }
            }
        }
        if (passed + failed == 0) {
            out.println("no test programs found" + (filter == null ? "" : " matching --filter " + filter)
                    + " (a test is a " + "*" + TestFiles.SUFFIX + " file with fn main())");
            return Ngnc.EXIT_OK;
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return failed > 0 ? Ngnc.EXIT_ERRORS : Ngnc.EXIT_OK;
    }
}
