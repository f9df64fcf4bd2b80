package dev.ngnc.check;

import dev.ngnc.ast.Expr;
import dev.ngnc.ast.ObjectField;
import dev.ngnc.source.SourceFile;
import dev.ngnc.tast.TExpr;

/**
 * Records, for the tools' {@link SymbolIndex}, which declaration each name in a checked expression resolved to — read
 * off the typed node the checker has just built (the chosen local, function, field, variant), so nothing is looked
 * up twice. Called once per expression from {@link ExprChecker#checkExpecting}.
 */
final class IndexUses {
    private IndexUses() {}

    static void record(SymbolIndex index, SourceFile file, Expr e, TExpr t) {
        index.typed(file, e.span(), t.type());
        TExpr core = t instanceof TExpr.LetIn let ? let.body() : t;
        switch (e) {
            case Expr.Name n -> nameUse(index, file, n, core);
            case Expr.Call c -> {
                if (c.callee() instanceof Expr.Name n) {
                    switch (core) {
                        case TExpr.Call call -> index.use(file, n.span(), call.fn());
                        case TExpr.CallValue cv -> nameUse(index, file, n, cv.callee());
                        default -> { }
                    }
                } else if (c.callee() instanceof Expr.Path p && core instanceof TExpr.EnumLit lit) {
                    variantUse(index, file, p, lit);
                }
            }
            case Expr.Path p -> {
                if (core instanceof TExpr.EnumLit lit) variantUse(index, file, p, lit);
            }
            case Expr.MethodCall m -> {
                int from = m.receiver().span().end();
                if (core instanceof TExpr.Call call) index.useNamed(file, m.name(), from, m.span().end(), call.fn());
            }
            case Expr.Field f -> {
                if (core instanceof TExpr.ModelField mf) {
                    index.useMemberNamed(file, f.name(), f.receiver().span().end(), f.span().end(), mf.model());
                }
            }
            case Expr.ModelLit m -> {
                if (core instanceof TExpr.ModelLit lit) {
                    index.useNamed(file, m.model(), m.span().start(), m.span().end(), lit.model());
                    for (ObjectField f : m.fields()) {
                        index.useMemberNamed(file, f.key(), f.span().start(), f.span().end(), lit.model());
                    }
                }
            }
            default -> { }
        }
    }

    private static void nameUse(SymbolIndex index, SourceFile file, Expr.Name n, TExpr t) {
        switch (t) {
            case TExpr.Local l -> index.use(file, n.span(), l.var());
            case TExpr.Global g -> index.use(file, n.span(), g.global());
            case TExpr.FnValue f -> index.use(file, n.span(), f.fn());
            case TExpr.EnumLit lit -> index.useMember(file, n.span().start(), n.span().end(), lit.info(), lit.variant());
            default -> { }
        }
    }

    private static void variantUse(SymbolIndex index, SourceFile file, Expr.Path p, TExpr.EnumLit lit) {
        int sep = file.text().indexOf("::", p.span().start());
        int from = sep < 0 || sep > p.span().end() ? p.span().start() : sep + 2;
        if (p.owner() != null) index.useNamed(file, p.owner(), p.span().start(), from, lit.info());
        index.useMemberNamed(file, p.member(), from, p.span().end(), lit.info());
    }
}
