package dev.ngnc.plugin;

import dev.ngnc.diag.Diagnostic;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.diag.Severity;
import dev.ngnc.driver.CompiledProgram;
import dev.ngnc.driver.Compiler;
import dev.ngnc.jar.JarBuilder;
import dev.ngnc.jar.LauncherGenerator;
import dev.ngnc.jar.RuntimeClasses;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiler side of ngn-maven-plugin. The plugin runs in Maven's JVM, which may be older than the compiler
 * needs (Java 17), so it never loads compiler classes: it starts this class in a JVM 21+ with the compiler's
 * jars on the class path and relays what it prints to Maven's log.
 *
 * <p>Commands (arguments are paths; one command per JVM):
 * <ul>
 *   <li>{@code compile ENTRY OUTDIR}: the program's classes, the runtime library (plus runtime-http for a server)
 *   and the launcher into OUTDIR;</li>
 *   <li>{@code jar OUTDIR JAR MAINCLASS CLASSLIST}: the runnable jar from classes compile wrote (CLASSLIST: a file
 *   with one internal class name per line);</li>
 *   <li>{@code test TESTDIR REPORTSDIR TIMEOUT FILE...}: runs test programs ({@link TestRun}).</li>
 * </ul>
 *
 * <p>Protocol on stdout, one record per line: {@code I|W|E|D text} (a log line at that level), {@code R key value}
 * (a result: {@code main NAME}, {@code class NAME}), {@code F message} (why the goal fails). Exit status 0: done;
 * 1: the build fails with the {@code F} message; anything else: an internal error (its text on stderr).
 */
public final class PluginWorker {
    /** Records go here, not to System.out: test programs running in this JVM have System.out redirected. */
    final PrintStream channel;

    PluginWorker(PrintStream channel) {
        this.channel = channel;
    }

    public static void main(String[] args) {
        PrintStream channel = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        int status;
        try {
            status = new PluginWorker(channel).run(args);
        } catch (IOException e) {
            channel.println("F " + e);
            status = 1;
        }
        channel.flush();
        System.exit(status);
    }

    int run(String[] a) throws IOException {
        if (a.length == 0) throw new IllegalArgumentException("no command");
        return switch (a[0]) {
            case "compile" -> compile(Path.of(a[1]), Path.of(a[2]));
            case "jar" -> jar(Path.of(a[1]), Path.of(a[2]), a[3], Path.of(a[4]));
            case "test" -> new TestRun(this, Path.of(a[1]), Path.of(a[2]), Long.parseLong(a[3]))
                    .run(Arrays.stream(a, 4, a.length).map(Path::of).toList());
            default -> throw new IllegalArgumentException("unknown command " + a[0]);
        };
    }

    /** A log record; each line of a multi-line text becomes its own record at the same level. */
    void log(char level, String text) {
        for (String line : text.split("\n", -1)) channel.println(level + " " + line);
    }

    void fail(String message) {
        channel.println("F " + message.replace('\n', ' '));
    }

    void diagnostics(Diagnostics diags) {
        for (Diagnostic d : diags.inSourceOrder()) log(d.severity() == Severity.ERROR ? 'E' : 'W', MavenFormat.format(d));
    }

    private int compile(Path entry, Path outDir) throws IOException {
        Diagnostics diags = new Diagnostics();
        Path abs = entry.toAbsolutePath().normalize();
        CompiledProgram program = Compiler.compile(abs, abs.toString(), diags);
        diagnostics(diags);
        if (program == null || diags.hasErrors()) {
            fail("ngn compilation failed with " + MavenFormat.summary(diags.all()));
            return 1;
        }
        RuntimeClasses runtime = RuntimeClasses.locate();
        for (Map.Entry<String, byte[]> c : program.classes().entrySet()) write(outDir.resolve(c.getKey() + ".class"), c.getValue());
        writeChanged(outDir, runtime.entries());
        if (program.usesHttpServer()) writeChanged(outDir, runtime.httpEntries()); // tbx::http server
        if (program.usesLlm()) writeChanged(outDir, runtime.llmEntries()); // tbx::llm (llama.cpp)
        write(outDir.resolve(LauncherGenerator.LAUNCHER_CLASS + ".class"), LauncherGenerator.generate(program.mainClass()));
        channel.println("R main " + program.mainClass());
        for (String c : program.classes().keySet()) channel.println("R class " + c);
        return 0;
    }

    private int jar(Path outDir, Path jar, String mainClass, Path classList) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        List<String> names = Files.readAllLines(classList, StandardCharsets.UTF_8).stream().filter(s -> !s.isBlank()).toList();
        for (String c : names) classes.put(c, Files.readAllBytes(outDir.resolve(c + ".class")));
        Files.createDirectories(jar.toAbsolutePath().getParent());
        JarBuilder.write(new CompiledProgram(mainClass, classes), RuntimeClasses.locate(), jar);
        return 0;
    }

    static void write(Path f, byte[] data) throws IOException {
        Files.createDirectories(f.getParent());
        Files.write(f, data);
    }

    /** Writes jar-style entries under {@code dir}, skipping files that are already identical (keeps mtimes stable). */
    static void writeChanged(Path dir, Map<String, byte[]> entries) throws IOException {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            Path f = dir.resolve(e.getKey());
            if (Files.isRegularFile(f) && Files.size(f) == e.getValue().length && Arrays.equals(Files.readAllBytes(f), e.getValue())) {
                continue;
            }
            write(f, e.getValue());
        }
    }
}
