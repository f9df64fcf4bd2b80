package dev.ngnc.lsp;

import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Drives {@code ngnc lsp}'s server through a real lsp4j client over piped streams, as an editor would. */
class LspServerTest {
    @TempDir Path dir;
    LanguageServer server;
    final Map<String, CompletableFuture<PublishDiagnosticsParams>> diagnostics = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        LspServer.start(serverIn, serverOut, 10, () -> { });
        LanguageClient client = new LanguageClient() {
            @Override public void telemetryEvent(Object object) { }
            @Override public void publishDiagnostics(PublishDiagnosticsParams p) {
                diagnostics.computeIfAbsent(p.getUri(), k -> new CompletableFuture<>()).complete(p);
            }
            @Override public void showMessage(MessageParams m) { }
            @Override public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams r) { return null; }
            @Override public void logMessage(MessageParams m) { }
        };
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientIn, clientOut);
        launcher.startListening();
        server = launcher.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "w")));
        server.initialize(init).get(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception { server.shutdown().get(20, TimeUnit.SECONDS); }

    private String open(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        String uri = p.toUri().toString();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "ngn", 1, text)));
        return uri;
    }

    private PublishDiagnosticsParams awaitDiagnostics(String uri) throws Exception {
        return diagnostics.computeIfAbsent(uri, k -> new CompletableFuture<>()).get(30, TimeUnit.SECONDS);
    }

    private static Position at(String text, String needle) {
        int i = text.indexOf(needle);
        String before = text.substring(0, i);
        int line = (int) before.chars().filter(c -> c == '\n').count();
        return new Position(line, i - (before.lastIndexOf('\n') + 1));
    }

    static final String PROGRAM = """
            model Point {
              x: i64,
              y: i64
            }
            fn dist(p: Point, scale: i64): i64 {
              return p.x * scale + p.y
            }
            fn main() {
              const origin = Point { x: 1, y: 2 }
              const total = dist(origin, 3)
              print(total)
            }
            """;

    @Test
    void hoverShowsTheInferredTypeOfALocalAndTheSignatureOfAFunction() throws Exception {
        String uri = open("main.ngn", PROGRAM);
        var doc = new TextDocumentIdentifier(uri);
        Hover local = server.getTextDocumentService().hover(new HoverParams(doc, at(PROGRAM, "total)"))).get(30, TimeUnit.SECONDS);
        assertTrue(local.getContents().getRight().getValue().contains("total: i64"), local.toString());
        Hover fn = server.getTextDocumentService().hover(new HoverParams(doc, at(PROGRAM, "dist(origin"))).get(30, TimeUnit.SECONDS);
        assertTrue(fn.getContents().getRight().getValue().contains("fn dist(p: Point, scale: i64): i64"), fn.toString());
    }

    @Test
    void definitionOfAFieldUseJumpsToTheModelField() throws Exception {
        String uri = open("main.ngn", PROGRAM);
        var defs = server.getTextDocumentService().definition(new DefinitionParams(new TextDocumentIdentifier(uri),
                at(PROGRAM, "y\n}"))).get(30, TimeUnit.SECONDS).getLeft();
        // from the use `p.y` (second occurrence) to the declaration `y: i64` on line 2
        var use = server.getTextDocumentService().definition(new DefinitionParams(new TextDocumentIdentifier(uri),
                new Position(5, PROGRAM.lines().toList().get(5).indexOf("p.y") + 2))).get(30, TimeUnit.SECONDS).getLeft();
        assertEquals(1, use.size());
        assertEquals(new Position(2, 2), use.get(0).getRange().getStart());
        assertEquals(uri, use.get(0).getUri());
        assertFalse(defs.isEmpty());
    }

    @Test
    void errorInAnImportedModuleIsPublishedOnItsUriAndDefinitionJumpsIntoIt() throws Exception {
        Path lib = dir.resolve("lib.ngn");
        Files.writeString(lib, "export fn twice(n: i64): i64 {\n  return n * 2\n}\nexport fn bad(): i64 {\n  return \"no\"\n}\n");
        String main = "import { twice } from \"./lib.ngn\"\nfn main() {\n  print(twice(4))\n}\n";
        String uri = open("main.ngn", main);
        PublishDiagnosticsParams libDiags = awaitDiagnostics(lib.toUri().toString());
        assertFalse(libDiags.getDiagnostics().isEmpty(), "the module's error is reported on lib.ngn");
        assertEquals(4, libDiags.getDiagnostics().get(0).getRange().getStart().getLine());
        // fixed in the editor: the module's diagnostics are cleared, and its names resolve again
        String fixed = "export fn twice(n: i64): i64 {\n  return n * 2\n}\n";
        diagnostics.remove(lib.toUri().toString());
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(lib.toUri().toString(), "ngn", 1, fixed)));
        assertTrue(awaitDiagnostics(lib.toUri().toString()).getDiagnostics().isEmpty());
        var def = server.getTextDocumentService().definition(new DefinitionParams(new TextDocumentIdentifier(uri),
                at(main, "twice(4"))).get(30, TimeUnit.SECONDS).getLeft();
        assertEquals(lib.toUri().toString(), def.get(0).getUri());
        assertEquals(new Position(0, 10), def.get(0).getRange().getStart());
    }

    @Test
    void brokenFileStillGetsDiagnosticsAndHoverAndTheServerKeepsServing() throws Exception {
        String text = "fn main() {\n  const n = 41\n  const m: string = n\n  print(n +\n}\n";
        String uri = open("broken.ngn", text);
        PublishDiagnosticsParams d = awaitDiagnostics(uri);
        assertFalse(d.getDiagnostics().isEmpty());
        assertEquals(DiagnosticSeverity.Error, d.getDiagnostics().get(0).getSeverity());
        Hover h = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                at(text, "n = 41"))).get(30, TimeUnit.SECONDS);
        assertTrue(h.getContents().getRight().getValue().contains("n: i64"), h.toString());
    }

    @Test
    void unusedAndUnreachableWarningsAreTaggedUnnecessaryAndOthersAreNot() throws Exception {
        String text = "import { abs, floor } from \"tbx::math\"\nfn half(n: i64, unused: i64): i64 {\n  return n\n}\n"
                + "fn main() {\n  const spare = 1\n  print(abs(half(4, 0)))\n  parse(4)\n}\n"
                + "fn parse(n: i64): Result<i64, string> {\n  return Ok(n)\n  print(\"dead\")\n}\n";
        PublishDiagnosticsParams d = awaitDiagnostics(open("tags.ngn", text));
        Map<String, List<DiagnosticTag>> tags = new java.util.TreeMap<>();
        for (Diagnostic w : d.getDiagnostics()) {
            assertEquals(DiagnosticSeverity.Warning, w.getSeverity(), w.toString());
            tags.put(w.getMessage().lines().findFirst().orElseThrow(), w.getTags() == null ? List.of() : w.getTags());
        }
        assertEquals(Map.of(
                "unused import 'floor'", List.of(DiagnosticTag.Unnecessary),
                "unused parameter 'unused'", List.of(DiagnosticTag.Unnecessary),
                "unused variable 'spare'", List.of(DiagnosticTag.Unnecessary),
                "unreachable code", List.of(DiagnosticTag.Unnecessary),
                "the Result of this expression is ignored", List.of()), tags);
    }

    @Test
    void nonFileUrisAndFilesOutsideTheWorkspaceAreRefusedWithAnLspError() throws Exception {
        var e1 = assertThrows(ExecutionException.class, () -> server.getTextDocumentService().hover(new HoverParams(
                new TextDocumentIdentifier("untitled:Untitled-1"), new Position(0, 0))).get(30, TimeUnit.SECONDS));
        assertInstanceOf(ResponseErrorException.class, e1.getCause());
        var e2 = assertThrows(ExecutionException.class, () -> server.getTextDocumentService().hover(new HoverParams(
                new TextDocumentIdentifier("file:///etc/passwd"), new Position(0, 0))).get(30, TimeUnit.SECONDS));
        assertTrue(e2.getCause().getMessage().contains("outside the workspace"), e2.getCause().getMessage());
        String uri = open("main.ngn", PROGRAM); // still serving
        assertNotNull(server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                at(PROGRAM, "total)"))).get(30, TimeUnit.SECONDS));
    }

    @Test
    void renameToAKeywordIsRefusedAndAValidRenameEditsEveryUse() throws Exception {
        String uri = open("main.ngn", PROGRAM);
        var doc = new TextDocumentIdentifier(uri);
        var e = assertThrows(ExecutionException.class, () -> server.getTextDocumentService()
                .rename(new RenameParams(doc, at(PROGRAM, "origin ="), "while")).get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("keyword"));
        var clash = assertThrows(ExecutionException.class, () -> server.getTextDocumentService()
                .rename(new RenameParams(doc, at(PROGRAM, "origin ="), "total")).get(30, TimeUnit.SECONDS));
        assertInstanceOf(ResponseErrorException.class, clash.getCause());
        WorkspaceEdit edit = server.getTextDocumentService().rename(new RenameParams(doc, at(PROGRAM, "origin ="),
                "start")).get(30, TimeUnit.SECONDS);
        assertEquals(2, edit.getChanges().get(uri).size());
    }

    @Test
    void completionAfterADotOffersTheModelsFields() throws Exception {
        String text = "model P {\n  alpha: i64,\n  beta: string\n}\nfn main() {\n  const p = P { alpha: 1, beta: \"b\" }\n  print(p.)\n}\n";
        String uri = open("c.ngn", text);
        Position pos = at(text, "p.)");
        pos.setCharacter(pos.getCharacter() + 2);
        var items = server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri), pos))
                .get(30, TimeUnit.SECONDS).getLeft();
        var labels = items.stream().map(CompletionItem::getLabel).toList();
        assertTrue(labels.containsAll(List.of("alpha", "beta")), labels.toString());
    }

    @Test
    void referencesListTheDeclarationAndEveryUse() throws Exception {
        String uri = open("main.ngn", PROGRAM);
        var refs = server.getTextDocumentService().references(new ReferenceParams(new TextDocumentIdentifier(uri),
                at(PROGRAM, "origin ="), new ReferenceContext(true))).get(30, TimeUnit.SECONDS);
        var lines = refs.stream().map(l -> l.getRange().getStart().getLine()).sorted().toList();
        assertEquals(List.of(8, 9), lines, refs.toString());
        var withoutDecl = server.getTextDocumentService().references(new ReferenceParams(new TextDocumentIdentifier(uri),
                at(PROGRAM, "origin ="), new ReferenceContext(false))).get(30, TimeUnit.SECONDS);
        assertEquals(1, withoutDecl.size());
    }

    @Test
    void signatureHelpNamesTheFunctionAndTheActiveParameter() throws Exception {
        String uri = open("main.ngn", PROGRAM);
        Position pos = at(PROGRAM, "3)");
        SignatureHelp help = server.getTextDocumentService().signatureHelp(new SignatureHelpParams(
                new TextDocumentIdentifier(uri), pos)).get(30, TimeUnit.SECONDS);
        assertNotNull(help);
        assertTrue(help.getSignatures().get(0).getLabel().contains("dist(p: Point, scale: i64)"), help.toString());
        assertEquals(1, help.getActiveParameter(), "the cursor is on the second argument");
    }

    @Test
    void documentSymbolsListModelsWithFieldsAndFunctions() throws Exception {
        String uri = open("main.ngn", PROGRAM);
        var symbols = server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri)))
                .get(30, TimeUnit.SECONDS).stream().map(e -> e.getRight()).toList();
        var names = symbols.stream().map(DocumentSymbol::getName).toList();
        assertTrue(names.containsAll(List.of("Point", "dist", "main")), names.toString());
        DocumentSymbol point = symbols.stream().filter(x -> x.getName().equals("Point")).findFirst().orElseThrow();
        assertEquals(List.of("x", "y"), point.getChildren().stream().map(DocumentSymbol::getName).toList());
    }

    @Test
    void semanticTokensMarkKeywordsFunctionsAndVariables() throws Exception {
        String uri = open("main.ngn", PROGRAM);
        SemanticTokens tokens = server.getTextDocumentService().semanticTokensFull(new SemanticTokensParams(
                new TextDocumentIdentifier(uri))).get(30, TimeUnit.SECONDS);
        List<Integer> data = tokens.getData();
        assertFalse(data.isEmpty());
        assertEquals(0, data.size() % 5, "five integers per token");
        // decode the relative encoding and find the token at `dist` in `fn dist(`
        int line = 0, col = 0;
        boolean distFound = false;
        for (int i = 0; i < data.size(); i += 5) {
            line += data.get(i);
            col = data.get(i) == 0 ? col + data.get(i + 1) : data.get(i + 1);
            if (line == 4 && col == 3) {
                assertEquals(4, (int) data.get(i + 2), "length of 'dist'");
                distFound = true;
            }
        }
        assertTrue(distFound, data.toString());
    }

    @Test
    void formattingReturnsTheFormattedDocumentAndRefusesABrokenOne() throws Exception {
        String messy = "fn main(){\nconst x=1+2\n      print(x)\n}\n";
        String uri = open("f.ngn", messy);
        var edits = server.getTextDocumentService().formatting(new DocumentFormattingParams(new TextDocumentIdentifier(uri),
                new FormattingOptions(4, true))).get(30, TimeUnit.SECONDS);
        assertEquals(1, edits.size());
        assertEquals("fn main() {\n    const x = 1 + 2\n    print(x)\n}\n", edits.get(0).getNewText());
        String formatted = edits.get(0).getNewText();
        String uri2 = open("g.ngn", formatted);
        assertTrue(server.getTextDocumentService().formatting(new DocumentFormattingParams(new TextDocumentIdentifier(uri2),
                new FormattingOptions(4, true))).get(30, TimeUnit.SECONDS).isEmpty(), "already formatted: no edit");
        String broken = open("b.ngn", "fn main() {\n  print(\n");
        var e = assertThrows(ExecutionException.class, () -> server.getTextDocumentService().formatting(
                new DocumentFormattingParams(new TextDocumentIdentifier(broken), new FormattingOptions(4, true)))
                .get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().startsWith("not formatted: line "), e.getCause().getMessage());
    }

    @Test
    void completionOffersLocalsInScopeKeywordsAndToolboxMembers() throws Exception {
        String text = "import { abs } from \"tbx::math\"\nfn main() {\n  const first = 1\n  const second = 2\n  print()\n}\n";
        String uri = open("k.ngn", text);
        Position pos = at(text, ")\n}");
        var labels = server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri), pos))
                .get(30, TimeUnit.SECONDS).getLeft().stream().map(CompletionItem::getLabel).toList();
        assertTrue(labels.containsAll(List.of("first", "second", "abs")), labels.toString());
        assertTrue(labels.contains("while") || labels.contains("for"), labels.toString());
        String tbx = "import { s } from \"tbx::math\"\nfn main() {\n}\n";
        String uri2 = open("t.ngn", tbx);
        Position inBraces = at(tbx, "s }");
        inBraces.setCharacter(inBraces.getCharacter() + 1);
        var members = server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri2), inBraces))
                .get(30, TimeUnit.SECONDS).getLeft().stream().map(CompletionItem::getLabel).toList();
        assertTrue(members.containsAll(List.of("sqrt", "sin")), members.toString());
        Path k = dev.ngnc.check.SymbolIndex.keyOf(Path.of(java.net.URI.create(uri)));
        assertTrue(Completions.COMPLETED.holds(k, k.toString(), text), "the next completion in k.ngn reuses its tree");
    }

    static final String SHAPES = """
            export model Point {
              x: i64,
              y: i64
            }
            export enum Tag { Plain, Named(string) }
            export role Labeled {
              fn label(): string
            }
            """;

    static final String USES = """
            import { Point, Tag, Labeled } from "./shapes.ngn"
            type Pair = (Point, Point)
            model Segment {
              from: Point,
              to: Point
            }
            extend Point with Labeled {
              fn label(): string {
                return "p"
              }
            }
            fn far(ps: array<Point>, t: Tag): Result<Point, string> {
              const q: Point? = null
              return Ok(ps[0])
            }
            fn both(pair: Pair): Maybe<Pair> {
              return Value(pair)
            }
            fn main() {
              const p = Point { x: 1, y: 2 }
              const s = Segment { from: p, to: p }
              print(far([p], Plain))
              print(both((p, p)))
              print(s.to.label())
            }
            """;

    /** Every written `Point` in USES: the import, twice in the alias, two field types, extend, array<>, Result<>,
     *  `Point?`, the literal. */
    static final int POINTS_IN_USES = 10;

    @Test
    void renamingAModelUsedInTypeAnnotationsAcrossTwoFilesEditsEveryOccurrence() throws Exception {
        Path lib = dir.resolve("shapes.ngn");
        Files.writeString(lib, SHAPES);
        String uri = open("main.ngn", USES);
        assertTrue(awaitDiagnostics(uri).getDiagnostics().stream().noneMatch(d -> d.getSeverity() == DiagnosticSeverity.Error),
                awaitDiagnostics(uri).toString());
        WorkspaceEdit edit = server.getTextDocumentService().rename(new RenameParams(new TextDocumentIdentifier(uri),
                at(USES, "Point>"), "Vec")).get(30, TimeUnit.SECONDS);
        assertEquals(POINTS_IN_USES, edit.getChanges().get(uri).size(), edit.toString());
        assertEquals(1, edit.getChanges().get(lib.toUri().toString()).size(), "the declaration in shapes.ngn");
        String renamed = apply(USES, edit.getChanges().get(uri));
        assertFalse(renamed.matches("(?s).*\\bPoint\\b.*"), renamed);
    }

    @Test
    void referencesAndDefinitionIncludeTypeAnnotations() throws Exception {
        Path lib = dir.resolve("shapes.ngn");
        Files.writeString(lib, SHAPES);
        String uri = open("main.ngn", USES);
        var doc = new TextDocumentIdentifier(uri);
        var refs = server.getTextDocumentService().references(new ReferenceParams(doc, at(USES, "Point {"),
                new ReferenceContext(false))).get(30, TimeUnit.SECONDS);
        assertEquals(POINTS_IN_USES, refs.stream().filter(l -> l.getUri().equals(uri)).count(), refs.toString());
        // definition from an annotation: a parameter's generic argument, an enum name, a role name, a local alias
        var fromArray = server.getTextDocumentService().definition(new DefinitionParams(doc, at(USES, "Point>")))
                .get(30, TimeUnit.SECONDS).getLeft();
        assertEquals(List.of(lib.toUri().toString()), fromArray.stream().map(Location::getUri).toList());
        assertEquals(new Position(0, 13), fromArray.get(0).getRange().getStart());
        var fromEnum = server.getTextDocumentService().definition(new DefinitionParams(doc, at(USES, "Tag)")))
                .get(30, TimeUnit.SECONDS).getLeft();
        assertEquals(new Position(4, 12), fromEnum.get(0).getRange().getStart());
        var fromRole = server.getTextDocumentService().definition(new DefinitionParams(doc, at(USES, "Labeled {")))
                .get(30, TimeUnit.SECONDS).getLeft();
        assertEquals(new Position(5, 12), fromRole.get(0).getRange().getStart());
        var fromAlias = server.getTextDocumentService().definition(new DefinitionParams(doc, at(USES, "Pair)")))
                .get(30, TimeUnit.SECONDS).getLeft();
        assertEquals(List.of(new Location(uri, new Range(new Position(1, 5), new Position(1, 9)))), fromAlias);
        Hover h = server.getTextDocumentService().hover(new HoverParams(doc, at(USES, "Point?"))).get(30, TimeUnit.SECONDS);
        assertTrue(h.getContents().getRight().getValue().contains("model Point"), h.toString());
    }

    @Test
    void renamingAModelToAnExistingTypeNameIsRefused() throws Exception {
        Path lib = dir.resolve("shapes.ngn");
        Files.writeString(lib, SHAPES);
        String uri = open("main.ngn", USES);
        var e = assertThrows(ExecutionException.class, () -> server.getTextDocumentService().rename(new RenameParams(
                new TextDocumentIdentifier(uri), at(USES, "Point,"), "Segment")).get(30, TimeUnit.SECONDS));
        assertInstanceOf(ResponseErrorException.class, e.getCause());
    }

    @Test
    void editingAnImportedModuleRepublishesTheOpenDocumentsThatImportIt() throws Exception {
        String lib = "export fn twice(n: i64): i64 {\n  return n * 2\n}\n";
        String libUri = open("lib.ngn", lib);
        String main = "import { twice } from \"./lib.ngn\"\nfn main() {\n  print(twice(4))\n}\n";
        String uri = open("main.ngn", main);
        assertTrue(awaitDiagnostics(uri).getDiagnostics().isEmpty());
        assertTrue(awaitDiagnostics(libUri).getDiagnostics().isEmpty());
        diagnostics.remove(uri);
        diagnostics.remove(libUri);
        // only lib.ngn changes (twice takes a string now): main.ngn's call is wrong and main.ngn is re-checked
        String changed = "export fn twice(s: string): string {\n  return s + s\n}\n";
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(libUri, 2), List.of(new TextDocumentContentChangeEvent(changed))));
        assertTrue(awaitDiagnostics(libUri).getDiagnostics().isEmpty(), "lib.ngn itself is fine");
        var mainDiags = awaitDiagnostics(uri).getDiagnostics();
        assertEquals(1, mainDiags.size(), mainDiags.toString());
        assertEquals(2, mainDiags.get(0).getRange().getStart().getLine());
    }

    @Test
    void completionOffersExtendMethodsByTheCheckersMethodTableNotByTheTypesName() throws Exception {
        String text = """
                model Box<T> {
                  value: T
                }
                extend Box {
                  fn open(): string {
                    return "open"
                  }
                }
                extend i64 {
                  fn twice(): i64 {
                    return this * 2
                  }
                }
                extend string {
                  fn shout(): string {
                    return this
                  }
                }
                fn main() {
                  const b = Box { value: 1 }
                  const small: i32 = 2
                  print(b.open())
                  print(small.twice())
                }
                """;
        String uri = open("x.ngn", text);
        assertTrue(awaitDiagnostics(uri).getDiagnostics().stream().noneMatch(d -> d.getSeverity() == DiagnosticSeverity.Error),
                awaitDiagnostics(uri).toString());
        var box = completionLabels(uri, text, "b.open", 2);
        assertTrue(box.containsAll(List.of("value", "open")), "Box<i64> has Box's methods: " + box);
        assertFalse(box.contains("shout") || box.contains("twice"), box.toString());
        var ints = completionLabels(uri, text, "small.twice", 6);
        assertTrue(ints.contains("twice"), "an i32 has the int table's methods: " + ints);
        assertFalse(ints.contains("open") || ints.contains("shout"), ints.toString());
    }

    private List<String> completionLabels(String uri, String text, String needle, int after) throws Exception {
        Position pos = at(text, needle);
        pos.setCharacter(pos.getCharacter() + after);
        return server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri), pos))
                .get(30, TimeUnit.SECONDS).getLeft().stream().map(CompletionItem::getLabel).toList();
    }

    /** Applies non-overlapping edits (each within one line) to {@code text}. */
    static String apply(String text, List<TextEdit> edits) {
        List<String> lines = new java.util.ArrayList<>(List.of(text.split("\n", -1)));
        List<TextEdit> sorted = new java.util.ArrayList<>(edits);
        sorted.sort((a, b) -> a.getRange().getStart().getLine() != b.getRange().getStart().getLine()
                ? Integer.compare(b.getRange().getStart().getLine(), a.getRange().getStart().getLine())
                : Integer.compare(b.getRange().getStart().getCharacter(), a.getRange().getStart().getCharacter()));
        for (TextEdit e : sorted) {
            int line = e.getRange().getStart().getLine();
            String l = lines.get(line);
            lines.set(line, l.substring(0, e.getRange().getStart().getCharacter()) + e.getNewText()
                    + l.substring(e.getRange().getEnd().getCharacter()));
        }
        return String.join("\n", lines);
    }
}
