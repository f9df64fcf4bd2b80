package dev.ngnc.check;

import dev.ngnc.source.SourceFile;
import dev.ngnc.source.Span;
import dev.ngnc.tast.FnSymbol;
import dev.ngnc.tast.GlobalVar;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.types.EnumInfo;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What the checker learnt about names and types, kept for tools (the language server, {@code dev.ngnc.lsp}): every
 * declaration it made (with the char offsets of its name), every name use it resolved (use → declaration), the type
 * of every expression it checked, and how far each local's scope reaches. The checker fills it as it resolves, so a
 * tool never resolves or types anything a second time; it is filled also for files with errors (as far as the checker
 * got). Bodies checked more than once (widening, result inference) record the same offsets again, which replace the
 * earlier entries, so the last (final) typing wins.
 */
public final class SymbolIndex {
    public enum Kind { LOCAL, PARAMETER, FUNCTION, METHOD, MODEL, FIELD, ENUM, VARIANT, GLOBAL, ROLE, ALIAS }

    /** A declaration: its kind, name, where its name is written, and (lazily: locals widen) its type and signature. */
    public static final class Symbol {
        public final Kind kind;
        public final String name;
        public final SourceFile file;
        public final int start;
        public final int end;
        /** The model, enum or extended type a field/method/variant belongs to; null otherwise. */
        public final String container;
        private Supplier<String> type;
        private Supplier<String> signature;
        private Supplier<List<String>> parameters;
        /** For locals and parameters: the offset where their scope ends (-1: the whole file). */
        int scopeEnd = -1;
        /** For extend methods: the method table they are in — the model's ModelInfo, else the table key ("int", …). */
        Object table;

        Symbol(Kind kind, String name, SourceFile file, int start, int end, String container) {
            this.kind = kind;
            this.name = name;
            this.file = file;
            this.start = start;
            this.end = end;
            this.container = container;
        }

        /** The declared or inferred type as ngn writes it, e.g. {@code array<i64>}; null when it has none. */
        public String type() { return type == null ? null : type.get(); }

        /** For functions and methods: {@code fn name(a: i64, b?: string): bool}; null otherwise. */
        public String signature() { return signature == null ? null : signature.get(); }

        public int scopeEnd() { return scopeEnd; }

        /** For functions and methods: each parameter as {@code name: type} (a method's receiver left out). */
        public List<String> parameters() { return parameters == null ? List.of() : parameters.get(); }

        public Path path() { return key(file); }

        /**
         * Is this an extend method callable on a {@code receiver} value? Decided as the checker looks methods up: by
         * table (a model's identity; one table for all ints, one for all floats, {@code number} after either), so a
         * generic model's methods show on {@code Box<i64>}, an {@code i64} method on an {@code i32}.
         */
        public boolean isMethodOf(Type receiver) {
            if (table == null || receiver == null) return false;
            if (receiver instanceof Type.Model m) return table == m.info();
            String key = Extensions.key(receiver);
            return key != null && (table.equals(key) || table.equals("number") && (key.equals("int") || key.equals("float")));
        }

        @Override public String toString() { return kind + " " + name + "@" + file.displayPath() + ":" + start; }
    }

    /** A resolved name use, {@code [start, end)} in its file. */
    public record Use(int start, int end, Symbol symbol) {}

    /** A checked expression's span and its type. */
    public record Typed(int start, int end, Type type) {
        public String typeText() { return Types.display(type); }
    }

    /** Everything recorded about one file. */
    public static final class FileIndex {
        public final SourceFile file;
        private final TreeMap<Integer, Symbol> declarations = new TreeMap<>();
        private final TreeMap<Integer, Use> uses = new TreeMap<>();
        // keyed by the span itself: a Long of (start << 32 | end) hashes to start ^ end, which collides for most
        // spans of a file (profiled: treeified buckets were a tenth of a 2,000-line check)
        private final Map<SpanKey, Typed> typed = new HashMap<>();

        FileIndex(SourceFile file) { this.file = file; }

        public Collection<Symbol> declarations() { return declarations.values(); }

        public Collection<Use> uses() { return uses.values(); }

        public Collection<Typed> typed() { return typed.values(); }

        /** The declaration whose name covers {@code offset} (end inclusive, for a cursor right after a name). */
        public Symbol declarationAt(int offset) {
            var e = declarations.floorEntry(offset);
            return e != null && offset <= e.getValue().end ? e.getValue() : null;
        }

        public Use useAt(int offset) {
            var e = uses.floorEntry(offset);
            return e != null && offset <= e.getValue().end() ? e.getValue() : null;
        }

        /** The innermost checked expression whose span contains {@code offset}. */
        public Typed typedAt(int offset) {
            Typed best = null;
            for (Typed t : typed.values()) {
                if (t.start() <= offset && offset <= t.end()
                        && (best == null || t.end() - t.start() < best.end() - best.start())) best = t;
            }
            return best;
        }

        /** The checked expression that ends exactly at {@code end} and is the longest such (a {@code .} receiver). */
        public Typed typedEndingAt(int end) {
            Typed best = null;
            for (Typed t : typed.values()) {
                if (t.end() == end && (best == null || t.start() < best.start())) best = t;
            }
            return best;
        }
    }

    private final Map<Path, FileIndex> files = new HashMap<>();
    /** Checker objects (LocalVar, FnSymbol, ModelInfo, GlobalVar, EnumInfo, member keys) → their declaration. */
    private final Map<Object, Symbol> byTarget = new IdentityHashMap<>();
    private final Map<Object, Symbol> byMember = new HashMap<>();

    private record Member(Object owner, String name) {}

    private record SpanKey(int start, int end) {
        @Override public int hashCode() { return start * 0x9E3779B1 + end; }
    }

    /** The file recorded last, with its key: nearly every call records into the same file (no path normalising). */
    private SourceFile lastFile;
    private FileIndex lastIndex;

    public FileIndex file(Path path) { return files.get(path.toAbsolutePath().normalize()); }

    public Collection<FileIndex> files() { return files.values(); }

    static Path key(SourceFile f) { return keyOf(f.path()); }

    /** The form paths take as keys here (absolute, normalised). */
    public static Path keyOf(Path p) { return p.toAbsolutePath().normalize(); }

    private FileIndex of(SourceFile f) {
        if (f != lastFile) {
            lastIndex = files.computeIfAbsent(key(f), k -> new FileIndex(f));
            lastFile = f;
        }
        return lastIndex;
    }

    // ---- recording (the checker) ----------------------------------------------------------------

    /**
     * Declares {@code target} under the name written in {@code where}: the name's first whole-word occurrence in that
     * span (declaration spans of several nodes cover more than the name, e.g. {@code model P {…}}).
     */
    Symbol declare(SourceFile file, Kind kind, String name, Span where, Object target, String container) {
        if (where == null || where == Span.NONE || name == null || name.isEmpty()) return null;
        int start = locate(file.text(), name, where.start(), where.end());
        if (start < 0) return null;
        FileIndex fi = of(file);
        Symbol existing = fi.declarations.get(start);
        Symbol s = existing != null && existing.kind == kind && existing.name.equals(name) ? existing
                : new Symbol(kind, name, file, start, start + name.length(), container);
        fi.declarations.put(start, s);
        if (target != null) byTarget.put(target, s);
        return s;
    }

    Symbol declareLocal(SourceFile file, boolean parameter, LocalVar var, Span where, int scopeEnd) {
        Symbol s = declare(file, parameter ? Kind.PARAMETER : Kind.LOCAL, var.name, where, var, null);
        if (s != null) {
            s.scopeEnd = scopeEnd;
            s.type = () -> Types.display(var.type);
        }
        return s;
    }

    Symbol declareFunction(SourceFile file, FnSymbol fn, Kind kind, String container) {
        Symbol s = declare(file, kind, fn.name, fn.span, fn, container);
        if (s != null) {
            s.signature = () -> signature(fn, kind == Kind.METHOD);
            s.parameters = () -> parameterLabels(fn, kind == Kind.METHOD);
            s.type = () -> Types.display(fn.result);
        }
        return s;
    }

    /** An extend method in the table {@code table} (see {@link Symbol#isMethodOf}). */
    void declareMethod(SourceFile file, FnSymbol fn, String container, Object table) {
        Symbol s = declareFunction(file, fn, Kind.METHOD, container);
        if (s != null) s.table = table;
    }

    void declareModel(SourceFile file, ModelInfo m, Span where) {
        Symbol s = declare(file, Kind.MODEL, m.name, where, m, null);
        if (s != null) s.type = () -> m.name;
    }

    void declareField(SourceFile file, ModelInfo m, ModelInfo.FieldInfo f, Span where) {
        Symbol s = declare(file, Kind.FIELD, f.name(), where, null, m.name);
        if (s == null) return;
        s.type = () -> Types.display(f.type());
        byMember.put(new Member(m, f.name()), s);
    }

    void declareEnum(SourceFile file, EnumInfo e, Span where) {
        Symbol s = declare(file, Kind.ENUM, e.name, where, e, null);
        if (s != null) s.type = () -> e.name;
    }

    void declareVariant(SourceFile file, EnumInfo e, EnumInfo.VariantInfo v, Span where) {
        Symbol s = declare(file, Kind.VARIANT, v.name(), where, null, e.name);
        if (s == null) return;
        s.type = () -> v.payload() == null ? e.name : e.name + "::" + v.name() + "(" + Types.display(v.payload()) + ")";
        byMember.put(new Member(e, v.name()), s);
    }

    void declareGlobal(SourceFile file, GlobalVar g, Span where) {
        Symbol s = declare(file, Kind.GLOBAL, g.name, where, g, null);
        if (s != null) s.type = () -> Types.display(g.type);
    }

    void declareOther(SourceFile file, Kind kind, String name, Span where, Object target) {
        Symbol s = declare(file, kind, name, where, target, null);
        if (s != null) s.type = () -> name;
    }

    /** A use of whatever {@code target} declared (ignored when it was declared nowhere we saw, e.g. a built-in). */
    void use(SourceFile file, Span span, Object target) {
        if (span == null || target == null) return;
        Symbol s = byTarget.get(target);
        if (s != null) use(file, span.start(), span.end(), s);
    }

    void useMember(SourceFile file, int start, int end, Object owner, String name) {
        Symbol s = byMember.get(new Member(owner, name));
        if (s != null) use(file, start, end, s);
    }

    /** A use of {@code name} written somewhere inside {@code within} (searched from {@code from}). */
    void useNamed(SourceFile file, String name, int from, int to, Object target) {
        int at = locate(file.text(), name, from, to);
        if (at >= 0) use(file, new Span(at, at + name.length(), 0, 0), target);
    }

    void useMemberNamed(SourceFile file, String name, int from, int to, Object owner) {
        int at = locate(file.text(), name, from, to);
        if (at >= 0) useMember(file, at, at + name.length(), owner, name);
    }

    private void use(SourceFile file, int start, int end, Symbol s) {
        if (start == s.start && (file == s.file || key(file).equals(s.path()))) return; // the declaration itself
        of(file).uses.put(start, new Use(start, end, s));
    }

    void typed(SourceFile file, Span span, Type type) {
        if (span == null || span == Span.NONE || type == null) return;
        of(file).typed.put(new SpanKey(span.start(), span.end()), new Typed(span.start(), span.end(), type));
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** The first occurrence of {@code name} in {@code text[from, to)} that is a whole word; -1 if none. */
    static int locate(String text, String name, int from, int to) {
        to = Math.min(to, text.length());
        for (int i = text.indexOf(name, Math.max(0, from)); i >= 0 && i + name.length() <= to;
             i = text.indexOf(name, i + 1)) {
            boolean before = i == 0 || !isWordChar(text.charAt(i - 1));
            boolean after = i + name.length() >= text.length() || !isWordChar(text.charAt(i + name.length()));
            if (before && after) return i;
        }
        return -1;
    }

    private static boolean isWordChar(char c) { return Character.isLetterOrDigit(c) || c == '_'; }

    static List<String> parameterLabels(FnSymbol fn, boolean method) {
        List<String> params = new ArrayList<>();
        for (int i = 0; i < fn.params.size(); i++) {
            LocalVar p = fn.params.get(i);
            if (method && i == 0 && p.name.equals("this")) continue;
            params.add(p.name + ": " + Types.display(p.type));
        }
        return params;
    }

    /** {@code fn name(a: i64, b?: string): bool}; a method leaves out its receiver. */
    public static String signature(FnSymbol fn, boolean method) {
        List<String> params = parameterLabels(fn, method);
        return "fn " + fn.name + "(" + String.join(", ", params) + ")"
                + (fn.result == null || fn.result == dev.ngnc.types.Prim.VOID ? "" : ": " + Types.display(fn.result));
    }
}
