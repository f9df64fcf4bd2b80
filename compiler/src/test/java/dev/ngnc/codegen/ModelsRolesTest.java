package dev.ngnc.codegen;

import dev.ngnc.tast.FnSymbol;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.Place;
import dev.ngnc.tast.TExpr;
import dev.ngnc.tast.TStmt;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.RoleInfo;
import dev.ngnc.types.Type;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.ngnc.codegen.TB.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Model classes with roles and extend methods; payload sharing; returning locals. */
class ModelsRolesTest {

    @Test
    void extendMethodOnModelClassAndRoleTypedParameter() throws Exception {
        TB b = new TB();
        RoleInfo named = new RoleInfo("Named", "ngn/Named");
        ModelInfo user = new ModelInfo("User", List.of(), "ngn/User");
        user.fields.add(new ModelInfo.FieldInfo("name", STR, false, null));
        user.fields.add(new ModelInfo.FieldInfo("age", I64, false, null));
        user.fields.add(new ModelInfo.FieldInfo("score", F64, false, null));
        user.fields.add(new ModelInfo.FieldInfo("ok", BOOL, false, null));
        user.fields.add(new ModelInfo.FieldInfo("tags", arr(STR), false, null));
        user.roles.add(named);
        b.models.add(user);
        Type userT = new Type.Model(user, List.of());
        Type roleT = new Type.Role(named);
        // extend User { fn greet(): string "hi ${this.name}" } — a static method of the model class
        LocalVar self = var("this", userT);
        FnSymbol greet = new FnSymbol("greet", "ngn/User", "greet", List.of(self), STR, b.sp());
        greet.body = b.block(b.ret(b.concat(b.lit("hi "),
                new TExpr.ModelField(b.ref(self), user, "name", STR, b.sp()))));
        b.functions.add(greet);
        // fn show(x: Named): string  → calls greet on the role value (cast to the model by the checker's types)
        LocalVar x = var("x", roleT);
        FnSymbol show = b.fn("show", STR, x);
        show.body = b.block(b.ret(b.call(greet, b.ref(x))));
        LocalVar u = var("u", userT);
        LocalVar v = var("v", userT);
        b.main(
                b.let(u, new TExpr.ModelLit(user, List.of(b.lit("ann"), b.lit(30), b.lit(1.5), b.lit(true),
                        b.array(STR, b.lit("a"))), userT, b.sp())),
                b.let(v, b.ref(u)),
                b.expr(new TExpr.Mutate(new Place.ModelField(new Place.Local(v), user, "tags", arr(STR)),
                        dev.ngnc.tast.RtMethod.virt("NgnArray", "push", "(Ljava/lang/Object;)J"),
                        List.of(b.lit("b")), I64, b.sp())),
                b.print(b.call(show, b.ref(u))),
                b.print(b.ref(u)),
                b.print(b.ref(v)),
                b.print(b.eq(new TExpr.ModelField(b.ref(u), user, "age", I64, b.sp()), b.lit(30))));
        Map<String, byte[]> classes = Harness.emitVerified(b.program());
        Class<?> userClass = new Harness.Loader(classes).loadClass("ngn.User");
        assertTrue(Class.forName("dev.ngnc.rt.value.NgnModel").isAssignableFrom(userClass));
        assertTrue(userClass.getInterfaces()[0].getName().equals("ngn.Named"));
        Harness.assertOutput("hi ann\nUser {name: ann, age: 30, score: 1.5, ok: true, tags: [a]}\n"
                + "User {name: ann, age: 30, score: 1.5, ok: true, tags: [a, b]}\ntrue\n", b.program());
    }

    @Test
    void boundPayloadIsIndependentOfTheMaybe() {
        TB b = new TB();
        LocalVar m = var("m", maybe(arr(I64)));
        LocalVar v = var("v", arr(I64));
        b.main(
                b.let(m, b.value(b.array(I64, b.lit(1)))),
                new TStmt.IfPresent(b.ref(m), v, b.block(b.expr(b.push(v, b.lit(2))), b.print(b.ref(v))), null, b.sp()),
                b.print(b.ref(m)));
        Harness.assertOutput("[1, 2]\nMaybe::Value ([1])\n", b.program());
    }

    @Test
    void returnedLocalsAndParametersKeepValueSemantics() {
        TB b = new TB();
        LocalVar a = var("a", arr(I64));
        LocalVar keep = var("keep", arr(I64));
        FnSymbol build = b.fn("build", arr(I64));
        build.body = b.block(
                b.let(a, b.array(I64, b.lit(1))),
                b.expr(b.push(a, b.lit(2))),
                b.ret(b.ref(a)));
        LocalVar p = var("p", arr(I64));
        FnSymbol same = b.fn("same", arr(I64), p);
        same.body = b.block(b.ret(b.ref(p)));
        LocalVar xs = var("xs", arr(I64));
        LocalVar ys = var("ys", arr(I64));
        b.main(
                b.let(xs, b.call(build)),
                b.expr(b.push(xs, b.lit(3))),
                b.let(ys, b.call(same, b.ref(xs))),
                b.expr(b.push(ys, b.lit(4))),
                b.let(keep, b.ref(ys)),
                b.expr(b.push(ys, b.lit(5))),
                b.print(b.ref(xs)),
                b.print(b.ref(ys)),
                b.print(b.ref(keep)));
        Harness.assertOutput("[1, 2, 3]\n[1, 2, 3, 4, 5]\n[1, 2, 3, 4]\n", b.program());
    }

    @Test
    void objectFieldInsideModelWrittenThroughPath() {
        TB b = new TB();
        Type objT = new Type.Object(Map.of("x", I64));
        ModelInfo holder = new ModelInfo("Holder", List.of(), "ngn/Holder");
        holder.fields.add(new ModelInfo.FieldInfo("o", objT, false, null));
        b.models.add(holder);
        Type hT = new Type.Model(holder, List.of());
        LocalVar a = var("a", hT);
        LocalVar c = var("c", hT);
        Place.ModelField po = new Place.ModelField(new Place.Local(a), holder, "o", objT);
        b.main(
                b.let(a, new TExpr.ModelLit(holder, List.of(new TExpr.ObjectLit(List.of("x"), List.of(b.lit(1)), objT,
                        b.sp())), hT, b.sp())),
                b.let(c, b.ref(a)),
                b.expr(new TExpr.Assign(new Place.DynField(po, "x", I64), b.lit(2), b.sp())),
                b.expr(new TExpr.Assign(new Place.DynField(po, "y", STR), b.lit("new"), b.sp())),
                b.print(b.ref(a)),
                b.print(b.ref(c)));
        Harness.assertOutput("Holder {o: {x: 2, y: new}}\nHolder {o: {x: 1}}\n", b.program());
    }

    @Test
    void runtimeVarargsOperandsArePacked() {
        TB b = new TB();
        b.main(b.print(new TExpr.Builtin(new dev.ngnc.tast.RtMethod(dev.ngnc.tast.RtMethod.Invoke.STATIC,
                "java/lang/String", "format", "(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;"),
                List.of(b.lit("%s-%s-%s"), b.lit(1), b.lit("x"), b.lit(2.5)), STR, b.sp())));
        Harness.assertOutput("1-x-2.5\n", b.program());
    }

    @Test
    void regexLiteralAndVoidFunctionValues() {
        TB b = new TB();
        FnSymbol hello = b.fn("hello", VOID);
        hello.body = b.block(b.print(b.lit("hello")));
        Type fnT = new Type.Fn(List.of(), VOID);
        LocalVar f = var("f", fnT);
        LocalVar r = var("r", ANY);
        b.main(
                b.let(f, new TExpr.FnValue(hello, fnT, b.sp())),
                b.let(r, b.callValue(b.ref(f), VOID)),
                b.print(b.ref(r)),
                b.print(new TExpr.Regex("a+", "i", b.sp())));
        Harness.assertOutput("hello\nvoid\n/(?i)a+/\n", b.program());
    }
}
