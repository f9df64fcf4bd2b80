package dev.ngnc.check;

import dev.ngnc.types.RtApi;
import dev.ngnc.ast.Expr;
import dev.ngnc.source.Span;
import dev.ngnc.tast.RtMethod;
import dev.ngnc.tast.TExpr;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The predefined global objects {@code json}, {@code time} and {@code env} (spec 11.1–11.3): their
 * methods map to static runtime-lib calls. A local or global of the same name shadows them.
 */
final class Globals {
    private final ExprChecker exprs;

    Globals(ExprChecker exprs) { this.exprs = exprs; }

    static final String STR = "Ljava/lang/String;";
    static final String OBJ = "Ljava/lang/Object;";
    static final String ENUM = RtApi.desc("NgnEnum");

    /** The built-in {@code DateTime} model (runtime class {@code dev.ngnc.rt.tbx.DateTime}). */
    static final ModelInfo DATE_TIME = dateTime();

    private static ModelInfo dateTime() {
        ModelInfo info = new ModelInfo("DateTime", List.of(), RtApi.cls("DateTime"));
        for (String f : List.of("year", "month", "day", "hour", "minute", "second", "weekday", "timestamp",
                "timestampMs")) {
            info.fields.add(new ModelInfo.FieldInfo(f, Prim.I64, false, null));
        }
        return info;
    }

    static Type dateTimeType() { return new Type.Model(DATE_TIME, List.of()); }

    /** The error object of {@code json.parse}: {@code {message, line, column}}. */
    private static Type jsonErrorType() {
        Map<String, Type> fields = new LinkedHashMap<>();
        fields.put("message", Prim.STRING);
        fields.put("line", Prim.I64);
        fields.put("column", Prim.I64);
        return new Type.Object(fields);
    }

    private boolean shadowed(Expr.Name n) {
        return exprs.probeLocal(n.name(), n.span()) != null || exprs.checker.globals.containsKey(n.name());
    }

    /** {@code json.parse(…)}, {@code time.now()}, {@code env.get(…)}…; null when the receiver is not such a global. */
    TExpr methodCall(Expr.MethodCall m) {
        if (!(m.receiver() instanceof Expr.Name n) || shadowed(n)) return null;
        return switch (n.name()) {
            case "json" -> json(m);
            case "time" -> time(m);
            case "env" -> env(m);
            case "spawn" -> new Concurrency(exprs).spawn(m);
            default -> null;
        };
    }

    /** {@code env.NAME}: the variable as a Maybe. Null when the receiver is not the env global. */
    TExpr field(Expr.Field f) {
        if (!(f.receiver() instanceof Expr.Name n) || !n.name().equals("env") || shadowed(n)) return null;
        return call("EnvLib", "get", "(" + STR + ")" + ENUM, List.of(new TExpr.Const(f.name(), Prim.STRING, f.span())),
                Types.maybe(Prim.STRING), f.span());
    }

    private List<TExpr> args(Expr.MethodCall m, int min, int max, List<Type> types) {
        if (m.args().size() < min || m.args().size() > max) {
            exprs.calls.arityError(m.span(), m.name(), min, max, m.args().size());
            return null;
        }
        List<TExpr> out = new ArrayList<>();
        for (int i = 0; i < m.args().size(); i++) {
            Type want = i < types.size() ? types.get(i) : Type.ANY;
            TExpr a = exprs.checkExpecting(m.args().get(i), want);
            exprs.requireAssignable(want, a, m.args().get(i).span(), "Argument " + (i + 1) + " mismatch");
            out.add(a);
        }
        return out;
    }

    private static TExpr call(String cls, String name, String desc, List<TExpr> args, Type type, Span span) {
        return new TExpr.Builtin(RtMethod.stat(cls, name, desc), args, type, span);
    }

    private TExpr unknown(Expr.MethodCall m, String global) {
        exprs.error(m.span(), "'" + global + "." + m.name() + "' does not exist");
        return new TExpr.Invalid(m.span());
    }

    private TExpr json(Expr.MethodCall m) {
        switch (m.name()) {
            case "parse" -> {
                List<TExpr> a = args(m, 1, 1, List.of(Type.ANY));
                if (a == null) return new TExpr.Invalid(m.span());
                return call("Json", "parse", "(" + OBJ + ")" + ENUM, a, Types.result(Type.ANY, jsonErrorType()),
                        m.span());
            }
            case "stringify" -> {
                List<TExpr> a = args(m, 1, 1, List.of(Type.ANY));
                if (a == null) return new TExpr.Invalid(m.span());
                return call("Json", "stringify", "(" + OBJ + ")" + STR, a, Prim.STRING, m.span());
            }
            default -> {
                return unknown(m, "json");
            }
        }
    }

    private TExpr time(Expr.MethodCall m) {
        String dt = RtApi.desc("DateTime");
        switch (m.name()) {
            case "now", "utc" -> {
                if (args(m, 0, 0, List.of()) == null) return new TExpr.Invalid(m.span());
                return call("TimeLib", m.name(), "()" + dt, List.of(), dateTimeType(), m.span());
            }
            case "unix", "unixMs" -> {
                if (args(m, 0, 0, List.of()) == null) return new TExpr.Invalid(m.span());
                return call("TimeLib", m.name(), "()J", List.of(), Prim.I64, m.span());
            }
            case "parse" -> {
                List<TExpr> a = args(m, 2, 2, List.of(Prim.STRING, Prim.STRING));
                if (a == null) return new TExpr.Invalid(m.span());
                return call("TimeLib", "parse", "(" + STR + STR + ")" + ENUM, a,
                        Types.result(dateTimeType(), Prim.STRING), m.span());
            }
            default -> {
                return unknown(m, "time");
            }
        }
    }

    private TExpr env(Expr.MethodCall m) {
        switch (m.name()) {
            case "get" -> {
                List<TExpr> a = args(m, 1, 1, List.of(Prim.STRING));
                if (a == null) return new TExpr.Invalid(m.span());
                return call("EnvLib", "get", "(" + STR + ")" + ENUM, a, Types.maybe(Prim.STRING), m.span());
            }
            case "has" -> {
                List<TExpr> a = args(m, 1, 1, List.of(Prim.STRING));
                if (a == null) return new TExpr.Invalid(m.span());
                return call("EnvLib", "has", "(" + STR + ")Z", a, Prim.BOOL, m.span());
            }
            default -> {
                return unknown(m, "env");
            }
        }
    }
}
