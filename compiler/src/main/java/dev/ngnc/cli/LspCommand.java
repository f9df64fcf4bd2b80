package dev.ngnc.cli;

import dev.ngnc.lsp.LspServer;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/** {@code ngnc lsp}: the language server on stdin/stdout (see docs/lsp.md). */
@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = "Run the ngn language server (LSP over stdin/stdout).")
final class LspCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        var listening = LspServer.start(System.in, System.out, LspServer.DEBOUNCE_MS, () -> System.exit(0));
        try {
            listening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            System.err.println("ngnc lsp: connection ended: " + e.getCause());
        }
        return 0;
    }
}
