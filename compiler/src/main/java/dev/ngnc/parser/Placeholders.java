package dev.ngnc.parser;

import dev.ngnc.ast.Expr;
import dev.ngnc.ast.ObjectField;
import dev.ngnc.ast.StringPart;

import java.util.List;

/** Finds pipe placeholders ({@code $}, {@code $N}) in a pipe stage; closures are opaque (they form their own scope). */
final class Placeholders {
    private Placeholders() {}

    static boolean contains(Expr e) {
        return switch (e) {
            case Expr.Placeholder p -> true;
            case Expr.IntLit x -> false;
            case Expr.FloatLit x -> false;
            case Expr.BoolLit x -> false;
            case Expr.NullLit x -> false;
            case Expr.RegexLit x -> false;
            case Expr.Name x -> false;
            case Expr.This x -> false;
            case Expr.Path x -> false;
            case Expr.Closure x -> false;
            case Expr.Error x -> false;
            case Expr.StringLit s -> s.parts().stream()
                    .anyMatch(p -> p instanceof StringPart.Interp i && contains(i.expr()));
            case Expr.ArrayLit a -> any(a.elements());
            case Expr.TupleLit t -> any(t.elements());
            case Expr.ObjectLit o -> anyField(o.fields());
            case Expr.ModelLit m -> anyField(m.fields());
            case Expr.Unary u -> contains(u.operand());
            case Expr.Binary b -> contains(b.left()) || contains(b.right());
            case Expr.Range r -> contains(r.from()) || contains(r.to());
            case Expr.Assign a -> contains(a.target()) || contains(a.value());
            case Expr.Pipe p -> contains(p.input());
            case Expr.Call call -> contains(call.callee()) || any(call.args());
            case Expr.MethodCall m -> contains(m.receiver()) || any(m.args());
            case Expr.Field f -> contains(f.receiver());
            case Expr.Index i -> contains(i.receiver()) || contains(i.index());
            case Expr.IsPresent p -> contains(p.operand());
            case Expr.Receive r -> contains(r.channel());
            case Expr.ReceiveCount r -> contains(r.count()) || contains(r.channel());
            case Expr.TryReceive r -> contains(r.channel());
            case Expr.Send s -> contains(s.channel()) || contains(s.value());
        };
    }

    private static boolean any(List<Expr> es) {
        for (Expr e : es) if (contains(e)) return true;
        return false;
    }

    private static boolean anyField(List<ObjectField> fs) {
        for (ObjectField f : fs) if (contains(f.value())) return true;
        return false;
    }
}
