package dev.ngnc.check;

import dev.ngnc.types.RtApi;
import dev.ngnc.ast.Expr;
import dev.ngnc.source.Span;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.RtMethod;
import dev.ngnc.tast.TExpr;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import java.util.ArrayList;
import java.util.List;

/**
 * Built-in functions ({@code print}, {@code echo}, {@code panic}, {@code state}, {@code fetch}…) and toolbox
 * natives imported from {@code tbx::…} modules ({@code tbx::math}, {@code tbx::test}, {@code tbx::http}…).
 */
final class Natives {
    private final ExprChecker exprs;

    Natives(ExprChecker exprs) { this.exprs = exprs; }

    /** A toolbox function made visible by an import: which module and which function. */
    record Native(String module, String function) {}

    static final List<String> MATH_FUNCTIONS = List.of("abs", "round", "floor", "ceil", "trunc", "sign", "min", "max",
            "clamp", "sqrt", "pow", "exp", "log", "log10", "log2", "sin", "cos", "tan", "asin", "acos", "atan",
            "atan2", "PI");
    static final List<String> TEST_FUNCTIONS = List.of("assert");
    static final List<String> IO_FUNCTIONS = List.of("read", "write", "append", "delete", "exists");
    static final List<String> ENCODING_FUNCTIONS = List.of("hexEncode", "hexDecode", "base64Encode", "base64Decode");

    /** Toolbox modules this compiler provides. */
    static final List<String> MODULES = List.of("math", "test", "io", "encoding", "http", "process", "llm");

    static boolean isModule(String module) {
        return MODULES.contains(module);
    }

    /** The names {@code tbx::module} exports (empty for an unknown module). */
    static List<String> members(String module) {
        return switch (module) {
            case "math" -> MATH_FUNCTIONS;
            case "test" -> TEST_FUNCTIONS;
            case "io" -> IO_FUNCTIONS;
            case "encoding" -> ENCODING_FUNCTIONS;
            case "http" -> NetNatives.HTTP_FUNCTIONS;
            case "process" -> NetNatives.PROCESS_FUNCTIONS;
            case "llm" -> LlmNatives.FUNCTIONS;
            default -> List.of();
        };
    }

    static boolean exists(String module, String function) {
        return members(module).contains(function);
    }

    /** @return the checked call, or null when {@code name} is not a built-in or imported native */
    TExpr call(String name, Expr.Call c, Type expected) {
        switch (name) {
            case "print", "echo" -> {
                if (c.args().size() > 1) {
                    exprs.calls.arityError(c.span(), name, 0, 1, c.args().size());
                    return new TExpr.Invalid(c.span());
                }
                return print(name.equals("print"), c, expected);
            }
            case "panic" -> {
                TExpr msg = c.args().isEmpty() ? new TExpr.Const("explicit panic", Prim.STRING, c.span())
                        : exprs.calls.format(exprs.check(c.args().get(0)), c.span());
                return new TExpr.Builtin(RtMethod.stat("Rt", "panic", "(Ljava/lang/String;)V"), List.of(msg),
                        Prim.VOID, c.span());
            }
            case "state" -> {
                if (c.args().size() != 1) {
                    exprs.calls.arityError(c.span(), name, 1, 1, c.args().size());
                    return new TExpr.Invalid(c.span());
                }
                Type written = c.typeArgs().isEmpty() ? null : exprs.checker.types.resolve(c.typeArgs().get(0));
                Type inner = written != null ? written : expected instanceof Type.State s ? s.value() : null;
                TExpr init = exprs.checkExpecting(c.args().get(0), inner);
                if (written != null && !Types.assignable(written, init.type())) {
                    exprs.error(c.args().get(0).span(), "Type Error: Argument 1 mismatch. Expected "
                            + Types.display(written) + ", got " + Types.display(init.type()));
                    return new TExpr.Invalid(c.span());
                }
                return new TExpr.Builtin(RtMethod.stat("NgnState", "of",
                        "(Ljava/lang/Object;)" + RtApi.desc("NgnState")), List.of(init),
                        new Type.State(written != null ? written : init.type()), c.span());
            }
            case "map", "set", "bytes" -> {
                return new Collections(exprs).construct(name, c, expected);
            }
            case "thread" -> {
                return new Concurrency(exprs).thread(c);
            }
            case "channel" -> {
                return new Concurrency(exprs).channel(c, expected);
            }
            case "sleep" -> {
                return new Concurrency(exprs).sleep(c);
            }
            case "fetch" -> {
                return new NetNatives(exprs).fetch(c);
            }
            default -> { }
        }
        Native n = exprs.checker.importedNatives.get(name);
        if (n == null) return null;
        exprs.checker.imports.use(name);
        return nativeCall(n, c.args(), c.span(), name);
    }

    /**
     * {@code print(x)} / {@code echo(x)}. Spec 5: {@code print(x)} used as an expression evaluates to {@code x}, so
     * print with an argument is typed as {@code x}: a hidden local keeps the value across the printing. As a
     * statement the value is not needed; {@link ExprChecker#discarded} then swaps in the plain void call, so
     * statement prints compile exactly as before. The spec says this of {@code print} only: {@code echo(x)} and
     * {@code print()} stay void.
     */
    private TExpr print(boolean newline, Expr.Call c, Type expected) {
        RtMethod out = RtMethod.stat("Out", newline ? "println" : "print", "(Ljava/lang/String;)V");
        Span span = c.span();
        if (c.args().isEmpty()) {
            return new TExpr.Builtin(out, List.of(new TExpr.Const("", Prim.STRING, span)), Prim.VOID, span);
        }
        TExpr value = exprs.checkExpecting(c.args().get(0), newline ? expected : null);
        TExpr statement = new TExpr.Builtin(out, List.of(exprs.calls.format(value, span)), Prim.VOID, span);
        Type t = value.type();
        if (!newline || t == Prim.VOID || t instanceof Type.Error) return statement;
        LocalVar temp = new LocalVar("$print" + span.start(), t, false);
        TExpr printTemp = new TExpr.Builtin(out, List.of(exprs.calls.format(new TExpr.Local(temp, span), span)),
                Prim.VOID, span);
        TExpr asValue = new TExpr.LetIn(temp, value,
                new TExpr.Seq(List.of(printTemp), new TExpr.Local(temp, span), span), span);
        exprs.statementForms.put(asValue, statement);
        return asValue;
    }

    TExpr nativeCall(Native n, List<Expr> argExprs, Span span, String shownName) {
        List<TExpr> args = new ArrayList<>();
        for (Expr a : argExprs) args.add(exprs.check(a));
        return switch (n.module()) {
            case "math" -> math(n.function(), args, span, shownName);
            case "test" -> testAssert(argExprs, args, span);
            case "io" -> io(n.function(), args, span, shownName);
            case "encoding" -> encoding(n.function(), args, span, shownName);
            case "http" -> new NetNatives(exprs).http(n.function(), args, span, shownName);
            case "process" -> new NetNatives(exprs).process(n.function(), args, span, shownName);
            case "llm" -> new LlmNatives(exprs).call(n.function(), args, span, shownName);
            default -> new TExpr.Invalid(span);
        };
    }

    private static final String STR = "Ljava/lang/String;";
    private static final String ENUM = RtApi.desc("NgnEnum");
    private static final String BYTES = RtApi.desc("NgnBytes");

    /** Checks a fixed signature and builds the static call. */
    private TExpr fixed(String cls, String fn, List<TExpr> args, List<Type> params, String desc, Type result,
                        Span span, String shownName) {
        if (args.size() != params.size()) {
            exprs.calls.arityError(span, shownName, params.size(), params.size(), args.size());
            return new TExpr.Invalid(span);
        }
        for (int i = 0; i < args.size(); i++) {
            exprs.requireAssignable(params.get(i), args.get(i), args.get(i).span(), "Argument " + (i + 1) + " mismatch");
        }
        return new TExpr.Builtin(RtMethod.stat(cls, fn, desc), args, result, span);
    }

    private TExpr io(String fn, List<TExpr> args, Span span, String shownName) {
        Type voidResult = Types.result(Prim.VOID, Prim.STRING);
        return switch (fn) {
            case "read" -> fixed("IoLib", fn, args, List.of(Prim.STRING), "(" + STR + ")" + ENUM,
                    Types.result(Prim.STRING, Prim.STRING), span, shownName);
            case "write", "append" -> fixed("IoLib", fn, args, List.of(Prim.STRING, Prim.STRING),
                    "(" + STR + STR + ")" + ENUM, voidResult, span, shownName);
            case "delete" -> fixed("IoLib", fn, args, List.of(Prim.STRING), "(" + STR + ")" + ENUM, voidResult, span,
                    shownName);
            default -> fixed("IoLib", "exists", args, List.of(Prim.STRING), "(" + STR + ")Z", Prim.BOOL, span,
                    shownName);
        };
    }

    private TExpr encoding(String fn, List<TExpr> args, Span span, String shownName) {
        return switch (fn) {
            case "hexEncode", "base64Encode" -> fixed("EncodingLib", fn, args, List.of(Prim.BYTES),
                    "(" + BYTES + ")" + STR, Prim.STRING, span, shownName);
            default -> fixed("EncodingLib", fn, args, List.of(Prim.STRING), "(" + STR + ")" + BYTES, Prim.BYTES,
                    span, shownName);
        };
    }

    private static final String ASSERT_COMPARE = "(ZLjava/lang/String;Ljava/lang/String;Ljava/lang/String;)V";
    private static final String ASSERT_COMPARE_MSG = "(ZLjava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)V";

    /**
     * {@code assert(cond[, msg])}. The runtime gets the condition's source text, so a failure names what was
     * asserted ({@code Assertion failed: a == b}); for a comparison it also gets both operands' printed values
     * ({@code left: 3, right: 4}). Each operand is bound to a temporary first, so it is evaluated exactly once.
     */
    private TExpr testAssert(List<Expr> argExprs, List<TExpr> args, Span span) {
        if (args.isEmpty() || args.size() > 2) {
            exprs.calls.arityError(span, "assert", 1, 2, args.size());
            return new TExpr.Invalid(span);
        }
        TExpr cond = args.get(0);
        if (cond.type() != Prim.BOOL && !Types.isDynamic(cond.type())) {
            exprs.error(cond.span(), "Type Error: assert expects a bool condition, got " + Types.display(cond.type()));
        }
        TExpr msg = args.size() == 2 ? args.get(1) : null;
        if (msg != null && msg.type() != Prim.STRING) {
            exprs.error(msg.span(), "Type Error: assert message must be a string, got " + Types.display(msg.type()));
        }
        TExpr text = new TExpr.Const(sourceText(argExprs.get(0).span()), Prim.STRING, span);
        if (cond instanceof TExpr.Compare cmp) return assertComparison(cmp, text, msg, span);
        if (cond.type() == Prim.BOOL) {
            List<TExpr> ops = msg == null ? List.of(cond, text) : List.of(cond, text, msg);
            String desc = msg == null ? "(ZLjava/lang/String;)V" : "(ZLjava/lang/String;Ljava/lang/String;)V";
            return new TExpr.Builtin(RtMethod.stat("TestAssert", "that", desc), ops, Prim.VOID, span);
        }
        // an untyped condition: the runtime checks that it is a bool (spec 9.3)
        List<TExpr> ops = msg == null ? List.of(cond, text) : List.of(cond, text, msg);
        String desc = msg == null ? "(Ljava/lang/Object;Ljava/lang/String;)V"
                : "(Ljava/lang/Object;Ljava/lang/String;Ljava/lang/String;)V";
        return new TExpr.Builtin(RtMethod.stat("TestAssert", "that", desc), ops, Prim.VOID, span);
    }

    /** {@code assert(l OP r)}: {@code let $l = l; let $r = r; TestAssert.compare($l OP $r, text, fmt($l), fmt($r))}. */
    private TExpr assertComparison(TExpr.Compare cmp, TExpr text, TExpr msg, Span span) {
        LocalVar left = new LocalVar("$assertL" + span.start(), cmp.left().type(), false);
        LocalVar right = new LocalVar("$assertR" + span.start(), cmp.right().type(), false);
        TExpr l = new TExpr.Local(left, cmp.left().span());
        TExpr r = new TExpr.Local(right, cmp.right().span());
        TExpr test = new TExpr.Compare(cmp.op(), l, r, cmp.kind(), cmp.span());
        List<TExpr> ops = new ArrayList<>(List.of(test, text));
        if (msg != null) ops.add(msg);
        ops.add(shown(l, span));
        ops.add(shown(r, span));
        TExpr call = new TExpr.Builtin(RtMethod.stat("TestAssert", "compare", msg == null ? ASSERT_COMPARE : ASSERT_COMPARE_MSG),
                ops, Prim.VOID, span);
        return new TExpr.LetIn(left, cmp.left(), new TExpr.LetIn(right, cmp.right(), call, span), span);
    }

    /** An operand's value as the failure shows it: printed like {@code print} does, strings in quotes. */
    private TExpr shown(TExpr value, Span span) {
        if (value.type() == Prim.STRING) {
            return new TExpr.Builtin(RtMethod.stat("TestAssert", "quote", "(Ljava/lang/String;)Ljava/lang/String;"),
                    List.of(value), Prim.STRING, span);
        }
        return exprs.calls.format(value, span);
    }

    /** The source text of {@code span}, on one line (runs of white space become one space). */
    private String sourceText(Span span) {
        String src = exprs.checker.file.text();
        if (span.start() < 0 || span.end() > src.length() || span.start() >= span.end()) return "assert";
        return src.substring(span.start(), span.end()).strip().replaceAll("\\s+", " ");
    }

    private TExpr math(String fn, List<TExpr> args, Span span, String shownName) {
        switch (fn) {
            case "PI" -> {
                if (!args.isEmpty()) exprs.calls.arityError(span, shownName, 0, 0, args.size());
                return new TExpr.Const(Math.PI, Prim.F64, span);
            }
            case "abs", "round", "floor", "ceil", "trunc" -> {
                if (args.size() != 1) {
                    exprs.calls.arityError(span, shownName, 1, 1, args.size());
                    return new TExpr.Invalid(span);
                }
                TExpr x = args.get(0);
                requireNumeric(x);
                if (Types.isInt(x.type())) {
                    // kind-preserving, like the dynamic MathLib.abs(Object): a u8 stays a u8
                    return new TExpr.Builtin(RtMethod.stat("MathLib", fn, "(J)J"), args,
                            x.type() == Prim.BYTE ? Prim.BYTE : Prim.I64, span);
                }
                return new TExpr.Builtin(RtMethod.stat("MathLib", fn, "(D)D"), args, Prim.F64, span);
            }
            case "min", "max" -> {
                if (args.size() < 2 || args.size() > 5) {
                    exprs.calls.arityError(span, shownName, 2, 5, args.size());
                    return new TExpr.Invalid(span);
                }
                TExpr acc = args.get(0);
                requireNumeric(acc);
                for (int i = 1; i < args.size(); i++) {
                    requireNumeric(args.get(i));
                    acc = new TExpr.Builtin(RtMethod.stat("MathLib", fn, "(DD)D"), List.of(acc, args.get(i)),
                            Prim.F64, span);
                }
                return acc;
            }
            case "clamp" -> {
                return fixedDoubles(fn, args, 3, span, shownName);
            }
            case "pow", "atan2" -> {
                return fixedDoubles(fn, args, 2, span, shownName);
            }
            default -> {
                return fixedDoubles(fn, args, 1, span, shownName);
            }
        }
    }

    private TExpr fixedDoubles(String fn, List<TExpr> args, int n, Span span, String shownName) {
        if (args.size() != n) {
            exprs.calls.arityError(span, shownName, n, n, args.size());
            return new TExpr.Invalid(span);
        }
        for (TExpr a : args) requireNumeric(a);
        return new TExpr.Builtin(RtMethod.stat("MathLib", fn, "(" + "D".repeat(n) + ")D"), args, Prim.F64, span);
    }

    private void requireNumeric(TExpr x) {
        if (!Types.isNumeric(x.type()) && !Types.isDynamic(x.type())) {
            exprs.error(x.span(), "Type Error: expected a number, got " + Types.display(x.type()));
        }
    }

    /**
     * {@code ns.f(…)} where {@code ns} names a toolbox namespace import ({@code import * as m from "tbx::math"}).
     * Returns null when the receiver is not such a namespace.
     */
    TExpr namespaceCall(Expr.MethodCall m, Type expected) {
        if (!(m.receiver() instanceof Expr.Name n)) return null;
        if (exprs.probeLocal(n.name(), n.span()) != null) return null;
        String module = exprs.checker.namespaces.get(n.name());
        if (module == null) return null;
        exprs.checker.imports.use(n.name());
        if (!exists(module, m.name())) {
            exprs.error(m.span(), "'" + m.name() + "' is not a function of tbx::" + module);
            return new TExpr.Invalid(m.span());
        }
        return nativeCall(new Native(module, m.name()), m.args(), m.span(), m.name());
    }
}
