package dev.ngnc.lsp;

import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Latency of the language server on a generated 2,000-line program, driven by a real lsp4j client over pipes (as in
 * {@link LspServerTest}). Not a test: run by {@code bench/lsp.sh}. Arguments: {@code [--iterations N] [--warmup N]
 * [--dump FILE]} ({@code --dump} only writes the program and exits, so the script can {@code ngnc check} it).
 */
public final class LspLatencyBenchmark {
    static final int UNITS = 50; // 40 lines each

    /** One unit: a model, an enum, a function with locals, a loop, a match and string interpolation. */
    static String unit(int i) {
        return """
                model Item%1$d {
                  id: i64,
                  name: string,
                  price: i64,
                  qty: i64
                }

                enum Kind%1$d {
                  Small%1$d,
                  Large%1$d(i64)
                }

                fn classify%1$d(n: i64): Kind%1$d {
                  if (n > 100) {
                    return Large%1$d(n)
                  }
                  return Small%1$d
                }

                fn total%1$d(items: array<Item%1$d>, limit: i64): i64 {
                  var sum = 0
                  for (it in items) {
                    const line = it.price * it.qty
                    if (line > limit) {
                      sum += limit
                    } : {
                      sum += line
                    }
                  }
                  return sum
                }

                fn report%1$d(item: Item%1$d): string {
                  const kind = classify%1$d(item.price * item.qty)
                  var label = ""
                  match (kind) {
                    Small%1$d => label = "small ${item.name}",
                    Large%1$d(v) => label = "large ${item.name}: ${v}"
                  }
                  return "${label} (id ${item.id})"
                }

                """.formatted(i);
    }

    static String program() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < UNITS; i++) sb.append(unit(i));
        sb.append("fn main() {\n");
        sb.append("  var items: array<Item0> = []\n");
        sb.append("  for (i in 1..10) {\n");
        sb.append("    items.push(Item0 { id: i, name: \"item ${i}\", price: i * 7, qty: i })\n");
        sb.append("  }\n");
        sb.append("  const first = items[0]\n");
        sb.append("  print(total0(items, 50))\n");
        sb.append("  print(report0(first))\n");
        sb.append("}\n");
        return sb.toString();
    }

    static Position at(String text, String needle, int plus) {
        int i = text.indexOf(needle);
        if (i < 0) throw new IllegalStateException("not in the program: " + needle);
        i += plus;
        String before = text.substring(0, i);
        int line = (int) before.chars().filter(c -> c == '\n').count();
        return new Position(line, i - (before.lastIndexOf('\n') + 1));
    }

    interface Op { void run(int iteration) throws Exception; }

    public static void main(String[] args) throws Exception {
        try {
            bench(args);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1); // lsp4j's listener threads would keep the JVM alive
        }
        System.exit(0);
    }

    static void bench(String[] args) throws Exception {
        int iterations = 50, warmup = 30;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--dump" -> { Files.writeString(Path.of(args[++i]), program()); return; }
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        String text = program();
        Path dir = Files.createTempDirectory("ngnc-lsp-bench");
        Path file = dir.resolve("main.ngn");
        Files.writeString(file, text);
        String uri = file.toUri().toString();

        PipedInputStream serverIn = new PipedInputStream(1 << 20);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 20);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        LspServer.start(serverIn, serverOut, 0, () -> { }); // debounce 0: didChange→diagnostics is the check itself
        LinkedBlockingQueue<PublishDiagnosticsParams> diags = new LinkedBlockingQueue<>();
        LanguageClient client = new LanguageClient() {
            @Override public void telemetryEvent(Object object) { }
            @Override public void publishDiagnostics(PublishDiagnosticsParams p) { diags.add(p); }
            @Override public void showMessage(MessageParams m) { }
            @Override public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams r) { return null; }
            @Override public void logMessage(MessageParams m) { System.err.println("server: " + m.getMessage()); }
        };
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientIn, clientOut);
        launcher.startListening();
        LanguageServer server = launcher.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "bench")));
        server.initialize(init).get(60, TimeUnit.SECONDS);
        var docs = server.getTextDocumentService();
        var doc = new TextDocumentIdentifier(uri);

        long t0 = System.nanoTime();
        docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "ngn", 1, text)));
        PublishDiagnosticsParams first = diags.poll(120, TimeUnit.SECONDS);
        double openMs = (System.nanoTime() - t0) / 1e6;
        if (first == null) throw new IllegalStateException("no diagnostics after didOpen");
        if (!first.getDiagnostics().isEmpty()) {
            throw new IllegalStateException("the generated program has diagnostics: " + first.getDiagnostics().get(0));
        }

        // positions in the middle of the file (unit 25)
        int mid = UNITS / 2;
        // hover on the local `kind` in report<mid>: find it after `fn report<mid>`
        int reportAt = text.indexOf("fn report" + mid + "(");
        Position hoverKind = at(text, "", reportAt + text.substring(reportAt).indexOf("const kind") + 6);
        int totalAt = text.indexOf("fn total" + mid + "(");
        // completion after `.` on `it.` of `it.price` (existing, so the receiver is in the cached index)
        Position dotPos = at(text, "", totalAt + text.substring(totalAt).indexOf("it.price") + 3);
        // go to definition of `classify<mid>` at its call in report<mid>
        Position defPos = at(text, "", reportAt + text.substring(reportAt).indexOf("classify" + mid + "(") + 2);
        // the line the edit benchmarks type into: after `var sum = 0` in total<mid>
        int sumAt = totalAt + text.substring(totalAt).indexOf("var sum = 0\n") + "var sum = 0\n".length();

        // sanity: each request answers what an editor expects
        Hover h = docs.hover(new HoverParams(doc, hoverKind)).get(60, TimeUnit.SECONDS);
        check(h != null && h.getContents().getRight().getValue().contains("Kind" + mid), "hover: " + h);
        var c = docs.completion(new CompletionParams(doc, dotPos)).get(60, TimeUnit.SECONDS).getLeft();
        check(c.stream().anyMatch(ci -> ci.getLabel().equals("qty")), "completion: " + c);
        var d = docs.definition(new DefinitionParams(doc, defPos)).get(60, TimeUnit.SECONDS).getLeft();
        check(d.size() == 1 && d.get(0).getRange().getStart().getLine() == at(text, "fn classify" + mid + "(", 3).getLine(), "definition: " + d);

        int[] version = {1};
        // an edit that keeps the file valid (alternates two texts so every change really changes the buffer)
        String edited = text.substring(0, sumAt) + "  const extra = sum + 1\n" + text.substring(sumAt);
        Op change = i -> {
            diags.clear();
            String t = (i % 2 == 0) ? edited : text;
            long s = System.nanoTime();
            docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, ++version[0]),
                    List.of(new TextDocumentContentChangeEvent(t))));
            PublishDiagnosticsParams p = diags.poll(60, TimeUnit.SECONDS);
            if (p == null) throw new IllegalStateException("no diagnostics after didChange");
            lastChangeNanos = System.nanoTime() - s;
        };
        // typing `.`: the edit adds `  print(it.)` inside the loop, then completion right after the dot (the
        // common editor sequence: didChange, then completion with no idle time; includes the re-check)
        int loopAt = totalAt + text.substring(totalAt).indexOf("    const line");
        String typed = text.substring(0, loopAt) + "    print(it.)\n" + text.substring(loopAt);
        Position typedPos = at(typed, "", loopAt + "    print(it.".length());

        List<String> names = new ArrayList<>();
        List<double[]> results = new ArrayList<>();
        String[] labels = {"hover (local, mid-file)", "completion after `.` (unchanged buffer)",
                "go-to-definition (function)", "didChange -> publishDiagnostics",
                "type `.` -> completion (didChange + completion)"};
        Op[] ops = {
                i -> docs.hover(new HoverParams(doc, hoverKind)).get(60, TimeUnit.SECONDS),
                i -> docs.completion(new CompletionParams(doc, dotPos)).get(60, TimeUnit.SECONDS),
                i -> docs.definition(new DefinitionParams(doc, defPos)).get(60, TimeUnit.SECONDS),
                change,
                i -> {
                    diags.clear();
                    long s = System.nanoTime();
                    docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, ++version[0]),
                            List.of(new TextDocumentContentChangeEvent(typed))));
                    var items = docs.completion(new CompletionParams(doc, typedPos)).get(60, TimeUnit.SECONDS).getLeft();
                    lastChangeNanos = System.nanoTime() - s;
                    if (items.stream().noneMatch(ci -> ci.getLabel().equals("qty"))) throw new IllegalStateException("no qty: " + items);
                    // back to the valid text, and wait until its check has been published (not timed)
                    docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, ++version[0]),
                            List.of(new TextDocumentContentChangeEvent(text))));
                    drainUntilQuiet(diags);
                },
        };
        for (int k = 0; k < ops.length; k++) {
            // after the edit benchmarks the buffer is `text` again, re-analysed by the first request
            for (int i = 0; i < warmup; i++) run(ops[k], i, k);
            double[] ms = new double[iterations];
            for (int i = 0; i < iterations; i++) ms[i] = run(ops[k], i, k) / 1e6;
            names.add(labels[k]);
            results.add(ms);
            if (k == 3 && iterations % 2 == 1) { // leave the buffer as `text`
                change.run(1);
            }
            // make sure the buffer is `text` and analysed before the next operation
            docs.hover(new HoverParams(doc, hoverKind)).get(60, TimeUnit.SECONDS);
            drainUntilQuiet(diags);
        }

        System.out.printf("ngnc lsp latency: %d-line program (%d chars), %d iterations after %d warm-up, debounce 0 ms, %d CPUs, %s%n",
                text.lines().count(), text.length(), iterations, warmup, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        System.out.printf("first didOpen -> publishDiagnostics (cold JVM): %.1f ms%n", openMs);
        System.out.printf("%-48s %9s %9s %9s %9s%n", "operation", "median", "p90", "min", "max");
        for (int k = 0; k < names.size(); k++) {
            double[] ms = results.get(k).clone();
            Arrays.sort(ms);
            System.out.printf("%-48s %7.2f ms %6.2f ms %6.2f ms %6.2f ms%n", names.get(k), pct(ms, 50), pct(ms, 90), ms[0], ms[ms.length - 1]);
        }
        server.shutdown().get(20, TimeUnit.SECONDS);
        server.exit();
    }

    static long lastChangeNanos;

    /** Times one operation; the edit operations time themselves (from the send to the answer). */
    static long run(Op op, int i, int k) throws Exception {
        lastChangeNanos = -1;
        long s = System.nanoTime();
        op.run(i);
        long e = System.nanoTime() - s;
        return lastChangeNanos >= 0 ? lastChangeNanos : e;
    }

    static void drainUntilQuiet(LinkedBlockingQueue<PublishDiagnosticsParams> q) throws InterruptedException {
        while (q.poll(200, TimeUnit.MILLISECONDS) != null) { }
    }

    /** Nearest-rank percentile of a sorted array. */
    static double pct(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static void check(boolean ok, String what) {
        if (!ok) throw new IllegalStateException("unexpected answer, " + what);
    }
}
