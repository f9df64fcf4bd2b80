package dev.ngnc.check;

import dev.ngnc.types.RtApi;
import dev.ngnc.ast.Expr;
import dev.ngnc.tast.RtMethod;
import dev.ngnc.tast.TExpr;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import java.util.List;

/** Constructors {@code map<K, V>()}, {@code map([(k, v), …])}, {@code set<T>()}, {@code set([…])}, {@code bytes(…)}. */
final class Collections {
    private final ExprChecker exprs;

    Collections(ExprChecker exprs) { this.exprs = exprs; }

    TExpr construct(String name, Expr.Call c, Type expected) {
        return switch (name) {
            case "map" -> map(c, expected);
            case "set" -> set(c, expected);
            default -> bytes(c);
        };
    }

    private Type typeArg(Expr.Call c, int i) {
        return i < c.typeArgs().size() ? exprs.checker.types.resolve(c.typeArgs().get(i)) : null;
    }

    private TExpr map(Expr.Call c, Type expected) {
        Type k = typeArg(c, 0);
        Type v = typeArg(c, 1);
        if (k == null && expected instanceof Type.MapT m) {
            k = m.key();
            v = m.value();
        }
        if (c.args().isEmpty()) {
            if (k == null) {
                exprs.error(c.span(), "Type Error: Cannot infer the key and value types of an empty map",
                        "write `map<string, i64>()`");
                return new TExpr.Invalid(c.span());
            }
            return new TExpr.Builtin(RtMethod.stat("NgnMap", "empty", "()" + RtApi.desc("NgnMap")), List.of(),
                    new Type.MapT(k, v == null ? Type.ANY : v), c.span());
        }
        if (c.args().size() != 1) {
            exprs.calls.arityError(c.span(), "map", 0, 1, c.args().size());
            return new TExpr.Invalid(c.span());
        }
        if (k != null && v == null) v = Type.ANY;
        Type expectedArg = k == null ? null : new Type.Array(new Type.Tuple(List.of(k, v)));
        TExpr seed = exprs.checkExpecting(c.args().get(0), expectedArg);
        if (expectedArg != null && !Types.assignable(expectedArg, seed.type())) {
            exprs.error(c.args().get(0).span(), "Type Error: Argument 1 mismatch. Expected "
                    + Types.display(expectedArg) + ", got " + Types.display(seed.type()));
            return new TExpr.Invalid(c.span());
        }
        if (k == null) {
            if (seed.type() instanceof Type.Array a && a.element() instanceof Type.Tuple t && t.elements().size() == 2) {
                k = t.elements().get(0);
                v = t.elements().get(1);
            } else if (!Types.isDynamic(seed.type())) {
                exprs.error(c.args().get(0).span(), "Type Error: map() expects an array of (key, value) tuples, got "
                        + Types.display(seed.type()));
                return new TExpr.Invalid(c.span());
            } else {
                k = Type.ANY;
                v = Type.ANY;
            }
        }
        return new TExpr.Builtin(RtMethod.stat("NgnMap", "of", "(" + RtApi.desc("NgnArray") + ")" + RtApi.desc("NgnMap")),
                List.of(seed), new Type.MapT(k, v), c.span());
    }

    private TExpr set(Expr.Call c, Type expected) {
        Type e = typeArg(c, 0);
        if (e == null && expected instanceof Type.SetT s) e = s.element();
        if (c.args().isEmpty()) {
            if (e == null) {
                exprs.error(c.span(), "Type Error: Cannot infer the element type of an empty set", "write `set<i64>()`");
                return new TExpr.Invalid(c.span());
            }
            return new TExpr.Builtin(RtMethod.stat("NgnSet", "empty", "()" + RtApi.desc("NgnSet")), List.of(),
                    new Type.SetT(e), c.span());
        }
        if (c.args().size() != 1) {
            exprs.calls.arityError(c.span(), "set", 0, 1, c.args().size());
            return new TExpr.Invalid(c.span());
        }
        TExpr seed = exprs.checkExpecting(c.args().get(0), e == null ? null : new Type.Array(e));
        if (e != null && !Types.assignable(new Type.Array(e), seed.type())) {
            exprs.error(c.args().get(0).span(), "Type Error: Argument 1 mismatch. Expected "
                    + Types.display(new Type.Array(e)) + ", got " + Types.display(seed.type()));
            return new TExpr.Invalid(c.span());
        }
        if (e == null) {
            if (seed.type() instanceof Type.Array a) {
                e = a.element();
            } else if (Types.isDynamic(seed.type())) {
                e = Type.ANY;
            } else {
                exprs.error(c.args().get(0).span(), "Type Error: set() expects an array, got "
                        + Types.display(seed.type()));
                return new TExpr.Invalid(c.span());
            }
        }
        return new TExpr.Builtin(RtMethod.stat("NgnSet", "of", "(" + RtApi.desc("NgnArray") + ")" + RtApi.desc("NgnSet")),
                List.of(seed), new Type.SetT(e), c.span());
    }

    private TExpr bytes(Expr.Call c) {
        if (c.args().isEmpty()) {
            return new TExpr.Builtin(RtMethod.stat("NgnBytes", "empty", "()" + RtApi.desc("NgnBytes")), List.of(),
                    Prim.BYTES, c.span());
        }
        if (c.args().size() != 1) {
            exprs.calls.arityError(c.span(), "bytes", 0, 1, c.args().size());
            return new TExpr.Invalid(c.span());
        }
        TExpr arg = exprs.check(c.args().get(0));
        if (arg.type() == Prim.STRING) {
            return new TExpr.Builtin(RtMethod.stat("NgnBytes", "of", "(Ljava/lang/String;)" + RtApi.desc("NgnBytes")),
                    List.of(arg), Prim.BYTES, c.span());
        }
        if (arg.type() instanceof Type.Array a && (a.element() == Prim.U8 || a.element() == Prim.BYTE
                || Types.isDynamic(a.element()))) {
            return new TExpr.Builtin(RtMethod.stat("NgnBytes", "of", "(" + RtApi.desc("NgnArray") + ")" + RtApi.desc("NgnBytes")),
                    List.of(arg), Prim.BYTES, c.span());
        }
        exprs.error(c.args().get(0).span(), "Type Error: bytes() expects a string or array<u8> argument, got "
                + Types.display(arg.type()), "annotate the array: `const data: array<u8> = [104, 105]`");
        return new TExpr.Invalid(c.span());
    }
}
