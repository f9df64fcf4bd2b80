package dev.ngnc.check;

import dev.ngnc.types.RtApi;
import dev.ngnc.ast.Expr;
import dev.ngnc.source.Span;
import dev.ngnc.tast.RtMethod;
import dev.ngnc.tast.TExpr;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code fetch(url, opts?)} (spec 11.4), {@code tbx::http}'s {@code serve(handler, config?)} (11.7) and
 * {@code tbx::process}'s {@code run}, {@code stream}, {@code streamRaw} (11.6), plus the check of an entry
 * file's {@code export default { fetch, config? }} server. fetch and process map to runtime-lib
 * ({@code Fetch}, {@code ProcessLib}); the server to runtime-http ({@code dev.ngnc.rt.http.HttpServer}).
 */
final class NetNatives {
    private final ExprChecker exprs;

    NetNatives(ExprChecker exprs) { this.exprs = exprs; }

    static final List<String> HTTP_FUNCTIONS = List.of("serve");
    static final List<String> PROCESS_FUNCTIONS = List.of("run", "stream", "streamRaw");

    /** The runtime class that runs servers. */
    static final String HTTP_SERVER = "HttpServer";

    private static final String STR = "Ljava/lang/String;";
    private static final String OBJ = "Ljava/lang/Object;";
    private static final String CHANNEL = RtApi.desc("NgnChannel");
    private static final String ENUM = RtApi.desc("NgnEnum");

    /** {@code fetch(url, options?)}: {@code channel<Response>} at once. */
    TExpr fetch(Expr.Call c) {
        List<TExpr> args = new ArrayList<>();
        for (Expr a : c.args()) args.add(exprs.check(a));
        return urlCall("Fetch", "fetch", args, c.span(), "fetch", new Type.Channel(HttpModels.model(HttpModels.RESPONSE)),
                CHANNEL);
    }

    /** A call {@code f(text, options?)} of a static runtime method returning {@code resultDesc}. */
    private TExpr urlCall(String cls, String fn, List<TExpr> args, Span span, String shownName, Type result,
                          String resultDesc) {
        if (args.isEmpty() || args.size() > 2) {
            exprs.calls.arityError(span, shownName, 1, 2, args.size());
            return new TExpr.Invalid(span);
        }
        exprs.requireAssignable(Prim.STRING, args.get(0), args.get(0).span(), "Argument 1 mismatch");
        if (args.size() == 2) requireOptions(args.get(1), shownName);
        String desc = args.size() == 1 ? "(" + STR + ")" + resultDesc : "(" + STR + OBJ + ")" + resultDesc;
        return new TExpr.Builtin(RtMethod.stat(cls, fn, desc), args, result, span);
    }

    /** Options are an object or a map (read by field name at run time). */
    private void requireOptions(TExpr options, String fn) {
        Type t = options.type();
        if (t instanceof Type.Object || t instanceof Type.MapT || t instanceof Type.Model || Types.isDynamic(t)
                || Types.isMaybe(t)) {
            return;
        }
        exprs.error(options.span(), "Type Error: the options of " + fn + "() must be an object like { key: value }, got "
                + Types.display(t));
    }

    /** {@code tbx::process} functions. */
    TExpr process(String fn, List<TExpr> args, Span span, String shownName) {
        return switch (fn) {
            case "run" -> urlCall("ProcessLib", "run", args, span, shownName,
                    new Type.Channel(Types.result(HttpModels.model(HttpModels.PROCESS_OUTPUT), Prim.STRING)), CHANNEL);
            case "stream" -> urlCall("ProcessLib", "stream", args, span, shownName,
                    Types.result(HttpModels.processStream(Prim.STRING), Prim.STRING), ENUM);
            default -> urlCall("ProcessLib", "streamRaw", args, span, shownName,
                    Types.result(HttpModels.processStream(Prim.BYTES), Prim.STRING), ENUM);
        };
    }

    /** {@code tbx::http}: {@code serve(handler, config?)} blocks until the server is stopped. */
    TExpr http(String fn, List<TExpr> args, Span span, String shownName) {
        if (args.isEmpty() || args.size() > 2) {
            exprs.calls.arityError(span, shownName, 1, 2, args.size());
            return new TExpr.Invalid(span);
        }
        checkHandler(args.get(0).type(), args.get(0).span(), "serve()");
        if (args.size() == 2) requireOptions(args.get(1), "serve");
        String desc = args.size() == 1 ? "(" + OBJ + ")V" : "(" + OBJ + OBJ + ")V";
        return new TExpr.Builtin(RtMethod.stat(HTTP_SERVER, "serve", desc), args, Prim.VOID, span);
    }

    /** A handler must be a function taking one Request (or an untyped value, checked at run time). */
    private boolean checkHandler(Type t, Span span, String where) {
        if (Types.isDynamic(t)) return true;
        if (!(t instanceof Type.Fn f)) {
            exprs.error(span, "Type Error: " + where + " expects a handler function fn(req: Request), got "
                    + Types.display(t));
            return false;
        }
        if (f.params().size() != 1) {
            exprs.error(span, "Type Error: an HTTP handler takes exactly one parameter (the Request), this one takes "
                    + f.params().size());
            return false;
        }
        Type p = f.params().get(0);
        if (!Types.assignable(p, HttpModels.model(HttpModels.REQUEST))) {
            exprs.error(span, "Type Error: an HTTP handler's parameter must accept a Request, not "
                    + Types.display(p));
            return false;
        }
        return true;
    }

    /**
     * Checks that the entry file's {@code export default} value is a server ({@code { fetch: handler,
     * config? }}) when there is no {@code fn main()}.
     */
    static void checkServerExport(Checker checker, TExpr value, Span span) {
        Type t = value.type();
        String hint = "export an object with a `fetch` handler: `export default { fetch: handler }` (or add fn main())";
        if (Types.isDynamic(t)) return;
        if (!(t instanceof Type.Object o) || !o.fields().containsKey("fetch")) {
            checker.error(span, "No main() function or HTTP handler defined: export default must be an object with a "
                    + "`fetch` handler", hint);
            return;
        }
        Type fetch = o.fields().get("fetch");
        if (Types.isDynamic(fetch)) return;
        if (!(fetch instanceof Type.Fn f) || f.params().size() != 1
                || !Types.assignable(f.params().get(0), HttpModels.model(HttpModels.REQUEST))) {
            checker.error(span, "Type Error: the `fetch` of export default must be a handler function fn(req: Request), "
                    + "got " + Types.display(fetch), hint);
        }
    }
}
