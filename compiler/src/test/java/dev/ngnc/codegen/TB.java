package dev.ngnc.codegen;

import dev.ngnc.ast.BinaryOp;
import dev.ngnc.ast.UnaryOp;
import dev.ngnc.source.SourceFile;
import dev.ngnc.source.Span;
import dev.ngnc.tast.ClosureInfo;
import dev.ngnc.tast.FnSymbol;
import dev.ngnc.tast.GlobalVar;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.OpKind;
import dev.ngnc.tast.Place;
import dev.ngnc.tast.RtMethod;
import dev.ngnc.tast.TExpr;
import dev.ngnc.tast.TPattern;
import dev.ngnc.tast.TProgram;
import dev.ngnc.tast.TStmt;
import dev.ngnc.types.EnumInfo;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hand-built typed trees for emitter tests (the checker is written concurrently). A builder keeps a
 * "current line" that every node it creates is placed on; {@link #at(int)} moves it.
 */
final class TB {
    static final Type I64 = Prim.I64;
    static final Type F64 = Prim.F64;
    static final Type BOOL = Prim.BOOL;
    static final Type STR = Prim.STRING;
    static final Type VOID = Prim.VOID;
    static final Type ANY = Type.ANY;
    static final String MAIN = "ngn/Main";

    private int line = 1;
    final List<FnSymbol> functions = new ArrayList<>();
    final List<GlobalVar> globals = new ArrayList<>();
    final List<TStmt> top = new ArrayList<>();
    final List<ModelInfo> models = new ArrayList<>();
    final List<ClosureInfo> closures = new ArrayList<>();
    FnSymbol entry;

    TB at(int line) {
        this.line = line;
        return this;
    }

    Span sp() {
        return new Span(0, 0, line, 1);
    }

    static Type arr(Type t) {
        return new Type.Array(t);
    }

    static Type maybe(Type t) {
        return Types.maybe(t);
    }

    // ------------------------------------------------------------ program

    TProgram program() {
        SourceFile file = new SourceFile("main.ngn", Path.of("main.ngn"), "");
        return new TProgram(file, MAIN, functions, globals, top, entry, models, closures);
    }

    FnSymbol fn(String name, Type result, LocalVar... params) {
        FnSymbol f = new FnSymbol(name, MAIN, name, List.of(params), result, sp());
        functions.add(f);
        return f;
    }

    /** Declares the ngn {@code main} with body {@code stmts}. */
    FnSymbol main(TStmt... stmts) {
        FnSymbol f = fn("main", VOID);
        f.body = block(stmts);
        entry = f;
        return f;
    }

    GlobalVar global(String name, Type t) {
        GlobalVar g = new GlobalVar(name, t, MAIN, "g_" + name);
        globals.add(g);
        return g;
    }

    static LocalVar var(String name, Type t) {
        return new LocalVar(name, t, true);
    }

    // ------------------------------------------------------------ statements

    TStmt.Block block(TStmt... s) {
        return new TStmt.Block(List.of(s), sp());
    }

    TStmt let(LocalVar v, TExpr init) {
        return new TStmt.Let(v, init, sp());
    }

    TStmt expr(TExpr e) {
        return new TStmt.ExprStmt(e, sp());
    }

    TStmt ret(TExpr e) {
        return new TStmt.Return(e, sp());
    }

    TStmt if_(TExpr c, TStmt then, TStmt otherwise) {
        return new TStmt.If(c, then, otherwise, sp());
    }

    TStmt while_(TExpr c, TStmt... body) {
        return new TStmt.While(c, block(body), false, sp());
    }

    TStmt doWhile(TExpr c, TStmt... body) {
        return new TStmt.While(c, block(body), true, sp());
    }

    TStmt loop(TStmt... body) {
        return new TStmt.Loop(block(body), sp());
    }

    TStmt forRange(LocalVar item, LocalVar index, TExpr from, TExpr to, boolean incl, TStmt... body) {
        return new TStmt.ForRange(item, index, from, to, incl, block(body), sp());
    }

    TStmt forEach(LocalVar item, LocalVar index, TExpr it, TStmt... body) {
        return new TStmt.ForEach(item, index, it, block(body), sp());
    }

    TStmt brk() {
        return new TStmt.Break(sp());
    }

    TStmt next() {
        return new TStmt.Next(sp());
    }

    TStmt.Arm arm(List<TPattern> patterns, TStmt... body) {
        return new TStmt.Arm(patterns, block(body), sp());
    }

    TStmt match(LocalVar temp, TExpr scrutinee, TStmt.Arm... arms) {
        return new TStmt.Match(temp, scrutinee, List.of(arms), sp());
    }

    TPattern eqPat(TExpr v) {
        return new TPattern.Equals(v, kindOf(v.type(), v.type()), sp());
    }

    TPattern eqPat(TExpr v, OpKind k) {
        return new TPattern.Equals(v, k, sp());
    }

    TPattern wild() {
        return new TPattern.Wildcard(sp());
    }

    /** print(x): TestOut.println(Fmt.str(x)). */
    TStmt print(TExpr e) {
        return expr(new TExpr.Builtin(new RtMethod(RtMethod.Invoke.STATIC, "dev/ngnc/codegen/TestOut", "println",
                "(Ljava/lang/String;)V"), List.of(str(e)), VOID, sp()));
    }

    /** print via the real runtime stdout (Out.println). */
    TStmt printOut(TExpr e) {
        return expr(new TExpr.Builtin(RtMethod.stat("Out", "println", "(Ljava/lang/String;)V"), List.of(str(e)), VOID,
                sp()));
    }

    /** fmt(e) as a string expression. */
    TExpr str(TExpr e) {
        if (e.type() == STR) return e;
        String d = switch (Rep.of(e.type()).descriptor()) {
            case "J" -> "(J)Ljava/lang/String;";
            case "D" -> "(D)Ljava/lang/String;";
            case "Z" -> "(Z)Ljava/lang/String;";
            default -> "(Ljava/lang/Object;)Ljava/lang/String;";
        };
        return new TExpr.Builtin(RtMethod.stat("Fmt", "str", d), List.of(e), STR, sp());
    }

    // ------------------------------------------------------------ expressions

    TExpr lit(long v) {
        return new TExpr.Const(v, I64, sp());
    }

    TExpr lit(double v) {
        return new TExpr.Const(v, F64, sp());
    }

    TExpr lit(boolean v) {
        return new TExpr.Const(v, BOOL, sp());
    }

    TExpr lit(String v) {
        return new TExpr.Const(v, STR, sp());
    }

    TExpr ref(LocalVar v) {
        return new TExpr.Local(v, sp());
    }

    TExpr gref(GlobalVar g) {
        return new TExpr.Global(g, sp());
    }

    static OpKind kindOf(Type a, Type b) {
        if (Types.isInt(a) && Types.isInt(b)) return OpKind.LONG;
        if (Types.isNumeric(a) && Types.isNumeric(b) && a != Prim.NUMBER && b != Prim.NUMBER) return OpKind.DOUBLE;
        if (a == BOOL && b == BOOL) return OpKind.BOOL;
        if (a == STR && b == STR) return OpKind.STRING;
        return OpKind.DYNAMIC;
    }

    TExpr arith(BinaryOp op, TExpr l, TExpr r) {
        OpKind k = kindOf(l.type(), r.type());
        Type t = switch (k) {
            case LONG -> op == BinaryOp.DIV || op == BinaryOp.POW ? F64 : I64;
            case DOUBLE -> F64;
            case STRING -> STR;
            default -> ANY;
        };
        return new TExpr.Arith(op, l, r, k, t, sp());
    }

    TExpr add(TExpr l, TExpr r) { return arith(BinaryOp.ADD, l, r); }

    TExpr sub(TExpr l, TExpr r) { return arith(BinaryOp.SUB, l, r); }

    TExpr mul(TExpr l, TExpr r) { return arith(BinaryOp.MUL, l, r); }

    TExpr div(TExpr l, TExpr r) { return arith(BinaryOp.DIV, l, r); }

    TExpr mod(TExpr l, TExpr r) { return arith(BinaryOp.MOD, l, r); }

    TExpr pow(TExpr l, TExpr r) { return arith(BinaryOp.POW, l, r); }

    TExpr neg(TExpr e) {
        OpKind k = Types.isInt(e.type()) ? OpKind.LONG : Types.isFloat(e.type()) ? OpKind.DOUBLE : OpKind.DYNAMIC;
        return new TExpr.Unary(UnaryOp.NEG, e, k, k == OpKind.DYNAMIC ? ANY : e.type(), sp());
    }

    TExpr not(TExpr e) {
        return new TExpr.Unary(UnaryOp.NOT, e, OpKind.BOOL, BOOL, sp());
    }

    TExpr cmp(BinaryOp op, TExpr l, TExpr r) {
        return new TExpr.Compare(op, l, r, kindOf(l.type(), r.type()), sp());
    }

    TExpr lt(TExpr l, TExpr r) { return cmp(BinaryOp.LT, l, r); }

    TExpr le(TExpr l, TExpr r) { return cmp(BinaryOp.LE, l, r); }

    TExpr gt(TExpr l, TExpr r) { return cmp(BinaryOp.GT, l, r); }

    TExpr eq(TExpr l, TExpr r) { return cmp(BinaryOp.EQ, l, r); }

    TExpr and(TExpr l, TExpr r) { return new TExpr.Logical(true, l, r, sp()); }

    TExpr or(TExpr l, TExpr r) { return new TExpr.Logical(false, l, r, sp()); }

    TExpr assign(LocalVar v, TExpr value) {
        return new TExpr.Assign(new Place.Local(v), value, sp());
    }

    TStmt set(LocalVar v, TExpr value) {
        return expr(assign(v, value));
    }

    TExpr call(FnSymbol f, TExpr... args) {
        return new TExpr.Call(f, List.of(args), sp());
    }

    TExpr callValue(TExpr callee, Type result, TExpr... args) {
        return new TExpr.CallValue(callee, List.of(args), result, sp());
    }

    TExpr array(Type elem, TExpr... elems) {
        return new TExpr.ArrayLit(List.of(elems), arr(elem), sp());
    }

    TExpr index(TExpr recv, TExpr i, Type t) {
        return new TExpr.Index(recv, i, t, sp());
    }

    /** xs.push(x) on a local. */
    TExpr push(LocalVar xs, TExpr x) {
        return new TExpr.Mutate(new Place.Local(xs), RtMethod.virt("NgnArray", "push", "(Ljava/lang/Object;)J"),
                List.of(x), I64, sp());
    }

    TExpr size(TExpr xs) {
        return new TExpr.Builtin(RtMethod.virt("NgnArray", "size", "()J"), List.of(xs), I64, sp());
    }

    TExpr concat(TExpr... parts) {
        List<TExpr> ps = new ArrayList<>();
        for (TExpr p : parts) ps.add(str(p));
        return new TExpr.Concat(ps, sp());
    }

    TExpr value(TExpr payload) {
        return new TExpr.EnumLit(EnumInfo.MAYBE, "Value", payload, maybe(payload.type()), sp());
    }

    TExpr nul(Type inner) {
        return new TExpr.NullConst(maybe(inner), sp());
    }

    ClosureInfo closure(List<LocalVar> params, Type result, LocalVar self, ClosureInfo.Capture... caps) {
        ClosureInfo info = new ClosureInfo(params, result, Arrays.asList(caps), self, "<closure>");
        closures.add(info);
        return info;
    }

    TExpr closureValue(ClosureInfo info) {
        List<Type> ps = new ArrayList<>();
        for (LocalVar p : info.params) ps.add(p.type);
        return new TExpr.Closure(info, new Type.Fn(ps, info.result), sp());
    }

    static ClosureInfo.Capture cap(TExpr source, LocalVar inner) {
        return new ClosureInfo.Capture(source, inner);
    }
}
