package dev.ngnc.check;

import dev.ngnc.ast.Decl;
import dev.ngnc.ast.Param;
import dev.ngnc.ast.Program;
import dev.ngnc.ast.Stmt;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.source.SourceFile;
import dev.ngnc.source.Span;
import dev.ngnc.tast.ClosureInfo;
import dev.ngnc.tast.FnSymbol;
import dev.ngnc.tast.GlobalVar;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.TExpr;
import dev.ngnc.tast.TProgram;
import dev.ngnc.tast.TStmt;
import dev.ngnc.types.EnumInfo;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.Prim;
import dev.ngnc.types.RoleInfo;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a parsed program and produces the typed tree. Declarations are collected first (types, then
 * signatures), then top-level statements in source order, then function bodies — so functions may be
 * used before they are declared, as in the reference.
 */
public final class Checker {
    final SourceFile file;
    Diagnostics diagnostics;
    final String mainClass;
    final TypeResolver types;
    final Map<String, FnSymbol> functions = new LinkedHashMap<>();
    final Map<FnSymbol, Decl.Fn> fnDecls = new LinkedHashMap<>();
    final Map<FnSymbol, List<Param>> fnParams = new HashMap<>();
    final Map<String, GlobalVar> globals = new LinkedHashMap<>();
    /** Bare variant name → enums declaring it (Maybe/Result included). */
    final Map<String, List<EnumInfo>> variantOwners = new HashMap<>();
    /** extend tables: key (see {@link Extensions#key}) → method name → method. */
    final Map<String, Map<String, FnSymbol>> extensions = new HashMap<>();
    final Map<String, Natives.Native> importedNatives = new HashMap<>();
    /** {@code import * as M from "tbx::m"}: namespace name → toolbox module. */
    final Map<String, String> namespaces = new HashMap<>();
    final List<ClosureInfo> closures = new ArrayList<>();
    /** Methods from extend blocks, emitted as static functions of the program class. */
    final List<FnSymbol> extensionSymbols = new ArrayList<>();
    /** Methods called on untyped receivers with fewer arguments than declared → argument count → wrapper. */
    final Map<FnSymbol, Map<Integer, FnSymbol>> dynWrappers = new LinkedHashMap<>();
    /** Methods of an {@code extend} of a generic model → the type parameter names their types may use. */
    final Map<FnSymbol, List<String>> methodTypeParams = new HashMap<>();
    /** Extend methods that change {@code this}: callers pass a writable receiver and keep the result. */
    final java.util.Set<FnSymbol> mutatingMethods = new java.util.HashSet<>();
    final Map<RoleInfo, Decl.Role> roleDecls = new HashMap<>();
    final List<TProgram.RoleBinding> roleBindings = new ArrayList<>();
    final List<ModelInfo> modelList = new ArrayList<>();
    /** The entry file's {@code export default} server object (no {@code main}), or null. */
    GlobalVar serverExport;

    /** The tools' index of declarations, uses and expression types; null when nobody asked for one. */
    final SymbolIndex index;

    /** Prefix of every class generated for this module, e.g. {@code ngn/} for the entry file. */
    final String classPrefix;
    final ModuleGraph graph;
    final boolean isEntry;
    final ModuleExports exports;
    /** Functions imported from other modules (they live in those modules' classes). */
    final Map<String, FnSymbol> importedFunctions = new HashMap<>();
    /** {@code import * as M from "file.ngn"}: namespace name → that module's exports. */
    final Map<String, ModuleExports> fileNamespaces = new HashMap<>();
    /** Names whose import failed (already reported): their uses are not reported again. */
    final java.util.Set<String> unavailable = new java.util.HashSet<>();
    /** `const`/`var` locals the source declares (a plain or destructured binding) → their name's span (Lints). */
    final Map<dev.ngnc.tast.LocalVar, dev.ngnc.source.Span> declaredLocals = new java.util.IdentityHashMap<>();
    /** Plain `var x = …` locals → the span of their `var` keyword (Lints: a var never changed could be const). */
    final Map<dev.ngnc.tast.LocalVar, dev.ngnc.source.Span> declaredVars = new java.util.IdentityHashMap<>();
    /** `check x?` rebinds x: the new local → the local it stands for (changing one changes the other's name). */
    final Map<dev.ngnc.tast.LocalVar, dev.ngnc.tast.LocalVar> reboundSources = new java.util.IdentityHashMap<>();
    /** Locals that are the root of an assignment, a mutating method call or a field write (ExprChecker.place). */
    final java.util.Set<dev.ngnc.tast.LocalVar> mutatedLocals =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** Locals some name lookup resolved to (read, assigned, captured, or a shadowing probe) — never unused. */
    final java.util.Set<dev.ngnc.tast.LocalVar> usedLocals =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** Functions of this module named as a value (TExpr.FnValue): a caller fixes their shape (Lints). */
    final java.util.Set<FnSymbol> functionValues = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** Nested named functions: the local holding each → its declaration (Lints: unused parameters). */
    final Map<LocalVar, Decl.Fn> nestedFns = new java.util.IdentityHashMap<>();
    /** Nested function holders read as a value rather than called by name (their shape is fixed by a caller). */
    final java.util.Set<LocalVar> nestedFnValues = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** What this file imports and which of it a lookup consulted (Lints: unused imports). */
    final ImportUses imports = new ImportUses();
    /** Where the parser reported errors in this file: the recovered tree there is incomplete. */
    private final List<dev.ngnc.source.Span> syntaxErrors = new ArrayList<>();

    /**
     * True when a syntax error lies inside {@code span}: the parser dropped part of that code, so conclusions about
     * its whole (does every path return? is this name exported?) would be a second error for the same mistake.
     */
    boolean syntaxErrorWithin(dev.ngnc.source.Span span) {
        for (var e : syntaxErrors) if (e.start() >= span.start() && e.start() <= span.end()) return true;
        return false;
    }

    /** True when the parser reported any error in this file. */
    boolean hadSyntaxErrors() { return !syntaxErrors.isEmpty(); }

    Checker(SourceFile file, Diagnostics diagnostics, String classPrefix, ModuleGraph graph, boolean isEntry) {
        this.file = file;
        this.diagnostics = diagnostics;
        // the checker runs after the parser: the file's errors so far are its syntax errors
        for (var d : diagnostics.all()) {
            if (d.severity() == dev.ngnc.diag.Severity.ERROR && d.file() == file && d.span() != null) syntaxErrors.add(d.span());
        }
        this.classPrefix = classPrefix;
        this.mainClass = classPrefix + "Main";
        this.graph = graph;
        this.isEntry = isEntry;
        this.exports = new ModuleExports(file.displayPath());
        this.index = graph == null ? null : graph.index;
        this.types = new TypeResolver(file, diagnostics);
        this.types.unavailable = unavailable;
        this.types.consulted = imports.names;
        this.types.index = index;
        registerVariants(EnumInfo.MAYBE);
        registerVariants(EnumInfo.RESULT);
        HttpModels.register(this.types);
    }

    /** The checked entry program plus every module it imports (dependencies first). */
    public record CheckedProgram(TProgram entry, List<TProgram> modules) {}

    /** Checks a single-file program (imports of other files are reported as unavailable); null on errors. */
    public static TProgram check(Program program, Diagnostics diagnostics) {
        CheckedProgram all = checkAll(program, diagnostics, (path, display, d) -> {
            d.error(program.file(), dev.ngnc.source.Span.NONE, "imports of other files need the full compiler driver");
            return null;
        });
        return all == null ? null : all.entry();
    }

    /** Checks {@code program} and, through {@code source}, the modules it imports; null on errors. */
    public static CheckedProgram checkAll(Program program, Diagnostics diagnostics, ModuleSource source) {
        ModuleGraph graph = new ModuleGraph(source, diagnostics, program.file().path());
        Checker checker = new Checker(program.file(), diagnostics, "ngn/", graph, true);
        TProgram entry = checker.run(program);
        if (entry == null) return null;
        return new CheckedProgram(entry, List.copyOf(graph.programs()));
    }

    /**
     * Checks {@code program} for a tool: every diagnostic goes to {@code diagnostics} and what the checker resolved to
     * {@code index}, also when there are errors (the result is null then). {@code asEntry} false checks the file as an
     * imported module would be (a library file without {@code main} is no error).
     */
    public static CheckedProgram checkAll(Program program, Diagnostics diagnostics, ModuleSource source,
                                          SymbolIndex index, boolean asEntry) {
        ModuleGraph graph = new ModuleGraph(source, diagnostics, program.file().path());
        graph.index = index;
        Checker checker = new Checker(program.file(), diagnostics, "ngn/", graph, asEntry);
        TProgram entry = checker.run(program);
        if (entry == null) return null;
        return new CheckedProgram(entry, List.copyOf(graph.programs()));
    }

    /** A function by name: declared here or imported. */
    FnSymbol function(String name) {
        FnSymbol f = functions.get(name);
        if (f != null) return f;
        f = importedFunctions.get(name);
        if (f != null) imports.use(name);
        return f;
    }

    void registerEnum(String name, EnumInfo info) {
        types.enums.put(name, info);
        registerVariants(info);
    }

    void error(Span span, String message) { diagnostics.error(file, span, message); }

    /** Bodies are checked into scratch diagnostics so a re-check (after widening) does not report twice. */
    static void swapDiagnostics(Checker checker, Diagnostics replacement) { checker.diagnostics = replacement; }

    void error(Span span, String message, String hint) { diagnostics.error(file, span, message, hint); }

    private void registerVariants(EnumInfo info) {
        for (EnumInfo.VariantInfo v : info.variants) {
            variantOwners.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(info);
        }
    }

    TProgram run(Program program) {
        int errorsBefore = diagnostics.errorCount();
        for (Decl d : program.items()) {
            if (d instanceof Decl.Import i) new Imports(this).declare(i);
        }
        declareTypes(program);
        declareSignatures(program);
        inferUndeclaredResults();
        List<TStmt> topLevel = checkTopLevel(program);
        for (Map.Entry<FnSymbol, Decl.Fn> e : fnDecls.entrySet()) {
            new BodyChecker(this).checkFunction(e.getKey(), e.getValue(), fnParams.get(e.getKey()));
        }
        for (DeclaredDefaults d : declaredDefaults) d.checkAll();
        for (ModelInfo m : modelList) {
            ModelDefaults md = graph.modelDefaults.get(m);
            if (md != null) md.checkAll(m);
        }
        FnSymbol entry = isEntry ? functions.get("main") : null;
        boolean hasExportDefault = program.items().stream().anyMatch(d -> d instanceof Decl.ExportDefault);
        if (!isEntry) {
            new Exports(this).collect(program, topLevel);
        } else if (entry != null && hasExportDefault) {
            error(Span.NONE, "Cannot have both fn main() and export default",
                    "use fn main() for normal apps, or export default for HTTP servers");
        } else if (entry == null && !hasExportDefault) {
            error(Span.NONE, "Entry point files must define fn main() or export default",
                    "add `fn main() { … }`; for HTTP servers use `export default api`");
        } else if (entry != null && !entry.params.isEmpty()) {
            error(entry.span, "fn main() takes no parameters");
        }
        if (diagnostics.errorCount() > errorsBefore) return null;
        List<TStmt> bodies = new ArrayList<>(topLevel);
        for (FnSymbol fn : fnDecls.keySet()) if (fn.body != null) bodies.add(fn.body);
        new Lints(this).run(bodies);
        List<FnSymbol> allFunctions = new ArrayList<>(functions.values());
        allFunctions.addAll(extensionSymbols);
        allFunctions.addAll(DynamicCalls.finishWrappers(this));
        return new TProgram(file, mainClass, allFunctions, new ArrayList<>(globals.values()), topLevel, entry,
                modelList, closures, roleBindings, isEntry ? graph.initOrder() : List.of(), serverExport);
    }

    // ---- declarations -------------------------------------------------------------------------

    private void declareTypes(Program program) {
        for (Decl d : program.items()) {
            switch (d) {
                case Decl.Model m -> {
                    if (checkTypeNameFree(m.name(), m.span())) {
                        ModelInfo info = new ModelInfo(m.name(), m.typeParams(), classPrefix + "model/" + m.name());
                        types.models.put(m.name(), info);
                        modelList.add(info);
                        if (index != null) index.declareModel(file, info, m.span());
                    }
                }
                case Decl.Enum e -> {
                    if (checkTypeNameFree(e.name(), e.span())) {
                        EnumInfo info = new EnumInfo(e.name(), e.typeParams(), new ArrayList<>());
                        types.enums.put(e.name(), info);
                        if (index != null) index.declareEnum(file, info, e.span());
                    }
                }
                case Decl.Role r -> {
                    if (checkTypeNameFree(r.name(), r.span())) {
                        RoleInfo info = new RoleInfo(r.name(), classPrefix + "role/" + r.name());
                        types.roles.put(r.name(), info);
                        if (index != null) index.declareOther(file, SymbolIndex.Kind.ROLE, r.name(), r.span(), info);
                    }
                }
                case Decl.TypeAlias a -> {
                    if (checkTypeNameFree(a.name(), a.span())) {
                        types.aliasDecls.put(a.name(), a.type());
                        if (index != null) {
                            index.declareOther(file, SymbolIndex.Kind.ALIAS, a.name(), a.span(), a.type());
                            types.aliasTargets.put(a.name(), a.type());
                        }
                    }
                }
                default -> { }
            }
        }
        for (Decl d : program.items()) {
            switch (d) {
                case Decl.Model m -> {
                    ModelInfo info = types.models.get(m.name());
                    if (info == null || !info.fields.isEmpty()) break;
                    graph.modelDefaults.put(info, new ModelDefaults(this));
                    for (Decl.ModelField f : m.fields()) {
                        if (info.field(f.name()) != null) {
                            error(f.span(), "field '" + f.name() + "' is declared twice in model '" + m.name() + "'");
                            continue;
                        }
                        ModelInfo.FieldInfo fi = new ModelInfo.FieldInfo(f.name(),
                                types.resolve(f.type(), m.typeParams()), f.optional(), f.defaultValue());
                        info.fields.add(fi);
                        if (index != null) index.declareField(file, info, fi, f.span());
                    }
                }
                case Decl.Enum e -> {
                    EnumInfo info = types.enums.get(e.name());
                    if (info == null || !info.variants.isEmpty()) break;
                    java.util.Set<String> seen = new java.util.HashSet<>();
                    for (Decl.Variant v : e.variants()) {
                        if (!seen.add(v.name())) {
                            error(v.span(), "variant '" + v.name() + "' is declared twice in enum '" + e.name() + "'");
                            continue;
                        }
                        Type payload = v.payload() == null ? null : types.resolve(v.payload(), e.typeParams());
                        EnumInfo.VariantInfo vi = new EnumInfo.VariantInfo(v.name(), payload);
                        info.variants.add(vi);
                        if (index != null) index.declareVariant(file, info, vi, v.span());
                    }
                    registerVariants(info);
                }
                case Decl.Role r -> {
                    RoleInfo info = types.roles.get(r.name());
                    if (info == null || roleDecls.containsKey(info)) break;
                    roleDecls.put(info, r);
                    for (Decl.Fn f : r.methods()) {
                        List<Type> params = new ArrayList<>();
                        for (Param p : f.params()) params.add(p.type() == null ? Type.ANY : types.resolve(p.type()));
                        Type result = f.returnType() == null ? Prim.VOID : types.resolve(f.returnType());
                        info.methods.put(f.name(), new dev.ngnc.types.MethodInfo(f.name(), params, result,
                                info.internalName, dev.ngnc.types.MethodInfo.roleMethodName(f.name())));
                    }
                }
                default -> { }
            }
        }
    }

    private boolean checkTypeNameFree(String name, Span span) {
        if (HttpModels.isBuiltinName(name)) HttpModels.unregister(types, name); // user types shadow built-ins
        if (types.isTypeName(name) && !name.equals("Maybe") && !name.equals("Result")) {
            error(span, "'" + name + "' already defined in this scope");
            return false;
        }
        if (name.equals("Maybe") || name.equals("Result")) {
            error(span, "'" + name + "' is a built-in type and cannot be redefined");
            return false;
        }
        return true;
    }

    private void declareSignatures(Program program) {
        for (Decl d : program.items()) {
            switch (d) {
                case Decl.Fn f -> declareFunction(f);
                default -> { }
            }
        }
        for (Decl d : program.items()) {
            if (d instanceof Decl.Extend x) new Extensions(this).declare(x);
        }
        Extensions.propagateMutation(this);
    }

    private void declareFunction(Decl.Fn f) {
        if (function(f.name()) != null) {
            error(f.nameSpan(), "'" + f.name() + "' already defined in this scope");
            return;
        }
        FnSymbol sym = signature(f, mainClass, "fn$" + f.name(), null);
        functions.put(f.name(), sym);
        if (index != null) index.declareFunction(file, sym, SymbolIndex.Kind.FUNCTION, null);
        fnDecls.put(sym, f);
        fnParams.put(sym, f.params());
        ownDefaults(sym, f.params(), 0);
    }

    /** Defaults typed by this module, all checked at the end of {@link #run} even if never used. */
    final List<DeclaredDefaults> declaredDefaults = new ArrayList<>();

    void ownDefaults(FnSymbol sym, List<Param> params, int receivers) {
        List<Type> types = sym.params.subList(receivers, sym.params.size()).stream().map(p -> p.type).toList();
        DeclaredDefaults d = new DeclaredDefaults(this, params, types);
        sym.defaults = d;
        declaredDefaults.add(d);
    }

    /** Builds the symbol for a function or method; {@code receiver} (a method's {@code this}) becomes parameter 0. */
    FnSymbol signature(Decl.Fn f, String owner, String jvmName, Type receiver) {
        List<LocalVar> params = new ArrayList<>();
        if (receiver != null) params.add(new LocalVar("this", receiver, false));
        for (Param p : f.params()) {
            Type t = p.type() == null ? Type.ANY : types.resolve(p.type());
            if (p.optional()) t = Types.maybe(t);
            params.add(new LocalVar(p.name(), t, true));
        }
        Type result = f.returnType() == null ? Prim.VOID : types.resolve(f.returnType());
        return new FnSymbol(f.name(), owner, jvmName, params, result, f.nameSpan());
    }

    /**
     * Gives each function declared without a return type the type its body returns ({@link
     * BodyChecker#inferResult}), before any call to it is checked. Every such function starts as {@code any}
     * (always a valid result: calls box) and passes repeat until no result changes, so functions calling one
     * another settle; one that does not settle, or whose body does not check yet, stays {@code any}.
     */
    private void inferUndeclaredResults() {
        List<FnSymbol> open = new ArrayList<>();
        java.util.Set<FnSymbol> roleImpls = new java.util.HashSet<>();
        for (TProgram.RoleBinding b : roleBindings) roleImpls.add(b.impl());
        for (Map.Entry<FnSymbol, Decl.Fn> e : fnDecls.entrySet()) {
            Decl.Fn decl = e.getValue();
            if (decl.returnType() != null || roleImpls.contains(e.getKey()) || decl.name().equals("main")) continue;
            if (!decl.expressionBody() && !AstWalk.returnsValue(decl.body())) continue; // plainly void
            e.getKey().result = Type.ANY;
            open.add(e.getKey());
        }
        for (int pass = 0; pass < 4 && !open.isEmpty(); pass++) {
            boolean changed = false;
            for (FnSymbol fn : open) {
                Type t = new BodyChecker(this).inferResult(fn, fnDecls.get(fn), fnParams.get(fn));
                if (t != null && !t.equals(fn.result)) {
                    fn.result = t;
                    changed = true;
                }
            }
            if (!changed) return;
        }
    }

    // ---- top level ------------------------------------------------------------------------------

    private List<TStmt> checkTopLevel(Program program) {
        BodyChecker top = new BodyChecker(this);
        List<TStmt> out = new ArrayList<>();
        for (Decl d : program.items()) {
            switch (d) {
                case Decl.Global g -> {
                    if (globals.containsKey(g.name()) || function(g.name()) != null) {
                        error(g.span(), "'" + g.name() + "' already defined in this scope");
                        continue;
                    }
                    Type declared = g.type() == null ? null : types.resolve(g.type());
                    TExpr init = top.topLevelExpr(g.init(), declared);
                    Type t = declared != null ? declared : init.type();
                    if (t == Prim.VOID && !BodyChecker.returnsValuesAsVoid(init)) {
                        error(g.init().span(), "Type Error: cannot store a void value in global '" + g.name() + "'");
                    }
                    GlobalVar gv = new GlobalVar(g.name(), t, mainClass, "g$" + g.name());
                    globals.put(g.name(), gv);
                    if (index != null) index.declareGlobal(file, gv, g.span());
                    out.add(new TStmt.InitGlobal(gv, init, g.span()));
                }
                case Decl.ExportDefault ed when isEntry -> {
                    if (functions.get("main") != null) continue; // reported in run(): main and export default
                    // a server program: $run starts the HTTP server with this value (spec 11.7)
                    TExpr init = top.topLevelExpr(ed.value(), null);
                    NetNatives.checkServerExport(this, init, ed.value().span());
                    GlobalVar gv = new GlobalVar("default", init.type(), mainClass, "g$default");
                    globals.put("$default", gv);
                    serverExport = gv;
                    out.add(new TStmt.InitGlobal(gv, init, ed.span()));
                }
                case Decl.ExportDefault ed when !isEntry -> {
                    if (ed.value() instanceof dev.ngnc.ast.Expr.Name n && function(n.name()) != null) continue;
                    TExpr init = top.topLevelExpr(ed.value(), null);
                    GlobalVar gv = new GlobalVar("default", init.type(), mainClass, "g$default");
                    globals.put("$default", gv);
                    out.add(new TStmt.InitGlobal(gv, init, ed.span()));
                }
                case Decl.TopLevelStmt s -> {
                    if (s.stmt() instanceof Stmt.VarDecl v) {
                        // The parser reported the misplaced declarator; declare the name as a global anyway so
                        // its uses do not cascade into "undefined variable" errors.
                        if (v.target() instanceof dev.ngnc.ast.Pattern.Bind b && !globals.containsKey(b.name())) {
                            TExpr init = top.topLevelExpr(v.init(), null);
                            globals.put(b.name(), new GlobalVar(b.name(), init.type(), mainClass, "g$" + b.name()));
                        }
                        continue;
                    }
                    out.add(top.topLevelStmt(s.stmt()));
                }
                default -> { }
            }
        }
        return out;
    }
}
