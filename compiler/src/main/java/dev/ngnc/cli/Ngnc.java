package dev.ngnc.cli;

import dev.ngnc.types.RtApi;
import dev.ngnc.diag.Diagnostic;
import dev.ngnc.diag.DiagnosticRenderer;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.diag.Severity;
import dev.ngnc.driver.CompiledProgram;
import dev.ngnc.driver.Compiler;
import dev.ngnc.driver.SourceReader;
import dev.ngnc.jar.JarBuilder;
import dev.ngnc.source.SourceFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The {@code ngnc} command line: {@code compile} (alias {@code build}), {@code run}, {@code check}, {@code test}, {@code new}.
 *
 * <p>Exit codes: 0 success; 1 compile errors, an unusable input file, or (for {@code run}) a program
 * that failed at run time; 2 usage errors; 3 an internal compiler error (a bug in ngnc). Diagnostics
 * go to stderr, followed by a summary line ({@code 1 error}, {@code 3 errors}).
 */
@Command(name = "ngnc",
        mixinStandardHelpOptions = true,
        versionProvider = Ngnc.VersionProvider.class,
        description = "Ahead-of-time compiler from ngn to JVM bytecode (programs need Java 21+).",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:compile errors or an unreadable input file; for 'run', the program failed",
                "2:usage error (unknown option, missing argument)",
                "3:internal compiler error (a bug in ngnc)"},
        footer = {"", "Run 'ngnc COMMAND --help' for the options of one command."})
public final class Ngnc implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    public static final int EXIT_ERRORS = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERNAL = 3;

    /** The pipeline: {@link #PIPELINE} in production; replaceable in tests. */
    @FunctionalInterface
    public interface Frontend {
        /** Returns null when errors were reported to {@code diagnostics}. */
        CompiledProgram compile(Path entry, String displayPath, Diagnostics diagnostics);

        /** {@code compile --no-debug-info}: {@code debugInfo} false. By default the same as the above. */
        default CompiledProgram compile(Path entry, String displayPath, Diagnostics diagnostics, boolean debugInfo) {
            return compile(entry, displayPath, diagnostics);
        }

        /** For {@code check}: true when there were no errors. By default a full compile. */
        default boolean check(Path entry, String displayPath, Diagnostics diagnostics) {
            return compile(entry, displayPath, diagnostics) != null;
        }
    }

    /** The real pipeline: {@link Compiler#compile}; {@code check} runs the front end only ({@link Compiler#check}). */
    public static final Frontend PIPELINE = new Frontend() {
        @Override
        public CompiledProgram compile(Path entry, String displayPath, Diagnostics diagnostics) {
            return Compiler.compile(entry, displayPath, diagnostics);
        }

        @Override
        public CompiledProgram compile(Path entry, String displayPath, Diagnostics diagnostics, boolean debugInfo) {
            return Compiler.compile(entry, displayPath, diagnostics, debugInfo);
        }

        @Override
        public boolean check(Path entry, String displayPath, Diagnostics diagnostics) {
            SourceFile file = SourceReader.read(entry, displayPath, diagnostics);
            return file != null && Compiler.check(file, diagnostics) != null;
        }
    };

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Frontend frontend;
    private final PrintStream out;
    private final PrintStream err;
    /** Set when {@code run} returned normally from the program's main (so the JVM should not be exited forcibly). */
    private boolean programReturned;

    public Ngnc(Frontend frontend, PrintStream out, PrintStream err) {
        this.frontend = frontend;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Ngnc ngnc = new Ngnc(PIPELINE, System.out, stderr);
        int code = ngnc.execute(args);
        System.out.flush();
        if (code == EXIT_OK && ngnc.programReturned) {
            // Like `java -jar app.jar`: the JVM ends when the program's last non-daemon thread does.
            return;
        }
        System.exit(code);
    }

    /** Parses {@code args} and runs the command; returns the exit code. */
    public int execute(String... args) {
        Integer fast = fastPath(args);
        if (fast != null) return fast;
        return commandLine().execute(args);
    }

    /**
     * The common invocations ({@code run FILE [ARGS...]}, {@code check FILE}, {@code compile FILE
     * [-o JAR]}) skip picocli: building its model costs 70-100 ms of JVM start-up, which every
     * {@code ngnc run} would pay. Returns null for anything else (help, options, errors), which goes
     * through picocli. Both paths run the same command code, with the same results.
     */
    Integer fastPath(String[] a) {
        if (a.length < 2 || isOptionLike(a[1])) return null;
        switch (a[0]) {
            case "run":
                return doRun(a[1], java.util.Arrays.asList(a).subList(2, a.length), false);
            case "check":
                return a.length == 2 ? doCheck(a[1], false) : null;
            case "compile", "build":
                if (a.length == 2) return doCompile(a[1], null, true, false);
                if (a.length == 4 && (a[2].equals("-o") || a[2].equals("--output")) && !isOptionLike(a[3])) {
                    return doCompile(a[1], a[3], true, false);
                }
                return null;
            default:
                return null;
        }
    }

    private static boolean isOptionLike(String s) {
        return s.startsWith("-") || s.startsWith("@"); // "@file" is picocli's argument-file syntax
    }

    CommandLine commandLine() {
        CommandLine cmd = new CommandLine(this);
        cmd.addSubcommand("compile", new CompileCommand());
        cmd.addSubcommand("run", new RunCommand());
        cmd.addSubcommand("check", new CheckCommand());
        cmd.addSubcommand("test", new TestCommand(out, err));
        cmd.addSubcommand("new", new NewCommand(out, err));
        cmd.addSubcommand("fmt", new FmtCommand(out, err));
        cmd.addSubcommand("lsp", new LspCommand());
        cmd.addSubcommand("help", new CommandLine.HelpCommand());
        cmd.getSubcommands().get("run").setStopAtPositional(true).setUnmatchedOptionsArePositionalParams(true);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setParameterExceptionHandler(Ngnc::usageError);
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> internalError(ex));
        return cmd;
    }

    /** {@code ngnc} with no command: show the usage on stderr. */
    @Override
    public Integer call() {
        err.println("ngnc: error: missing command (compile/build, run, check, test or new)");
        err.println();
        spec.commandLine().usage(err);
        return EXIT_USAGE;
    }

    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine c = ex.getCommandLine();
        PrintWriter w = c.getErr();
        w.println("ngnc: error: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, w);
        w.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
        w.flush();
        return EXIT_USAGE;
    }

    // ------------------------------------------------------------------------------------------
    // Commands

    @Command(name = "compile", aliases = "build", mixinStandardHelpOptions = true,
            description = "Compile an ngn program into a self-contained runnable jar (run it with 'java -jar', Java 21+).")
    final class CompileCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The entry file (the one with fn main()).")
        String file;

        @Option(names = {"-o", "--output"}, paramLabel = "JAR", description = "Where to write the jar (default: FILE's name with .jar, in the current directory).")
        String output;

        // On by default (javac needs -g): a LocalVariableTable costs a few percent of class size and
        // nothing at run time, and without it a debugger attached to the jar shows no ngn variables.
        @Option(names = "--no-debug-info", description = "Leave out the local-variable tables that let a JVM debugger show ngn variables by name (line numbers stay).")
        boolean noDebugInfo;

        @Option(names = "--aot", description = "Also record a JVM class cache (JDK 25: AOT cache, JDK 21-24: AppCDS) beside the jar, and a launcher script (the jar's name without .jar) that starts the program with it.")
        boolean aot;

        @Option(names = "--deny-warnings", description = "Treat warnings as errors: exit 1 and write/run nothing when there are any.")
        boolean denyWarnings;

        @Override
        public Integer call() {
            int status = doCompile(file, output, !noDebugInfo, denyWarnings);
            if (status != EXIT_OK || !aot) return status;
            Path jar = OutputTarget.throughLinks(Path.of(output != null ? output : defaultJarName(file)));
            AotCache.Recorded recorded = AotCache.record(jar, err);
            if (recorded != null) {
                err.println("ngnc: recorded " + recorded.cache().getFileName() + "; start the program with "
                        + displayScript(recorded.script()));
            }
            return status;
        }
    }

    private static String displayScript(Path script) {
        Path relative = script;
        try {
            relative = Path.of("").toAbsolutePath().relativize(script.toAbsolutePath());
        } catch (IllegalArgumentException e) {
            // another drive: show it absolute
        }
        String shown = relative.toString();
        return shown.contains(java.io.File.separator) ? shown : "." + java.io.File.separator + shown;
    }

    int doCompile(String file, String output, boolean debugInfo, boolean denyWarnings) {
        Path outPath;
        try {
            outPath = Path.of(output != null ? output : defaultJarName(file));
        } catch (InvalidPathException e) {
            err.println("ngnc: error: invalid output path: " + output);
            return EXIT_USAGE;
        }
        if (Files.isDirectory(outPath)) {
            err.println("ngnc: error: output '" + outPath + "' is a directory; give a jar file name, e.g. -o app.jar");
            return EXIT_USAGE;
        }
        if (sameFile(outPath, file)) {
            err.println("ngnc: error: output '" + outPath + "' would overwrite the source file");
            return EXIT_USAGE;
        }
        String refused = OutputTarget.problem(outPath);
        if (refused != null) {
            err.println("ngnc: error: " + refused);
            return EXIT_USAGE;
        }
        outPath = OutputTarget.throughLinks(outPath);
        Outcome r = frontEnd(file, false, debugInfo, denyWarnings);
        if (r.program == null) return r.exitCode;
        try {
            JarBuilder.write(r.program, outPath);
        } catch (IOException e) {
            err.println("ngnc: error: cannot write '" + outPath + "': " + describe(e));
            return EXIT_ERRORS;
        }
        return EXIT_OK;
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Compile an ngn program in memory and run it; arguments after FILE go to the program.")
    final class RunCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The entry file (the one with fn main()).")
        String file;

        @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the program.")
        List<String> args = new ArrayList<>();

        @Option(names = "--deny-warnings", description = "Treat warnings as errors: exit 1 and write/run nothing when there are any.")
        boolean denyWarnings;

        @Override
        public Integer call() {
            return doRun(file, args, denyWarnings);
        }
    }

    int doRun(String file, List<String> args, boolean denyWarnings) {
        Outcome r = frontEnd(file, false, true, denyWarnings);
        if (r.program == null) return r.exitCode;
        // env/.env files are read from the entry file's directory (runtime-lib EnvLib)
        Path dir = Path.of(file).toAbsolutePath().getParent();
        if (dir != null) System.setProperty("ngnc.entryDir", dir.toString());
        return runInThisJvm(r.program, args.toArray(new String[0]));
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check an ngn program for errors without writing anything.")
    final class CheckCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The entry file (the one with fn main()).")
        String file;

        @Option(names = "--deny-warnings", description = "Treat warnings as errors: exit 1 and write/run nothing when there are any.")
        boolean denyWarnings;

        @Override
        public Integer call() {
            return doCheck(file, denyWarnings);
        }
    }

    int doCheck(String file, boolean denyWarnings) {
        return frontEnd(file, true, true, denyWarnings).exitCode;
    }

    // ------------------------------------------------------------------------------------------
    // Shared steps

    /** A compiled program (exit code 0), or null with the exit code to return. */
    private record Outcome(CompiledProgram program, int exitCode) {}

    /** Runs the pipeline ({@code checkOnly}: the front end only) and reports its diagnostics. */
    private Outcome frontEnd(String file, boolean checkOnly, boolean debugInfo, boolean denyWarnings) {
        Diagnostics diags = new Diagnostics();
        Path entry;
        try {
            entry = Path.of(file);
        } catch (InvalidPathException e) {
            err.println(file + ":1:1: error: not a valid file path: " + e.getReason());
            err.println("1 error");
            return new Outcome(null, EXIT_ERRORS);
        }
        CompiledProgram program = null;
        boolean ok;
        try {
            if (checkOnly) {
                ok = frontend.check(entry, file, diags);
            } else {
                program = frontend.compile(entry, file, diags, debugInfo);
                ok = program != null;
            }
        } catch (Throwable t) {
            report(diags);
            return new Outcome(null, internalError(t));
        }
        report(diags);
        if (diags.hasErrors()) return new Outcome(null, EXIT_ERRORS);
        if (denyWarnings && diags.warningCount() > 0) {
            int n = diags.warningCount();
            err.println("ngnc: error: " + n + (n == 1 ? " warning" : " warnings")
                    + " and --deny-warnings: nothing " + (checkOnly ? "passes" : "is written or run"));
            return new Outcome(null, EXIT_ERRORS);
        }
        if (!ok) {
            err.println("ngnc: internal compiler error: the compiler reported no error but produced no program");
            return new Outcome(null, EXIT_INTERNAL);
        }
        return new Outcome(program, EXIT_OK);
    }

    /** Beyond this many, a generated or garbled file's diagnostics are counted, not printed (the first ones matter). */
    static final int MAX_DIAGNOSTICS_SHOWN = 100;

    /** Prints every diagnostic, then a summary line such as {@code 1 error} or {@code 2 errors, 1 warning}. */
    private void report(Diagnostics diags) {
        if (diags.all().isEmpty()) return;
        int errors = 0;
        int warnings = 0;
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (Diagnostic d : diags.inSourceOrder()) {
            if (shown++ < MAX_DIAGNOSTICS_SHOWN) text.append(DiagnosticRenderer.render(d));
            if (d.severity() == Severity.ERROR) errors++; else warnings++;
        }
        if (shown > MAX_DIAGNOSTICS_SHOWN) {
            text.append("… and ").append(shown - MAX_DIAGNOSTICS_SHOWN).append(" more not shown\n");
        }
        List<String> parts = new ArrayList<>();
        if (errors > 0) parts.add(errors + (errors == 1 ? " error" : " errors"));
        if (warnings > 0) parts.add(warnings + (warnings == 1 ? " warning" : " warnings"));
        text.append(String.join(", ", parts)).append('\n');
        err.print(text);
        err.flush();
    }

    /** Loads the generated classes in a child loader of the runtime's loader and calls {@code main(String[])}. */
    private int runInThisJvm(CompiledProgram program, String[] programArgs) {
        if (Boolean.getBoolean("ngnc.train")) warmUpHttpServer();
        ClassLoader parent;
        try {
            parent = dev.ngnc.driver.LlmRuntime.parentFor(program, Ngnc.class.getClassLoader());
        } catch (java.io.IOException e) {
            err.println("ngnc: error: cannot load the tbx::llm runtime: " + e.getMessage());
            return EXIT_ERRORS;
        }
        dev.ngnc.driver.ProgramClassLoader loader = new dev.ngnc.driver.ProgramClassLoader(program.classes(), parent);
        MethodHandle main;
        try {
            Class<?> mainClass = Class.forName(program.mainClass().replace('/', '.'), false, loader);
            main = MethodHandles.publicLookup().findStatic(mainClass, "main", MethodType.methodType(void.class, String[].class));
        } catch (ReflectiveOperationException | LinkageError e) {
            return internalError(e);
        }
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader);
        try {
            main.invokeExact(programArgs);
        } catch (Throwable t) {
            // runtime-lib's Rt.runMain reports runtime errors itself; anything arriving here escaped it.
            System.out.flush();
            err.println("ngnc: error: the program stopped with an uncaught " + t);
            trace(t);
            return EXIT_ERRORS;
        } finally {
            current.setContextClassLoader(previous);
        }
        System.out.flush();
        programReturned = true;
        return EXIT_OK;
    }

    /**
     * Start-up cache training run of bin/ngnc ({@code -Dngnc.train=true}): also start and query an HTTP
     * server once, so that its classes (runtime-http, Helidon, fetch) are in the cache too.
     */
    private static void warmUpHttpServer() {
        try {
            Class.forName(RtApi.binaryName("HttpServer")).getMethod("warmUp").invoke(null);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // training only: a failure just leaves these classes out of the cache
        }
    }

    private int internalError(Throwable t) {
        err.println("ngnc: internal compiler error: " + t);
        StackTraceElement[] st = t.getStackTrace();
        if (st.length > 0) err.println("  at " + st[0]);
        err.println("This is a bug in ngnc. Set NGNC_TRACE=1 to see the full stack trace.");
        trace(t);
        return EXIT_INTERNAL;
    }

    private void trace(Throwable t) {
        String v = System.getenv("NGNC_TRACE");
        if (v != null && !v.isEmpty() && !v.equals("0")) t.printStackTrace(err);
    }

    static String defaultJarName(String source) {
        String name = Path.of(source).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".jar";
    }

    private static boolean sameFile(Path out, String source) {
        try {
            Path src = Path.of(source);
            return Files.exists(out) && Files.exists(src) && Files.isSameFile(out, src);
        } catch (IOException | InvalidPathException e) {
            return false;
        }
    }

    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof FileSystemException fse && fse.getReason() != null) return fse.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** {@code --version}: the Maven project version and the Java running ngnc. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                    "ngnc " + Version.get(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor", "?") + ", " + System.getProperty("java.home") + ")"
            };
        }
    }
}
