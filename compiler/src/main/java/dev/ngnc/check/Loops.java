package dev.ngnc.check;

import dev.ngnc.ast.Expr;
import dev.ngnc.ast.Stmt;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.TExpr;
import dev.ngnc.tast.TStmt;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

/** {@code for (x in e)} / {@code for (x, i in e)} over ranges, arrays, tuples and sets. */
final class Loops {
    private final BodyChecker body;

    Loops(BodyChecker body) { this.body = body; }

    TStmt forStmt(Stmt.For f) {
        if (f.iterable() instanceof Expr.Range r) {
            TExpr from = body.exprs.check(r.from());
            TExpr to = body.exprs.check(r.to());
            for (TExpr bound : new TExpr[] {from, to}) {
                if (!Types.isInt(bound.type()) && !Types.isDynamic(bound.type())) {
                    body.error(bound.span(), "Type Error: Range bounds must be integers, got "
                            + Types.display(bound.type()));
                }
            }
            return withLoopVars(f, Prim.I64, (item, index, stmtBody) ->
                    new TStmt.ForRange(item, index, from, to, r.inclusive(), stmtBody, f.span()));
        }
        TExpr iterable = f.iterable() instanceof Expr.TryReceive
                ? new Concurrency(body.exprs).loopChannel(f.iterable()) : body.exprs.check(f.iterable());
        Type t = iterable.type();
        Type element;
        if (t instanceof Type.Array a) element = a.element();
        else if (t instanceof Type.Channel c) element = c.element();
        else if (t instanceof Type.SetT s) element = s.element();
        else if (t instanceof Type.Range) element = Prim.I64;
        else if (t instanceof Type.Tuple tu) {
            Type joined = null;
            for (Type e : tu.elements()) joined = joined == null ? e : Unify.join(joined, e);
            element = joined == null ? Type.ANY : joined;
        } else if (Types.isDynamic(t)) element = Type.ANY;
        else {
            if (!(t instanceof Type.Error)) {
                body.error(f.iterable().span(), "Type Error: Cannot iterate over type " + Types.display(t));
            }
            element = Type.ERROR;
        }
        return withLoopVars(f, element, (item, index, stmtBody) ->
                new TStmt.ForEach(item, index, iterable, stmtBody, f.span()));
    }

    private interface LoopBuilder {
        TStmt build(LocalVar item, LocalVar index, TStmt body);
    }

    private TStmt withLoopVars(Stmt.For f, Type element, LoopBuilder builder) {
        body.ctx.push();
        try {
            LocalVar item = body.declareLocal(f.itemName(), element, false, f.span(), f.span());
            LocalVar index = f.indexName() == null ? null
                    : body.declareLocal(f.indexName(), Prim.I64, false, f.span(), f.span());
            TStmt loopBody = body.loopBody(f.body());
            return builder.build(item, index, loopBody);
        } finally {
            body.ctx.pop();
        }
    }
}
