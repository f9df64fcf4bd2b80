package dev.ngnc.lsp;

import dev.ngnc.check.SymbolIndex;
import dev.ngnc.diag.Severity;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The ngn language server. All state (buffers, analyses) is touched only on one worker thread, so requests and the
 * debounced checks never race; a request that fails answers with an LSP error and the server keeps serving.
 */
public final class NgnLanguageServer implements LanguageServer, LanguageClientAware, TextDocumentService,
        WorkspaceService {
    /** Quiet time after an edit before the document is checked and its diagnostics published. */
    private final long debounceMillis;
    private final Runnable onExit;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "ngnc-lsp-worker"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ngnc-lsp-debounce"));
    private final Map<Path, String> texts = new HashMap<>();
    private final Map<Path, Integer> versions = new HashMap<>();
    private final Map<Path, Analysis> analyses = new HashMap<>();
    private final Map<Path, ScheduledFuture<?>> pending = new HashMap<>();
    /** Files each entry last published diagnostics for, so that fixed files get an empty list. */
    private final Map<Path, Set<Path>> published = new HashMap<>();
    /** Files each open document's last published analysis read (itself and its imports): its dependencies. */
    private final Map<Path, Set<Path>> reads = new HashMap<>();
    private final List<Path> roots = new ArrayList<>();
    private LanguageClient client;

    public NgnLanguageServer(long debounceMillis, Runnable onExit) {
        this.debounceMillis = debounceMillis;
        this.onExit = onExit;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override public void connect(LanguageClient client) { this.client = client; }

    @Override public TextDocumentService getTextDocumentService() { return this; }

    @Override public WorkspaceService getWorkspaceService() { return this; }

    // ---- lifecycle --------------------------------------------------------------------------

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        return on(() -> {
            if (params.getWorkspaceFolders() != null) {
                for (WorkspaceFolder f : params.getWorkspaceFolders()) addRoot(f.getUri());
            } else if (params.getRootUri() != null) {
                addRoot(params.getRootUri());
            }
            ServerCapabilities caps = new ServerCapabilities();
            caps.setTextDocumentSync(TextDocumentSyncKind.Full);
            caps.setHoverProvider(true);
            caps.setDefinitionProvider(true);
            caps.setReferencesProvider(true);
            caps.setRenameProvider(true);
            caps.setCompletionProvider(new CompletionOptions(false, List.of(".", ":", "{", "\"")));
            caps.setSignatureHelpProvider(new SignatureHelpOptions(List.of("(", ",")));
            caps.setDocumentSymbolProvider(true);
            caps.setSemanticTokensProvider(new SemanticTokensWithRegistrationOptions(Outline.legend(), true));
            caps.setDocumentFormattingProvider(true);
            return new InitializeResult(caps, new ServerInfo("ngnc", dev.ngnc.cli.Version.get()));
        });
    }

    private void addRoot(String uri) {
        try {
            Path p = Path.of(URI.create(uri));
            roots.add(SymbolIndex.keyOf(p));
        } catch (RuntimeException e) {
            // not a file: workspace; then no file is inside the workspace, and requests on files are refused
        }
    }

    @Override public CompletableFuture<Object> shutdown() { return on(() -> null); }

    @Override
    public void exit() {
        timer.shutdownNow();
        worker.shutdownNow();
        onExit.run();
    }

    // ---- documents --------------------------------------------------------------------------

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        TextDocumentItem doc = params.getTextDocument();
        worker.execute(() -> {
            Path p = pathOrNull(doc.getUri());
            if (p == null) return; // not ours: notifications get no answer, so it is ignored
            texts.put(p, doc.getText() == null ? "" : doc.getText());
            versions.put(p, doc.getVersion());
            schedule(p);
        });
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        worker.execute(() -> {
            Path p = pathOrNull(params.getTextDocument().getUri());
            if (p == null || params.getContentChanges() == null || params.getContentChanges().isEmpty()) return;
            TextDocumentContentChangeEvent last = params.getContentChanges().get(params.getContentChanges().size() - 1);
            if (last.getRange() != null || last.getText() == null) return; // full sync only, as advertised
            texts.put(p, last.getText());
            versions.put(p, params.getTextDocument().getVersion());
            schedule(p);
        });
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        worker.execute(() -> {
            Path p = pathOrNull(params.getTextDocument().getUri());
            if (p == null) return;
            texts.remove(p);
            versions.remove(p);
            analyses.remove(p);
            reads.remove(p);
            Set<Path> was = published.remove(p);
            if (was != null && client != null) {
                for (Path f : was) client.publishDiagnostics(new PublishDiagnosticsParams(f.toUri().toString(), List.of()));
            }
            schedule(p); // open documents importing p read it from the disk now
        });
    }

    @Override public void didSave(DidSaveTextDocumentParams params) { }

    @Override public void didChangeConfiguration(DidChangeConfigurationParams params) { }

    @Override public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) { }

    private void schedule(Path p) {
        // the analyses that read p are stale now (p's own, and those of the open documents importing it); the
        // others stay valid: an analysis reads only its entry and what that imports
        analyses.values().removeIf(a -> a.diagnostics().containsKey(p));
        if (texts.containsKey(p)) debounce(p);
        for (Map.Entry<Path, Set<Path>> e : reads.entrySet()) {
            if (!e.getKey().equals(p) && e.getValue().contains(p) && texts.containsKey(e.getKey())) debounce(e.getKey());
        }
    }

    private void debounce(Path p) {
        ScheduledFuture<?> old = pending.remove(p);
        if (old != null) old.cancel(false);
        pending.put(p, timer.schedule(() -> worker.execute(() -> publish(p)), debounceMillis, TimeUnit.MILLISECONDS));
    }

    private void publish(Path p) {
        if (!texts.containsKey(p)) return;
        Analysis a;
        try {
            a = analysis(p);
        } catch (RuntimeException | StackOverflowError e) {
            log("checking " + p + " failed: " + e);
            return;
        }
        Set<Path> now = new HashSet<>();
        for (Map.Entry<Path, List<dev.ngnc.diag.Diagnostic>> e : a.diagnostics().entrySet()) {
            // another open document publishes its own diagnostics (checked as itself, not as p's import)
            if (!e.getKey().equals(p) && texts.containsKey(e.getKey())) continue;
            String text = a.textOf(e.getKey());
            LineMap lines = new LineMap(text == null ? "" : text);
            List<Diagnostic> out = new ArrayList<>();
            for (dev.ngnc.diag.Diagnostic d : e.getValue()) out.add(toLsp(lines, d));
            now.add(e.getKey());
            if (client != null) client.publishDiagnostics(new PublishDiagnosticsParams(e.getKey().toUri().toString(), out));
        }
        reads.put(p, a.files());
        Set<Path> before = published.put(p, now);
        if (before != null && client != null) {
            for (Path f : before) {
                if (!now.contains(f) && (f.equals(p) || !texts.containsKey(f))) client.publishDiagnostics(new PublishDiagnosticsParams(f.toUri().toString(), List.of()));
            }
        }
    }

    private static Diagnostic toLsp(LineMap lines, dev.ngnc.diag.Diagnostic d) {
        int start = d.span() == null ? 0 : d.span().start();
        int end = d.span() == null ? 0 : Math.max(start, d.span().end());
        String message = d.hint() == null || d.hint().isEmpty() ? d.fullMessage() : d.fullMessage() + "\nhint: " + d.hint();
        Diagnostic out = new Diagnostic(lines.range(start, end), message,
                d.severity() == Severity.WARNING ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, "ngnc");
        // editors fade unused or unreachable code instead of only underlining it
        if (d.tag() == dev.ngnc.diag.Diagnostic.Tag.UNNECESSARY) out.setTags(List.of(DiagnosticTag.Unnecessary));
        return out;
    }

    /** The current analysis of {@code p}: rechecked when the buffer changed since (or first read from disk). */
    private Analysis analysis(Path p) {
        String text = texts.get(p);
        if (text == null) {
            try {
                text = Files.readString(p);
            } catch (Exception e) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                        "cannot read " + p + ": " + e.getMessage(), null));
            }
            Map<Path, String> withDisk = new HashMap<>(texts);
            withDisk.put(p, text);
            return Analysis.run(p, -1, withDisk);
        }
        int version = versions.getOrDefault(p, 0);
        Analysis a = analyses.get(p);
        if (a == null || a.version() != version || !a.file().text().equals(text)) {
            a = Analysis.run(p, version, texts);
            analyses.put(p, a);
        }
        return a;
    }

    // ---- requests ---------------------------------------------------------------------------

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return at(params.getTextDocument(), params.getPosition(), (a, p, o) -> Navigation.hover(a, p, o));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        return at(params.getTextDocument(), params.getPosition(), (a, p, o) -> Either.forLeft(Navigation.definition(a, p, o)));
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        boolean decl = params.getContext() == null || params.getContext().isIncludeDeclaration();
        return at(params.getTextDocument(), params.getPosition(), (a, p, o) -> Navigation.references(a, p, o, decl));
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        return at(params.getTextDocument(), params.getPosition(),
                (a, p, o) -> Navigation.rename(a, texts, p, o, params.getNewName()));
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return at(params.getTextDocument(), params.getPosition(), (a, p, o) -> {
            List<CompletionItem> items = Completions.complete(a, p, o, variant -> {
                Map<Path, String> copy = new HashMap<>(texts);
                copy.put(p, variant);
                return Analysis.run(p, -1, copy);
            });
            return Either.forLeft(items);
        });
    }

    @Override
    public CompletableFuture<SignatureHelp> signatureHelp(SignatureHelpParams params) {
        return at(params.getTextDocument(), params.getPosition(), Completions::signatureHelp);
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
            DocumentSymbolParams params) {
        return at(params.getTextDocument(), null, (a, p, o) -> {
            List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
            for (DocumentSymbol s : Outline.symbols(a, p)) out.add(Either.forRight(s));
            return out;
        });
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        return at(params.getTextDocument(), null, (a, p, o) -> Outline.tokens(a, p));
    }

    /**
     * The whole document in {@code ngnc fmt}'s layout, as one edit (none when it is already formatted). A buffer that
     * does not parse is refused with the first syntax error, as {@code ngnc fmt} refuses to rewrite such a file.
     */
    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        return on(() -> {
            TextDocumentIdentifier doc = params.getTextDocument();
            if (doc == null || doc.getUri() == null) throw Navigation.refused("missing textDocument");
            Path p = path(doc.getUri());
            String text = texts.get(p);
            if (text == null) {
                try {
                    text = Files.readString(p);
                } catch (Exception e) {
                    throw Navigation.refused("cannot read " + p + ": " + e.getMessage());
                }
            }
            dev.ngnc.fmt.FormatResult r = dev.ngnc.fmt.Formatter.format(
                    new dev.ngnc.source.SourceFile(p.getFileName().toString(), p, text));
            if (!r.ok()) {
                dev.ngnc.diag.Diagnostic first = r.diagnostics().isEmpty() ? null : r.diagnostics().get(0);
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed,
                        "not formatted: " + (first == null ? "the file does not parse"
                                : "line " + first.span().line() + ": " + first.fullMessage()), null));
            }
            if (r.text().equals(text)) return List.of();
            LineMap lines = new LineMap(text);
            return List.of(new TextEdit(lines.range(0, text.length()), r.text()));
        });
    }

    interface Feature<T> { T apply(Analysis a, Path file, int offset); }

    /** Runs a request for a document position on the worker, turning any failure into that request's LSP error. */
    private <T> CompletableFuture<T> at(TextDocumentIdentifier doc, Position position, Feature<T> feature) {
        return on(() -> {
            if (doc == null || doc.getUri() == null) throw Navigation.refused("missing textDocument");
            Path p = path(doc.getUri());
            Analysis a = analysis(p);
            int offset = position == null ? 0 : new LineMap(a.textOf(p)).offset(position);
            return feature.apply(a, p, offset);
        });
    }

    private <T> CompletableFuture<T> on(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            worker.execute(() -> {
                try {
                    f.complete(work.get());
                } catch (ResponseErrorException e) {
                    f.completeExceptionally(e);
                } catch (RuntimeException | StackOverflowError | AssertionError | NoClassDefFoundError e) {
                    log("internal error: " + e);
                    f.completeExceptionally(new ResponseErrorException(new ResponseError(
                            ResponseErrorCode.InternalError, "ngnc lsp: internal error: " + e, null)));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            f.completeExceptionally(new ResponseErrorException(new ResponseError(
                    ResponseErrorCode.InternalError, "the server is shutting down", null)));
        }
        return f;
    }

    /** The file a request is about: a {@code file:} URI inside the workspace, else an InvalidParams error. */
    private Path path(String uri) {
        URI u;
        try {
            u = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw Navigation.refused("not a URI: " + uri);
        }
        if (!"file".equalsIgnoreCase(u.getScheme())) throw Navigation.refused("only file: URIs are served, not " + uri);
        Path p;
        try {
            p = SymbolIndex.keyOf(Path.of(u));
        } catch (RuntimeException e) {
            throw Navigation.refused("not a file path: " + uri);
        }
        if (!roots.isEmpty() && roots.stream().noneMatch(p::startsWith)) {
            throw Navigation.refused(uri + " is outside the workspace");
        }
        return p;
    }

    private Path pathOrNull(String uri) {
        try {
            return uri == null ? null : path(uri);
        } catch (ResponseErrorException e) {
            log("ignored: " + e.getMessage());
            return null;
        }
    }

    private void log(String message) {
        if (client != null) client.logMessage(new MessageParams(MessageType.Log, message));
    }
}
