package dev.ngnc.check;

import dev.ngnc.ast.Expr;
import dev.ngnc.ast.ObjectField;
import dev.ngnc.ast.StringPart;
import dev.ngnc.tast.TExpr;
import dev.ngnc.types.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code input |> stage} (spec 2.5). A stage that uses {@code $}/{@code $N} is the stage expression with the
 * placeholders replaced by the input ({@code $N} = element N-1); otherwise the input becomes the first
 * argument of the stage call.
 */
final class Pipes {
    private final ExprChecker exprs;

    Pipes(ExprChecker exprs) { this.exprs = exprs; }

    TExpr pipe(Expr.Pipe p, Type expected) {
        Expr stage = p.stage();
        if (usesPlaceholder(stage)) {
            Expr input = p.input();
            if (input instanceof Expr.Name || input instanceof Expr.IntLit || input instanceof Expr.FloatLit
                    || input instanceof Expr.StringLit) {
                return exprs.checkExpecting(substitute(stage, input), expected);
            }
            // Evaluate the input once into a hidden local that every placeholder reads.
            TExpr value = exprs.check(input);
            String hidden = "$pipe" + p.span().start();
            dev.ngnc.tast.LocalVar temp = new dev.ngnc.tast.LocalVar(hidden, value.type(), false);
            BodyContext ctx = exprs.body.ctx;
            ctx.push();
            try {
                ctx.declare(hidden, temp);
                TExpr body = exprs.checkExpecting(substitute(stage, new Expr.Name(hidden, input.span())), expected);
                return new TExpr.LetIn(temp, value, body, p.span());
            } finally {
                ctx.pop();
            }
        }
        return switch (stage) {
            case Expr.Name n -> exprs.checkExpecting(
                    new Expr.Call(n, List.of(), List.of(p.input()), p.span()), expected);
            case Expr.Path path -> exprs.checkExpecting(
                    new Expr.Call(path, List.of(), List.of(p.input()), p.span()), expected);
            case Expr.Call c -> {
                List<Expr> args = new ArrayList<>();
                args.add(p.input());
                args.addAll(c.args());
                yield exprs.checkExpecting(new Expr.Call(c.callee(), c.typeArgs(), args, p.span()), expected);
            }
            default -> {
                // other shapes were reported by the parser (ExprParser); it lets methods and fields through
                if (stage instanceof Expr.MethodCall || stage instanceof Expr.Field) {
                    exprs.error(stage.span(), "Pipe target must be a function, function call, "
                            + "or expression using '$'");
                } else {
                    exprs.check(p.input());
                }
                yield new TExpr.Invalid(p.span());
            }
        };
    }

    private static boolean usesPlaceholder(Expr e) {
        final boolean[] found = {false};
        visit(e, x -> {
            if (x instanceof Expr.Placeholder) found[0] = true;
            return x;
        });
        return found[0];
    }

    private static Expr substitute(Expr stage, Expr input) {
        return visit(stage, x -> {
            if (x instanceof Expr.Placeholder ph) {
                if (ph.index() == 0) return input;
                return new Expr.Index(input, new Expr.IntLit(ph.index() - 1, ph.span()), ph.span());
            }
            return x;
        });
    }

    /** Rebuilds {@code e} bottom-up, applying {@code f} to every node; does not enter nested pipes or closures. */
    private static Expr visit(Expr e, java.util.function.UnaryOperator<Expr> f) {
        Expr rebuilt = switch (e) {
            case Expr.Unary u -> new Expr.Unary(u.op(), visit(u.operand(), f), u.span());
            case Expr.Binary b -> new Expr.Binary(b.op(), visit(b.left(), f), visit(b.right(), f), b.span());
            case Expr.Range r -> new Expr.Range(visit(r.from(), f), visit(r.to(), f), r.inclusive(), r.span());
            case Expr.Call c -> new Expr.Call(c.callee(), c.typeArgs(), visitAll(c.args(), f), c.span());
            case Expr.MethodCall m -> new Expr.MethodCall(visit(m.receiver(), f), m.name(), visitAll(m.args(), f),
                    m.optionalChain(), m.span());
            case Expr.Field fl -> new Expr.Field(visit(fl.receiver(), f), fl.name(), fl.optionalChain(), fl.span());
            case Expr.Index i -> new Expr.Index(visit(i.receiver(), f), visit(i.index(), f), i.span());
            case Expr.ArrayLit a -> new Expr.ArrayLit(visitAll(a.elements(), f), a.span());
            case Expr.TupleLit t -> new Expr.TupleLit(visitAll(t.elements(), f), t.span());
            case Expr.IsPresent ip -> new Expr.IsPresent(visit(ip.operand(), f), ip.span());
            case Expr.ObjectLit o -> new Expr.ObjectLit(o.fields().stream()
                    .map(fl -> new ObjectField(fl.key(), visit(fl.value(), f), fl.shorthand(), fl.span())).toList(),
                    o.span());
            case Expr.StringLit s -> new Expr.StringLit(s.parts().stream().map(part -> part instanceof
                    StringPart.Interp in ? (StringPart) new StringPart.Interp(visit(in.expr(), f), in.span()) : part)
                    .toList(), s.span());
            default -> e;
        };
        return f.apply(rebuilt);
    }

    private static List<Expr> visitAll(List<Expr> es, java.util.function.UnaryOperator<Expr> f) {
        List<Expr> out = new ArrayList<>(es.size());
        for (Expr e : es) out.add(visit(e, f));
        return out;
    }
}
