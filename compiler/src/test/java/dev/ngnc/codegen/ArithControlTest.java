package dev.ngnc.codegen;

import dev.ngnc.ast.BinaryOp;
import dev.ngnc.tast.FnSymbol;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.OpKind;
import dev.ngnc.tast.TExpr;
import dev.ngnc.tast.TStmt;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ngnc.codegen.TB.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Arithmetic, comparisons, logic and statement control flow. */
class ArithControlTest {

    @Test
    void longArithmeticWrapsAndDivisionIsDouble() {
        TB b = new TB();
        b.main(
                b.print(b.add(b.lit(Long.MAX_VALUE), b.lit(1))),
                b.print(b.sub(b.lit(3), b.lit(10))),
                b.print(b.mul(b.lit(6), b.lit(7))),
                b.print(b.div(b.lit(7), b.lit(2))),
                b.print(b.div(b.lit(4), b.lit(2))),
                b.print(b.mod(b.lit(-7), b.lit(3))),
                b.print(b.pow(b.lit(2), b.lit(10))),
                b.print(b.pow(b.lit(2), b.lit(-1))),
                b.print(b.neg(b.lit(5))));
        Harness.assertOutput("-9223372036854775808\n-7\n42\n3.5\n2\n-1\n1024\n0.5\n-5\n", b.program());
    }

    @Test
    void doubleArithmeticAndMixedOperands() {
        TB b = new TB();
        b.main(
                b.print(b.add(b.lit(0.1), b.lit(0.2))),
                b.print(b.add(b.lit(1), b.lit(2.5))),          // int promoted
                b.print(b.mod(b.lit(10.5), b.lit(3))),
                b.print(b.mul(b.lit(1.5), b.lit(2.0))),
                b.print(b.neg(b.lit(2.5))));
        Harness.assertOutput("0.30000000000000004\n3.5\n1.5\n3\n-2.5\n", b.program());
    }

    @Test
    void divisionByZeroIsRuntimeError() {
        TB b = new TB();
        b.main(b.print(b.div(b.lit(1), b.lit(0))));
        assertEquals("Runtime Error: Division failed", Harness.runFailing(b.program()).ngnMessage());
    }

    @Test
    void comparisonsIncludingNaN() {
        TB b = new TB();
        LocalVar nan = var("nan", F64);
        b.main(
                b.let(nan, new TExpr.Const(Double.NaN, F64, b.sp())),
                b.print(b.lt(b.lit(1), b.lit(2))),
                b.print(b.le(b.lit(2), b.lit(2))),
                b.print(b.gt(b.lit(1), b.lit(2))),
                b.print(b.eq(b.lit(3), b.lit(3))),
                b.print(b.cmp(BinaryOp.NE, b.lit(3), b.lit(3))),
                b.print(b.lt(b.ref(nan), b.lit(1.0))),
                b.print(b.gt(b.ref(nan), b.lit(1.0))),
                b.print(b.le(b.ref(nan), b.ref(nan))),
                b.print(b.cmp(BinaryOp.GE, b.ref(nan), b.lit(0.0))),
                b.print(b.eq(b.ref(nan), b.ref(nan))),
                b.print(b.cmp(BinaryOp.NE, b.ref(nan), b.ref(nan))),
                b.print(b.not(b.lt(b.ref(nan), b.lit(1.0)))),
                b.print(b.eq(b.lit("ab"), b.concat(b.lit("a"), b.lit("b")))),
                b.print(b.eq(b.lit(true), b.lit(false))),
                // dynamic: 1 == 1.0, 2 < 2.5
                b.print(new TExpr.Compare(BinaryOp.EQ, anyOf(b, b.lit(1)), anyOf(b, b.lit(1.0)), OpKind.DYNAMIC,
                        b.sp())),
                b.print(new TExpr.Compare(BinaryOp.LT, anyOf(b, b.lit(2)), anyOf(b, b.lit(2.5)), OpKind.DYNAMIC,
                        b.sp())));
        Harness.assertOutput("true\ntrue\nfalse\ntrue\nfalse\nfalse\nfalse\nfalse\nfalse\nfalse\ntrue\ntrue\ntrue\nfalse\n"
                + "true\ntrue\n", b.program());
    }

    /** An `any`-typed local initialised from {@code e}, read back. */
    private static TExpr anyOf(TB b, TExpr e) {
        LocalVar v = var("dyn", ANY);
        // a tiny inline block is not an expression; use a call of an identity function instead
        FnSymbol id = b.fn("id" + v.id, ANY, v);
        id.body = b.block(b.ret(b.ref(v)));
        return b.call(id, e);
    }

    @Test
    void logicalOperatorsShortCircuit() {
        TB b = new TB();
        LocalVar n = var("n", I64);
        FnSymbol bump = b.fn("bump", BOOL, n);
        bump.body = b.block(b.print(b.lit("bumped")), b.ret(b.lit(true)));
        b.main(
                b.print(b.and(b.lit(false), b.call(bump, b.lit(1)))),
                b.print(b.or(b.lit(true), b.call(bump, b.lit(2)))),
                b.print(b.and(b.lit(true), b.call(bump, b.lit(3)))),
                b.print(b.or(b.gt(b.lit(1), b.lit(2)), b.not(b.lit(true)))));
        Harness.assertOutput("false\ntrue\nbumped\ntrue\nfalse\n", b.program());
    }

    @Test
    void ifWhileLoopAndBreak() {
        TB b = new TB();
        LocalVar i = var("i", I64);
        LocalVar total = var("total", I64);
        b.main(
                b.let(i, b.lit(0)),
                b.let(total, b.lit(0)),
                b.while_(b.lt(b.ref(i), b.lit(5)),
                        b.set(total, b.add(b.ref(total), b.ref(i))),
                        b.set(i, b.add(b.ref(i), b.lit(1)))),
                b.print(b.ref(total)),
                b.loop(
                        b.set(i, b.sub(b.ref(i), b.lit(1))),
                        b.if_(b.eq(b.ref(i), b.lit(2)), b.brk(), null)),
                b.print(b.ref(i)),
                b.doWhile(b.lt(b.ref(i), b.lit(0)), b.print(b.lit("once"))),
                b.if_(b.gt(b.ref(i), b.lit(5)), b.print(b.lit("big")),
                        b.if_(b.gt(b.ref(i), b.lit(1)), b.print(b.lit("medium")), b.print(b.lit("small")))));
        Harness.assertOutput("10\n2\nonce\nmedium\n", b.program());
    }

    @Test
    void forRangeInclusiveExclusiveWithIndexAndBreak() {
        TB b = new TB();
        LocalVar x = var("x", I64);
        LocalVar idx = var("i", I64);
        LocalVar y = var("y", I64);
        LocalVar hi = var("hi", I64);
        b.main(
                b.let(hi, b.lit(3)),
                b.forRange(x, idx, b.lit(1), b.ref(hi), true, b.print(b.concat(b.ref(x), b.lit("@"), b.ref(idx)))),
                b.forRange(y, null, b.lit(0), b.lit(3), false,
                        // changing the bound variable in the body must not matter (bounds evaluated once)
                        b.set(hi, b.lit(100)),
                        b.print(b.ref(y))),
                b.forRange(y, null, b.lit(10), b.lit(1000), true,
                        b.if_(b.gt(b.ref(y), b.lit(12)), b.brk(), null),
                        b.print(b.ref(y))),
                b.forRange(y, null, b.lit(5), b.lit(5), false, b.print(b.lit("never"))));
        Harness.assertOutput("1@0\n2@1\n3@2\n0\n1\n2\n10\n11\n12\n", b.program());
    }

    @Test
    void recursiveFib() {
        TB b = new TB();
        LocalVar n = var("n", I64);
        FnSymbol fib = b.fn("fib", I64, n);
        fib.body = b.block(
                b.if_(b.lt(b.ref(n), b.lit(2)), b.ret(b.ref(n)), null),
                b.ret(b.add(b.call(fib, b.sub(b.ref(n), b.lit(1))), b.call(fib, b.sub(b.ref(n), b.lit(2))))));
        b.main(b.print(b.call(fib, b.lit(25))));
        Harness.assertOutput("75025\n", b.program());
    }

    @Test
    void matchWithNextAndBreakInsideLoop() {
        TB b = new TB();
        LocalVar v = var("v", I64);
        LocalVar t = var("$m", I64);
        LocalVar k = var("k", I64);
        LocalVar t2 = var("$m2", I64);
        b.main(
                b.forRange(v, null, b.lit(1), b.lit(6), true,
                        b.match(t, b.ref(v),
                                b.arm(List.of(b.eqPat(b.lit(1))), b.print(b.lit("one")), b.next()),
                                b.arm(List.of(b.eqPat(b.lit(2)), b.eqPat(b.lit(1))), b.print(b.lit("one-or-two")),
                                        b.next()),
                                b.arm(List.of(new dev.ngnc.tast.TPattern.InRange(b.lit(3), b.lit(4), true,
                                        OpKind.LONG, b.sp())), b.print(b.lit("three-four"))),
                                b.arm(List.of(b.eqPat(b.lit(5))), b.print(b.lit("five")), b.brk()),
                                b.arm(List.of(b.wild()), b.print(b.lit("other"))))),
                // `next` whose following arm does not match ends the match (no further fall)
                b.let(k, b.lit(7)),
                b.match(t2, b.ref(k),
                        b.arm(List.of(b.eqPat(b.lit(7))), b.print(b.lit("seven")), b.next()),
                        b.arm(List.of(b.eqPat(b.lit(8))), b.print(b.lit("eight"))),
                        b.arm(List.of(b.wild()), b.print(b.lit("wild")))),
                b.print(b.lit("end")));
        // 1: one, then arm 2 matches 1 -> one-or-two, next -> arm 3 (3..4) fails -> match ends
        // 2: one-or-two, next -> arm 3 fails; 3,4: three-four; 5: five + break (6 never runs)
        Harness.assertOutput("one\none-or-two\none-or-two\nthree-four\nthree-four\nfive\nseven\nend\n", b.program());
    }

    @Test
    void stringConcatAndInterpolation() {
        TB b = new TB();
        LocalVar s = var("s", STR);
        b.main(
                b.let(s, b.add(b.lit("foo"), b.lit("bar"))),
                b.print(b.concat(b.lit("s="), b.ref(s), b.lit(", n="), b.lit(42), b.lit(", f="), b.lit(2.0),
                        b.lit(", b="), b.lit(true))));
        Harness.assertOutput("s=foobar, n=42, f=2, b=true\n", b.program());
    }

    @Test
    void globalsAndTopLevelRunBeforeMain() {
        TB b = new TB();
        var g = b.global("LIMIT", I64);
        b.top.add(new TStmt.InitGlobal(g, b.mul(b.lit(6), b.lit(7)), b.sp()));
        b.top.add(b.print(b.lit("top")));
        b.main(b.print(b.gref(g)));
        Harness.assertOutput("top\n42\n", b.program());
    }

    @Test
    void forRangeWithFloatBoundIsRuntimeError() {
        TB b = new TB();
        LocalVar x = var("x", I64);
        b.main(b.forRange(x, null, b.lit(0), b.div(b.lit(4), b.lit(2)), false, b.print(b.ref(x))));
        assertEquals("Runtime Error: Range bounds must be integers", Harness.runFailing(b.program()).ngnMessage());
    }
}
