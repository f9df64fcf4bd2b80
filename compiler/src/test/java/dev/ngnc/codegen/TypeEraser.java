package dev.ngnc.codegen;

import dev.ngnc.ast.Decl;
import dev.ngnc.ast.Expr;
import dev.ngnc.ast.Param;
import dev.ngnc.ast.Program;
import dev.ngnc.ast.Stmt;
import dev.ngnc.ast.TypeExpr;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.parser.Parser;
import dev.ngnc.source.SourceFile;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes the type annotations ngn lets a program omit — on function and closure parameters and on
 * {@code var}/{@code const} declarations — so the erased program takes the untyped (dynamic) path
 * wherever the original was typed (issue 10 item 2). Return types, model fields and owned ({@code <T})
 * parameters stay: the language requires them.
 *
 * <p>Erasure works on the parsed tree's spans and only deletes text inside a line, so every line number
 * (and with it every run-time error location) is the same in both programs.
 */
final class TypeEraser {
    /** The program's type aliases: an alias of a union converts as the union does. */
    private final Map<String, TypeExpr> aliases;

    private TypeEraser(Map<String, TypeExpr> aliases) {
        this.aliases = aliases;
    }

    /**
     * What {@link #erase} produced: the new text, how many annotations it removed and how many it kept because
     * the language needs them ({@link #required}).
     */
    record Erased(String text, int removed, int kept) {}

    /** What to erase: parameters only, or parameters and variable declarations. */
    enum Scope { PARAMS, PARAMS_AND_VARIABLES }

    /** The erased text of {@code file}, or null when it does not parse. */
    static Erased erase(SourceFile file, Scope scope) {
        Diagnostics d = new Diagnostics();
        Program program;
        try {
            program = Parser.parse(file, d);
        } catch (RuntimeException e) {
            return null;
        }
        if (program == null || d.hasErrors()) return null;
        String text = file.text();
        List<int[]> cuts = new ArrayList<>();
        int[] kept = {0};
        Map<String, TypeExpr> aliases = new HashMap<>();
        for (Decl item : program.items()) if (item instanceof Decl.TypeAlias a) aliases.put(a.name(), a.type());
        TypeEraser eraser = new TypeEraser(aliases);
        walk(program.items(), node -> {
            if (node instanceof Param p && p.type() != null && !p.owned()) {
                if (eraser.converts(p.type(), false)) kept[0]++;
                else cut(text, p.span().start(), p.type(), cuts);
            } else if (scope == Scope.PARAMS_AND_VARIABLES && node instanceof Stmt.VarDecl v && v.type() != null) {
                if (eraser.required(v)) kept[0]++;
                else cut(text, v.target().span().end(), v.type(), cuts);
            }
        });
        cuts.sort(Comparator.comparingInt((int[] c) -> c[0]).reversed());
        StringBuilder sb = new StringBuilder(text);
        int removed = 0;
        int lastStart = Integer.MAX_VALUE;
        for (int[] c : cuts) {
            if (c[1] > lastStart) continue; // nested in a cut already made (a closure type's parameter)
            sb.delete(c[0], c[1]);
            lastStart = c[0];
            removed++;
        }
        return new Erased(sb.toString(), removed, kept[0]);
    }

    /**
     * A declaration whose annotation is not inferable, so the language makes it impossible to erase: the
     * annotation converts the initializer (a numeric kind other than i64, e.g. {@code u8} literals or
     * {@code f64} from an integer), widens it ({@code any}, a union, {@code Maybe}), or types an empty
     * array (an unannotated {@code []} declaration is a compile error, spec section 3).
     */
    boolean required(Stmt.VarDecl v) {
        if (v.init() instanceof Expr.ArrayLit a && a.elements().isEmpty()) return true;
        return converts(v.type(), true);
    }

    private static final Set<String> NARROW_NUMERIC = Set.of("i8", "i16", "i32", "u8", "u16", "u32", "u64", "f32", "f64");
    private static final Set<String> WIDENING = Set.of("any", "Maybe", "Result");

    /**
     * True when a value passing through {@code t} changes: a numeric kind other than i64 (declared integer
     * parameters turn a u8 into an int slot, an f64 one turns 2 into 2.0), or, for a variable, a type wider
     * than its initializer's.
     */
    boolean converts(TypeExpr t, boolean variable) {
        return switch (t) {
            case TypeExpr.Named n -> NARROW_NUMERIC.contains(n.name())
                    || (variable && WIDENING.contains(n.name()))
                    || (aliases.containsKey(n.name()) && converts(aliases.get(n.name()), variable))
                    || n.args().stream().anyMatch(a -> converts(a, variable));
            case TypeExpr.Union u -> variable || u.members().stream().anyMatch(m -> converts(m, false));
            case TypeExpr.Optional o -> variable || converts(o.inner(), false);
            case TypeExpr.Fn f -> false;
            case TypeExpr.Tuple tu -> tu.elements().stream().anyMatch(e -> converts(e, variable));
            case TypeExpr.Count c -> false;
        };
    }

    /** Records the cut from the ':' before {@code type} to its end, when that text holds no line break. */
    private static void cut(String text, int from, TypeExpr type, List<int[]> cuts) {
        int typeStart = type.span().start();
        int colon = text.lastIndexOf(':', typeStart - 1);
        if (colon < from || colon < 0) return;
        int end = type.span().end();
        if (text.substring(colon, end).indexOf('\n') >= 0) return;
        cuts.add(new int[] {colon, end});
    }

    private interface Visitor {
        void visit(Object node);
    }

    /** Visits every record reachable from {@code node} (the AST is records, lists and leaves). */
    private static void walk(Object node, Visitor visitor) {
        if (node == null) return;
        if (node instanceof Collection<?> list) {
            for (Object o : list) walk(o, visitor);
            return;
        }
        if (!(node instanceof Record r) || node instanceof SourceFile) return;
        visitor.visit(node);
        for (RecordComponent rc : r.getClass().getRecordComponents()) {
            try {
                walk(rc.getAccessor().invoke(r), visitor);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
