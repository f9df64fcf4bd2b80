package dev.ngnc.check;

import dev.ngnc.types.RtApi;
import dev.ngnc.ast.DeclKind;
import dev.ngnc.ast.Pattern;
import dev.ngnc.ast.Stmt;
import dev.ngnc.source.Span;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.RtMethod;
import dev.ngnc.tast.TExpr;
import dev.ngnc.tast.TStmt;
import dev.ngnc.types.EnumInfo;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code const [a, b, ...rest] = e}, {@code const (a, b) = e}, {@code const { a, b: c, ...rest } = e}: the
 * value is stored in a hidden temp, then each name is bound to a piece of it (spec 2.2). From an anonymous
 * object every name is a Maybe (missing keys are Null); from a model, the raw field values.
 */
final class Destructuring {
    private final BodyChecker body;

    Destructuring(BodyChecker body) { this.body = body; }

    TStmt declare(Stmt.VarDecl v, Type declared) {
        TExpr init = body.exprs.checkExpecting(v.init(), declared);
        Type t = declared != null ? declared : init.type();
        boolean mutable = v.kind() == DeclKind.VAR;
        LocalVar temp = new LocalVar("$destructure", t, false);
        List<TStmt> out = new ArrayList<>();
        out.add(new TStmt.Let(temp, init, v.span()));
        TExpr source = new TExpr.Local(temp, v.span());
        switch (v.target()) {
            case Pattern.ArrayPat a -> array(a, source, t, mutable, out);
            case Pattern.TuplePat tp -> tuple(tp, source, t, mutable, out);
            case Pattern.ObjectPat o -> object(o, source, t, mutable, out);
            case Pattern.Bind b -> throw new IllegalStateException("plain bindings are not destructuring");
        }
        return new TStmt.Block(out, v.span(), false); // the names live on in the enclosing scope
    }

    private void bind(String name, TExpr value, Type type, boolean mutable, Span span, List<TStmt> out) {
        LocalVar var = body.declareLocal(name, type, mutable, span, span);
        if (!var.name.startsWith("$")) body.checker.declaredLocals.put(var, nameIn(span, name));
        out.add(new TStmt.Let(var, value, span));
    }

    /** The span of {@code name} inside a pattern's span (patterns keep no span per name), else the pattern's. */
    private Span nameIn(Span pattern, String name) {
        String text = body.checker.file.text();
        int end = Math.min(pattern.end(), text.length());
        for (int i = text.indexOf(name, pattern.start()); i >= 0 && i + name.length() <= end;
             i = text.indexOf(name, i + 1)) {
            boolean before = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '_';
            int after = i + name.length();
            boolean afterOk = after >= text.length()
                    || !Character.isLetterOrDigit(text.charAt(after)) && text.charAt(after) != '_';
            if (before && afterOk) {
                // same line as the pattern start or later: count the line/column of offset i
                int line = pattern.line(), col = pattern.col();
                for (int k = pattern.start(); k < i; k++) {
                    if (text.charAt(k) == '\n') { line++; col = 1; } else if (!Character.isLowSurrogate(text.charAt(k))) col++;
                }
                return new Span(i, after, line, col);
            }
        }
        return pattern;
    }

    private void array(Pattern.ArrayPat a, TExpr source, Type t, boolean mutable, List<TStmt> out) {
        Type element;
        if (t instanceof Type.Array arr) element = arr.element();
        else if (Types.isDynamic(t)) element = Type.ANY;
        else {
            body.error(a.span(), "Type Error: Cannot destructure " + Types.display(t) + " as an array");
            element = Type.ERROR;
        }
        Type arrayType = new Type.Array(element);
        for (int i = 0; i < a.names().size(); i++) {
            TExpr item = new TExpr.Index(source, new TExpr.Const((long) i, Prim.I64, a.span()), element, a.span());
            bind(a.names().get(i), item, element, mutable, a.span(), out);
        }
        if (a.rest() != null) {
            TExpr rest = new TExpr.Builtin(RtMethod.virt("NgnArray", "copy", "(J)" + RtApi.desc("NgnArray")),
                    List.of(source, new TExpr.Const((long) a.names().size(), Prim.I64, a.span())), arrayType, a.span());
            bind(a.rest(), rest, arrayType, mutable, a.span(), out);
        }
    }

    private void tuple(Pattern.TuplePat p, TExpr source, Type t, boolean mutable, List<TStmt> out) {
        List<Type> elements = t instanceof Type.Tuple tu ? tu.elements() : null;
        if (elements == null && !Types.isDynamic(t)) {
            body.error(p.span(), "Type Error: Cannot destructure " + Types.display(t) + " as a tuple");
        }
        if (elements != null && p.names().size() > elements.size()) {
            body.error(p.span(), "Type Error: Tuple index out of bounds: " + elements.size());
            return;
        }
        for (int i = 0; i < p.names().size(); i++) {
            Type et = elements == null ? Type.ANY : elements.get(i);
            TExpr item = new TExpr.Index(source, new TExpr.Const((long) i, Prim.I64, p.span()), et, p.span());
            bind(p.names().get(i), item, et, mutable, p.span(), out);
        }
        if (p.rest() != null) {
            Type restType = elements == null ? new Type.Tuple(List.of())
                    : new Type.Tuple(elements.subList(Math.min(p.names().size(), elements.size()), elements.size()));
            TExpr rest = new TExpr.Builtin(RtMethod.virt("NgnTuple", "copy", "(J)" + RtApi.desc("NgnTuple")),
                    List.of(source, new TExpr.Const((long) p.names().size(), Prim.I64, p.span())), restType, p.span());
            bind(p.rest(), rest, restType, mutable, p.span(), out);
        }
    }

    private void object(Pattern.ObjectPat o, TExpr source, Type t, boolean mutable, List<TStmt> out) {
        if (t instanceof Type.Model m) {
            for (Pattern.FieldBinding fb : o.fields()) {
                ModelInfo.FieldInfo fi = m.info().field(fb.field());
                if (fi == null) {
                    body.error(fb.span(), "Type Error: Unknown field '" + fb.field() + "' on model '" + m.info().name + "'");
                    continue;
                }
                Type ft = Models.fieldType(m, fi);
                bind(name(fb), new TExpr.ModelField(source, m.info(), fb.field(), ft, fb.span()), ft, mutable,
                        fb.span(), out);
            }
            if (o.rest() != null) body.error(o.span(), "Type Error: '...rest' is only supported on objects");
            return;
        }
        if (!(t instanceof Type.Object) && !Types.isDynamic(t)) {
            body.error(o.span(), "Type Error: Cannot destructure " + Types.display(t) + " as an object");
            return;
        }
        Map<String, Type> known = t instanceof Type.Object obj ? obj.fields() : Map.of();
        List<TExpr> keys = new ArrayList<>();
        for (Pattern.FieldBinding fb : o.fields()) {
            Type ft = known.getOrDefault(fb.field(), Type.ANY);
            Type maybe = Types.maybe(ft);
            TExpr key = new TExpr.Const(fb.field(), Prim.STRING, fb.span());
            keys.add(key);
            TExpr value = new TExpr.Builtin(RtMethod.virt("NgnObject", "getMaybe",
                    "(Ljava/lang/String;)" + RtApi.desc("NgnEnum")), List.of(source, key), maybe, fb.span());
            bind(name(fb), value, maybe, mutable, fb.span(), out);
        }
        if (o.rest() != null) {
            Map<String, Type> restFields = new LinkedHashMap<>(known);
            for (Pattern.FieldBinding fb : o.fields()) restFields.remove(fb.field());
            Type restType = new Type.Object(restFields);
            TExpr rest = new TExpr.Builtin(RtMethod.virt("NgnObject", "withoutKeys",
                    "(" + RtApi.desc("NgnArray") + ")" + RtApi.desc("NgnObject")),
                    List.of(source, new TExpr.ArrayLit(keys, new Type.Array(Prim.STRING), o.span())), restType,
                    o.span());
            Type maybe = Types.maybe(restType);
            bind(o.rest(), new TExpr.EnumLit(EnumInfo.MAYBE, "Value", rest, maybe, o.span()), maybe, mutable,
                    o.span(), out);
        }
    }

    private static String name(Pattern.FieldBinding fb) { return fb.binding() != null ? fb.binding() : fb.field(); }
}
