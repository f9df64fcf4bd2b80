package dev.ngnc.maven;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * Runs the compiler's {@code dev.ngnc.plugin.PluginWorker} in a forked JVM 21+ and reads its records (see that
 * class): log lines go to {@code log} as they arrive, results and the failure message are collected.
 * Maven-independent (unit-tested with a stand-in worker).
 */
final class CompilerFork {
    static final String WORKER = "dev.ngnc.plugin.PluginWorker";

    /** What the worker reported: its exit status, {@code R key value} results, the {@code F} message, its stderr. */
    record Outcome(int exit, List<String[]> results, String failure, String stderr) {
        List<String> values(String key) {
            List<String> out = new ArrayList<>();
            for (String[] r : results) if (r[0].equals(key)) out.add(r[1]);
            return out;
        }
    }

    private CompilerFork() {}

    /**
     * @param java      the launcher of a JDK 21+
     * @param jvmArgs   extra JVM options (argLine)
     * @param classPath the compiler's jars (the plugin's dependencies)
     * @param workDir   the forked JVM's working directory
     * @param log       receives (level I/W/E/D, text)
     */
    static Outcome run(Path java, List<String> jvmArgs, List<File> classPath, File workDir, List<String> args,
                       BiConsumer<Character, String> log) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.add("--add-exports");
        cmd.add("java.base/jdk.internal.vm=ALL-UNNAMED"); // fibers of test programs run on JDK continuations
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        StringBuilder cp = new StringBuilder();
        for (File f : classPath) {
            if (cp.length() > 0) cp.append(File.pathSeparator);
            cp.append(f.getAbsolutePath());
        }
        cmd.add(cp.toString());
        cmd.add(WORKER);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir);
        pb.environment().remove("JAVA_TOOL_OPTIONS"); // its "Picked up ..." line would be mistaken for a record
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        List<String[]> results = new ArrayList<>();
        String failure = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.length() < 2 || line.charAt(1) != ' ') {
                    log.accept('I', line); // not a record (something printed to the real stdout): shown as is
                    continue;
                }
                char kind = line.charAt(0);
                String text = line.substring(2);
                switch (kind) {
                    case 'R' -> {
                        int sp = text.indexOf(' ');
                        results.add(sp < 0 ? new String[] {text, ""} : new String[] {text.substring(0, sp), text.substring(sp + 1)});
                    }
                    case 'F' -> failure = text;
                    case 'I', 'W', 'E', 'D' -> log.accept(kind, text);
                    default -> log.accept('I', line);
                }
            }
        }
        int exit = p.waitFor();
        return new Outcome(exit, results, failure, err.join());
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
