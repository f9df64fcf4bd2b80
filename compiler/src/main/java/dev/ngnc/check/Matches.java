package dev.ngnc.check;

import dev.ngnc.ast.Expr;
import dev.ngnc.ast.MatchArm;
import dev.ngnc.ast.MatchPattern;
import dev.ngnc.ast.Stmt;
import dev.ngnc.source.Span;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.OpKind;
import dev.ngnc.tast.TExpr;
import dev.ngnc.tast.TPattern;
import dev.ngnc.tast.TStmt;
import dev.ngnc.types.EnumInfo;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code match (v) { … }}: literal, range, variant and wildcard patterns, alternatives and {@code next}. */
final class Matches {
    private final BodyChecker body;

    Matches(BodyChecker body) { this.body = body; }

    TStmt match(Stmt.Match m) {
        TExpr scrutinee = body.exprs.check(m.scrutinee());
        Type st = scrutinee.type();
        LocalVar temp = new LocalVar("$match", st, false);
        List<TStmt.Arm> arms = new ArrayList<>();
        body.ctx.matchDepth++;
        try {
            for (MatchArm arm : m.arms()) {
                body.ctx.push();
                try {
                    List<TPattern> patterns = new ArrayList<>();
                    for (MatchPattern p : arm.patterns()) patterns.add(pattern(p, st));
                    TStmt armBody = body.scoped(arm.body());
                    arms.add(new TStmt.Arm(patterns, armBody, arm.span()));
                } finally {
                    body.ctx.pop();
                }
            }
        } finally {
            body.ctx.matchDepth--;
        }
        return new TStmt.Match(temp, scrutinee, arms, m.span());
    }

    private TPattern pattern(MatchPattern p, Type st) {
        return switch (p) {
            case MatchPattern.Wildcard w -> new TPattern.Wildcard(w.span());
            case MatchPattern.Literal l -> literal(l, st);
            case MatchPattern.Range r -> {
                TExpr from = body.exprs.check(r.from());
                TExpr to = body.exprs.check(r.to());
                OpKind k = Operators.numericKind(st, Unify.join(from.type(), to.type()));
                if (k == null) {
                    body.error(r.span(), "Type Error: Range pattern needs a numeric match value, got "
                            + Types.display(st));
                    k = OpKind.DYNAMIC;
                }
                yield new TPattern.InRange(from, to, r.inclusive(), k, r.span());
            }
            case MatchPattern.Variant v -> variant(v, st);
        };
    }

    private TPattern literal(MatchPattern.Literal l, Type st) {
        // A bare identifier in a pattern is a unit variant (spec 7.1).
        if (l.value() instanceof Expr.Name n) {
            return variant(new MatchPattern.Variant(null, n.name(), null, n.span()), st);
        }
        if (l.value() instanceof Expr.NullLit n) {
            return variant(new MatchPattern.Variant("Maybe", "Null", null, n.span()), st);
        }
        TExpr value = body.exprs.checkExpecting(l.value(), st);
        if (Types.isMaybe(st) && !Types.isMaybe(value.type()) && !Types.isDynamic(value.type())) {
            body.error(l.span(), "Type Error: Match pattern type " + Types.display(value.type())
                    + " doesn't match condition type " + Types.display(st));
        } else if (!Types.isDynamic(st) && !Types.isDynamic(value.type())
                && Unify.joinOrNull(st, value.type()) == null) {
            body.error(l.span(), "Type Error: Match pattern type " + Types.display(value.type())
                    + " doesn't match condition type " + Types.display(st));
        }
        return new TPattern.Equals(value, Operators.equalityKind(st, value.type()), l.span());
    }

    private TPattern variant(MatchPattern.Variant v, Type st) {
        EnumInfo info = null;
        if (v.enumName() != null) {
            info = body.checker.types.enums.get(v.enumName());
            if (info == null) {
                body.error(v.span(), "Type Error: Unknown enum '" + v.enumName() + "'");
                return new TPattern.Wildcard(v.span());
            }
        } else if (st instanceof Type.Enum e && e.info().variant(v.variant()) != null) {
            info = e.info();
        } else {
            List<EnumInfo> owners = body.checker.variantOwners.get(v.variant());
            if (owners == null) {
                body.error(v.span(), "Type Error: Unknown enum variant '" + v.variant() + "'",
                        "a bare name in a pattern is a variant name (patterns bind no variables); `_` matches anything");
                // the arm may use the name as if it were bound: known as an error, it causes no follow-on reports
                if (v.enumName() == null && body.ctx.lookupHere(v.variant()) == null) {
                    body.ctx.declare(v.variant(), new LocalVar(v.variant(), Type.ERROR, false));
                }
                return new TPattern.Wildcard(v.span());
            }
            if (owners.size() == 1) info = owners.get(0);
            else owners.forEach(body.checker.imports::use);
        }
        body.checker.imports.use(info); // `Active` or `Status::Active` uses the import of Status
        EnumInfo.VariantInfo vi = info == null ? null : info.variant(v.variant());
        if (info != null && vi == null) {
            body.error(v.span(), "Type Error: Unknown variant '" + v.variant() + "' of enum '" + info.name + "'",
                    Suggestions.didYouMean(v.variant(), info.variants.stream().map(EnumInfo.VariantInfo::name).toList()));
            return new TPattern.Wildcard(v.span());
        }
        if (info != null && !(st instanceof Type.Enum) && !Types.isDynamic(st)) {
            // a variant pattern can never match a string, a number, a channel…: the arm would be silently dead
            body.error(v.span(), "Type Error: Variant pattern '" + v.variant() + "' can't match a value of type "
                    + Types.display(st), st instanceof Type.Channel
                    ? "a channel is never a " + info.name + " itself: receive its value first, `match (<- channel)`"
                    : "variant patterns match enum values (" + info.name + "); use a literal or `_` here");
            if (v.binding() != null) body.declareLocal(v.binding(), Type.ERROR, false, v.span(), v.span());
            return new TPattern.Wildcard(v.span());
        }
        if (st instanceof Type.Enum e && info != null && e.info() != info) {
            body.error(v.span(), "Type Error: Variant '" + v.variant() + "' is not a variant of " + Types.display(st));
        }
        LocalVar binding = null;
        if (v.binding() != null) {
            Type payload = Type.ANY;
            if (vi != null) {
                if (vi.payload() == null) {
                    body.error(v.span(), "Type Error: Variant '" + v.variant() + "' has no payload to bind");
                } else {
                    payload = Types.substitute(vi.payload(), bindings(info, st));
                    if (payload instanceof Type.Param) payload = Type.ANY;
                }
            }
            binding = body.declareLocal(v.binding(), payload, false, v.span(), v.span());
        }
        return new TPattern.Variant(info, v.variant(), binding, v.span());
    }

    private static Map<String, Type> bindings(EnumInfo info, Type st) {
        Map<String, Type> m = new HashMap<>();
        if (st instanceof Type.Enum e && e.info() == info) {
            for (int i = 0; i < info.typeParams.size() && i < e.args().size(); i++) {
                m.put(info.typeParams.get(i), e.args().get(i));
            }
        }
        return m;
    }

    static Span spanOf(MatchPattern p) { return p.span(); }

    static Type boolType() { return Prim.BOOL; }
}
