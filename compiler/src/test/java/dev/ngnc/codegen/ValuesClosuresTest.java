package dev.ngnc.codegen;

import dev.ngnc.types.RtApi;
import dev.ngnc.tast.ClosureInfo;
import dev.ngnc.tast.FnSymbol;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.Place;
import dev.ngnc.tast.RtMethod;
import dev.ngnc.tast.TExpr;
import dev.ngnc.tast.TPattern;
import dev.ngnc.tast.TStmt;
import dev.ngnc.types.EnumInfo;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.ngnc.codegen.TB.*;

/** Copy-on-write value semantics, models, closures, Maybe handling and for-each loops. */
class ValuesClosuresTest {

    @Test
    void pushOnCopyDoesNotAffectOriginal() {
        TB b = new TB();
        LocalVar a = var("a", arr(I64));
        LocalVar c = var("b", arr(I64));
        b.main(
                b.let(a, b.array(I64, b.lit(1), b.lit(2))),
                b.let(c, b.ref(a)),
                b.expr(b.push(c, b.lit(3))),
                b.print(b.ref(a)),
                b.print(b.ref(c)),
                b.print(b.push(a, b.lit(9))),
                b.print(b.ref(a)),
                b.print(b.ref(c)));
        Harness.assertOutput("[1, 2]\n[1, 2, 3]\n3\n[1, 2, 9]\n[1, 2, 3]\n", b.program());
    }

    @Test
    void calleePushingToParameterDoesNotAffectCaller() {
        TB b = new TB();
        LocalVar p = var("xs", arr(I64));
        FnSymbol f = b.fn("grow", I64, p);
        f.body = b.block(b.expr(b.push(p, b.lit(99))), b.ret(b.size(b.ref(p))));
        LocalVar a = var("a", arr(I64));
        b.main(
                b.let(a, b.array(I64, b.lit(1))),
                b.print(b.call(f, b.ref(a))),
                b.print(b.ref(a)));
        Harness.assertOutput("2\n[1]\n", b.program());
    }

    /** model Inner { v: i64 }  model Outer { name: string, inner: Inner }. */
    private static ModelInfo[] models(TB b) {
        ModelInfo inner = new ModelInfo("Inner", List.of(), "ngn/Inner");
        inner.fields.add(new ModelInfo.FieldInfo("v", I64, false, null));
        ModelInfo outer = new ModelInfo("Outer", List.of(), "ngn/Outer");
        outer.fields.add(new ModelInfo.FieldInfo("name", STR, false, null));
        outer.fields.add(new ModelInfo.FieldInfo("inner", new Type.Model(inner, List.of()), false, null));
        b.models.add(inner);
        b.models.add(outer);
        return new ModelInfo[] {inner, outer};
    }

    @Test
    void modelFieldWriteThroughPathLeavesAliasUnaffected() {
        TB b = new TB();
        ModelInfo[] m = models(b);
        Type innerT = new Type.Model(m[0], List.of());
        Type outerT = new Type.Model(m[1], List.of());
        LocalVar a = var("a", outerT);
        LocalVar c = var("b", outerT);
        Place.Local pa = new Place.Local(a);
        Place.ModelField paInner = new Place.ModelField(pa, m[1], "inner", innerT);
        Place.ModelField paInnerV = new Place.ModelField(paInner, m[0], "v", I64);
        TExpr innerLit = new TExpr.ModelLit(m[0], List.of(b.lit(1)), innerT, b.sp());
        b.main(
                b.let(a, new TExpr.ModelLit(m[1], List.of(b.lit("x"), innerLit), outerT, b.sp())),
                b.let(c, b.ref(a)),
                b.expr(new TExpr.Assign(paInnerV, b.lit(2), b.sp())),
                b.expr(new TExpr.Assign(new Place.ModelField(pa, m[1], "name", STR), b.lit("y"), b.sp())),
                b.print(b.ref(a)),
                b.print(b.ref(c)),
                b.print(new TExpr.ModelField(new TExpr.ModelField(b.ref(c), m[1], "inner", innerT, b.sp()), m[0], "v",
                        I64, b.sp())),
                b.print(new TExpr.ModelField(new TExpr.ModelField(b.ref(a), m[1], "inner", innerT, b.sp()), m[0], "v",
                        I64, b.sp())),
                b.print(b.eq(b.lit(1), b.lit(1))));
        Harness.assertOutput("Outer {name: y, inner: Inner {v: 2}}\nOuter {name: x, inner: Inner {v: 1}}\n1\n2\ntrue\n",
                b.program());
    }

    @Test
    void assigningAModelIntoItsOwnFieldCopies() {
        TB b = new TB();
        ModelInfo box = new ModelInfo("Box", List.of("T"), "ngn/Box");
        box.fields.add(new ModelInfo.FieldInfo("value", new Type.Param("T"), false, null));
        b.models.add(box);
        Type boxAny = new Type.Model(box, List.of(ANY));
        LocalVar a = var("a", boxAny);
        b.main(
                b.let(a, new TExpr.ModelLit(box, List.of(b.lit(1)), boxAny, b.sp())),
                b.expr(new TExpr.Assign(new Place.ModelField(new Place.Local(a), box, "value", ANY), b.ref(a), b.sp())),
                b.print(b.ref(a)));
        Harness.assertOutput("Box {value: Box {value: 1}}\n", b.program());
    }

    @Test
    void genericModelFieldReadUnboxes() {
        TB b = new TB();
        ModelInfo box = new ModelInfo("Box", List.of("T"), "ngn/Box");
        box.fields.add(new ModelInfo.FieldInfo("value", new Type.Param("T"), false, null));
        box.fields.add(new ModelInfo.FieldInfo("note", STR, true, null));
        b.models.add(box);
        Type boxI = new Type.Model(box, List.of(I64));
        LocalVar a = var("a", boxI);
        b.main(
                b.let(a, new TExpr.ModelLit(box, List.of(b.lit(41), b.nul(STR)), boxI, b.sp())),
                b.print(b.add(new TExpr.ModelField(b.ref(a), box, "value", I64, b.sp()), b.lit(1))),
                b.print(new TExpr.ModelField(b.ref(a), box, "note", maybe(STR), b.sp())));
        Harness.assertOutput("42\nMaybe::Null\n", b.program());
    }

    @Test
    void closuresCaptureBySnapshotAndNest() {
        TB b = new TB();
        LocalVar x = var("x", I64);
        LocalVar xs = var("xs", arr(I64));
        LocalVar f = var("f", new Type.Fn(List.of(I64), I64));
        // |n| x + n + xs.size()   (captures x and xs)
        LocalVar n = var("n", I64);
        LocalVar xIn = var("x", I64);
        LocalVar xsIn = var("xs", arr(I64));
        ClosureInfo add = b.closure(List.of(n), I64, null, cap(b.ref(x), xIn), cap(b.ref(xs), xsIn));
        add.body = b.block(
                b.expr(b.push(xsIn, b.lit(0))), // mutation of a capture is local to this call
                b.ret(b.add(b.add(b.ref(xIn), b.ref(n)), b.size(b.ref(xsIn)))));
        // nested: || (|| x)()   — a closure creating and calling another closure
        LocalVar xIn2 = var("x", I64);
        LocalVar xIn3 = var("x", I64);
        ClosureInfo innerC = b.closure(List.of(), I64, null, cap(b.ref(xIn2), xIn3));
        innerC.body = b.block(b.ret(b.ref(xIn3)));
        ClosureInfo outerC = b.closure(List.of(), I64, null, cap(b.ref(x), xIn2));
        outerC.body = b.block(b.ret(b.callValue(b.closureValue(innerC), I64)));
        LocalVar g = var("g", new Type.Fn(List.of(), I64));
        b.main(
                b.let(x, b.lit(10)),
                b.let(xs, b.array(I64, b.lit(1), b.lit(2))),
                b.let(f, b.closureValue(add)),
                b.let(g, b.closureValue(outerC)),
                b.set(x, b.lit(1000)),
                b.expr(b.push(xs, b.lit(3))),
                b.print(b.callValue(b.ref(f), I64, b.lit(5))),
                b.print(b.callValue(b.ref(f), I64, b.lit(5))),
                b.print(b.ref(xs)),
                b.print(b.callValue(b.ref(g), I64)),
                b.print(b.ref(f)));
        // 10 + 5 + 3 (xs had 2 elements at capture, +1 pushed inside)
        Harness.assertOutput("18\n18\n[1, 2, 3]\n10\n<closure>\n", b.program());
    }

    @Test
    void recursiveNestedFunctionUsesSelf() {
        TB b = new TB();
        Type fnT = new Type.Fn(List.of(I64), I64);
        LocalVar n = var("n", I64);
        LocalVar self = var("fact", fnT);
        ClosureInfo fact = b.closure(List.of(n), I64, self);
        fact.body = b.block(
                b.if_(b.le(b.ref(n), b.lit(1)), b.ret(b.lit(1)), null),
                b.ret(b.mul(b.ref(n), b.callValue(b.ref(self), I64, b.sub(b.ref(n), b.lit(1))))));
        b.main(b.print(b.callValue(b.closureValue(fact), I64, b.lit(10))));
        Harness.assertOutput("3628800\n", b.program());
    }

    @Test
    void functionValuesAndWideClosures() {
        TB b = new TB();
        LocalVar p = var("a", I64);
        LocalVar q = var("b", F64);
        FnSymbol mix = b.fn("mix", F64, p, q);
        mix.body = b.block(b.ret(b.add(b.ref(p), b.ref(q))));
        Type mixT = new Type.Fn(List.of(I64, F64), F64);
        LocalVar[] ps = new LocalVar[6];
        TExpr sum = null;
        for (int i = 0; i < 6; i++) {
            ps[i] = var("p" + i, I64);
            sum = sum == null ? b.ref(ps[i]) : b.add(sum, b.ref(ps[i]));
        }
        ClosureInfo six = b.closure(List.of(ps), I64, null);
        six.body = b.block(b.ret(sum));
        LocalVar fv = var("fv", mixT);
        b.main(
                b.let(fv, new TExpr.FnValue(mix, mixT, b.sp())),
                b.print(b.callValue(b.ref(fv), F64, b.lit(1), b.lit(0.5))),
                b.print(b.ref(fv)),
                b.print(b.callValue(b.closureValue(six), I64, b.lit(1), b.lit(2), b.lit(3), b.lit(4), b.lit(5),
                        b.lit(6))));
        Harness.assertOutput("1.5\n<fn mix>\n21\n", b.program());
    }

    @Test
    void maybeHandlingIfPresentCheckCoalesceAndVariants() {
        TB b = new TB();
        LocalVar m = var("m", maybe(I64));
        LocalVar none = var("none", maybe(I64));
        LocalVar v = var("v", I64);
        LocalVar r = var("r", I64);
        LocalVar t = var("$t", maybe(I64));
        LocalVar bound = var("x", I64);
        b.main(
                b.let(m, b.value(b.lit(5))),
                b.let(none, b.nul(I64)),
                new TStmt.IfPresent(b.ref(m), v, b.print(b.ref(v)), b.print(b.lit("absent")), b.sp()),
                new TStmt.IfPresent(b.ref(none), v, b.print(b.ref(v)), b.print(b.lit("absent")), b.sp()),
                b.print(new TExpr.Coalesce(b.ref(m), b.lit(0), I64, b.sp())),
                b.print(new TExpr.Coalesce(b.ref(none), b.lit(-1), I64, b.sp())),
                b.print(new TExpr.IsPresent(b.ref(none), b.sp())),
                b.print(new TExpr.Unary(dev.ngnc.ast.UnaryOp.NOT, b.ref(none), dev.ngnc.tast.OpKind.BOOL, BOOL, b.sp())),
                new TStmt.Check(b.ref(m), r, null, b.block(b.print(b.lit("no value"))), b.sp()),
                b.print(b.ref(r)),
                b.match(t, b.ref(m),
                        b.arm(List.of(new TPattern.Variant(EnumInfo.MAYBE, "Null", null, b.sp())),
                                b.print(b.lit("null"))),
                        b.arm(List.of(new TPattern.Variant(null, "Value", bound, b.sp())),
                                b.print(b.concat(b.lit("value "), b.ref(bound))))),
                b.print(b.ref(m)));
        Harness.assertOutput("5\nabsent\n5\n-1\nfalse\ntrue\n5\nvalue 5\nMaybe::Value (5)\n", b.program());
    }

    @Test
    void userEnumsMatchOnDynamicScrutinee() {
        TB b = new TB();
        EnumInfo color = new EnumInfo("Color", List.of(), List.of(new EnumInfo.VariantInfo("Red", null),
                new EnumInfo.VariantInfo("Rgb", I64)));
        Type colorT = new Type.Enum(color, List.of());
        LocalVar c = var("c", ANY);
        LocalVar t = var("$t", ANY);
        LocalVar p = var("p", I64);
        LocalVar i = var("i", I64);
        b.main(
                b.forRange(i, null, b.lit(0), b.lit(3), false,
                        b.let(c, b.ref(i)),
                        b.if_(b.eq(b.ref(i), b.lit(1)), b.set(c, new TExpr.EnumLit(color, "Red", null, colorT, b.sp())),
                                null),
                        b.if_(b.eq(b.ref(i), b.lit(2)), b.set(c, new TExpr.EnumLit(color, "Rgb", b.lit(7), colorT,
                                b.sp())), null),
                        b.match(t, b.ref(c),
                                b.arm(List.of(new TPattern.Variant(color, "Red", null, b.sp())), b.print(b.lit("red"))),
                                b.arm(List.of(new TPattern.Variant(null, "Rgb", p, b.sp())),
                                        b.print(b.concat(b.lit("rgb "), b.ref(p)))),
                                b.arm(List.of(b.wild()), b.print(b.ref(c))))));
        Harness.assertOutput("0\nred\nrgb 7\n", b.program());
    }

    @Test
    void forEachOverArraysTuplesRangesSetsAndDynamicValues() {
        TB b = new TB();
        LocalVar xs = var("xs", arr(I64));
        LocalVar x = var("x", I64);
        LocalVar i = var("i", I64);
        LocalVar y = var("y", ANY);
        LocalVar r = var("r", Type.RANGE);
        LocalVar d = var("d", ANY);
        Type tupT = new Type.Tuple(List.of(I64, STR));
        Type setT = new Type.SetT(I64);
        LocalVar s = var("s", setT);
        b.main(
                b.let(xs, b.array(I64, b.lit(1), b.lit(2), b.lit(3))),
                // pushing inside the loop must not change what the loop iterates
                b.forEach(x, i, b.ref(xs), b.expr(b.push(xs, b.mul(b.ref(x), b.lit(10)))),
                        b.print(b.concat(b.ref(i), b.lit(":"), b.ref(x)))),
                b.print(b.ref(xs)),
                b.forEach(y, null, new TExpr.TupleLit(List.of(b.lit(7), b.lit("seven")), tupT, b.sp()), b.print(b.ref(y))),
                b.let(r, new TExpr.RangeLit(b.lit(3), b.lit(5), false, b.sp())),
                b.forEach(x, i, b.ref(r), b.print(b.concat(b.ref(i), b.lit("="), b.ref(x)))),
                b.let(s, new TExpr.Builtin(RtMethod.stat("NgnSet", "of", "(" + RtApi.desc("NgnArray") + ")" + RtApi.desc("NgnSet")),
                        List.of(b.array(I64, b.lit(4), b.lit(4), b.lit(5))), setT, b.sp())),
                b.forEach(y, null, b.ref(s), b.print(b.ref(y))),
                b.let(d, b.array(STR, b.lit("a"), b.lit("b"))),
                b.forEach(y, i, b.ref(d), b.print(b.concat(b.ref(i), b.ref(y)))));
        Harness.assertOutput("0:1\n1:2\n2:3\n[1, 2, 3, 10, 20, 30]\n7\nseven\n0=3\n1=4\n4\n5\n0a\n1b\n",
                b.program());
    }

    @Test
    void objectFieldsAndDynamicWrites() {
        TB b = new TB();
        Type objT = new Type.Object(Map.of("a", I64));
        LocalVar o = var("o", objT);
        LocalVar o2 = var("o2", objT);
        b.main(
                b.let(o, new TExpr.ObjectLit(List.of("a", "b"), List.of(b.lit(1), b.lit("two")), objT, b.sp())),
                b.let(o2, b.ref(o)),
                b.expr(new TExpr.Assign(new Place.DynField(new Place.Local(o), "a", I64), b.lit(5), b.sp())),
                b.print(b.add(new TExpr.DynField(b.ref(o), "a", I64, b.sp()), b.lit(1))),
                b.print(b.ref(o)),
                b.print(b.ref(o2)));
        Harness.assertOutput("6\n{a: 5, b: two}\n{a: 1, b: two}\n", b.program());
    }

    @Test
    void stringSliceUpdatesTheVariable() {
        TB b = new TB();
        LocalVar s = var("s", STR);
        b.main(
                b.let(s, b.lit("hello world")),
                b.print(new TExpr.StringSlice(new Place.Local(s),
                        RtMethod.stat("Str", "sliceTaken", "(Ljava/lang/String;JJ)Ljava/lang/String;"),
                        RtMethod.stat("Str", "sliceRest", "(Ljava/lang/String;JJ)Ljava/lang/String;"),
                        List.of(b.lit(0), b.lit(6)), b.sp())),
                b.print(b.ref(s)));
        Harness.assertOutput("hello \nworld\n", b.program());
    }

    @Test
    void voidValuesAndDefaultReturns() {
        TB b = new TB();
        FnSymbol nothing = b.fn("nothing", VOID);
        nothing.body = b.block();
        FnSymbol falls = b.fn("falls", I64);
        falls.body = b.block();
        LocalVar v = var("v", ANY);
        b.main(
                b.let(v, b.call(nothing)),
                b.print(b.ref(v)),
                b.print(b.call(falls)),
                b.print(new TExpr.Const(dev.ngnc.rt.value.Unit.VOID, Prim.VOID, b.sp())));
        Harness.assertOutput("void\n0\nvoid\n", b.program());
    }
}
