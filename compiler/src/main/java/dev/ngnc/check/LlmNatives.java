package dev.ngnc.check;

import dev.ngnc.source.Span;
import dev.ngnc.tast.RtMethod;
import dev.ngnc.tast.TExpr;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tbx::llm} (spec 11.6, docs/llm.md): {@code load(path, opts?)} ⇒ {@code Result<LlmModel, string>},
 * {@code generate(model, prompt, opts?)} ⇒ {@code Result<string, string>}, {@code stream(model, prompt, opts?)}
 * ⇒ {@code channel<string>}, calls of module runtime-llm's {@code dev.ngnc.rt.llm.Llm}. An options argument
 * written as an object is checked field by field against the documented names and types (an unknown name
 * or a wrong type is a compile error); an untyped one is checked at run time.
 */
final class LlmNatives {
    private final ExprChecker exprs;

    LlmNatives(ExprChecker exprs) { this.exprs = exprs; }

    static final List<String> FUNCTIONS = List.of("load", "generate", "stream");

    /** The built-in model {@code LlmModel}: a loaded model, no fields (listed in {@link HttpModels}). */
    static final ModelInfo LLM_MODEL = new ModelInfo("LlmModel", List.of(), dev.ngnc.types.RtApi.cls("LlmModel"));

    /** The runtime class (under dev/ngnc/rt/): its package is what marks a program as needing runtime-llm. */
    static final String RUNTIME = "Llm";

    private static final String STR = "Ljava/lang/String;";
    private static final String OBJ = "Ljava/lang/Object;";
    private static final String MODEL = "L" + LLM_MODEL.internalName + ";";

    /** Option name → the kind of value it takes: 'i' an integer, 'f' any number, 'b' a bool. */
    private static final Map<String, Character> LOAD_OPTIONS = options("context", 'i', "threads", 'i', "mmap", 'b');
    private static final Map<String, Character> GEN_OPTIONS = options("max_tokens", 'i', "temperature", 'f',
            "top_p", 'f', "top_k", 'i', "seed", 'i');

    private static Map<String, Character> options(Object... kv) {
        Map<String, Character> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Character) kv[i + 1]);
        return m;
    }

    TExpr call(String fn, List<TExpr> args, Span span, String shownName) {
        Type model = HttpModels.model(LLM_MODEL);
        boolean load = fn.equals("load");
        int required = load ? 1 : 2;
        if (args.size() < required || args.size() > required + 1) {
            exprs.calls.arityError(span, shownName, required, required + 1, args.size());
            return new TExpr.Invalid(span);
        }
        if (load) {
            exprs.requireAssignable(Prim.STRING, args.get(0), args.get(0).span(), "Argument 1 mismatch");
        } else {
            exprs.requireAssignable(model, args.get(0), args.get(0).span(), "Argument 1 mismatch");
            exprs.requireAssignable(Prim.STRING, args.get(1), args.get(1).span(), "Argument 2 mismatch");
        }
        boolean withOptions = args.size() > required;
        if (withOptions) checkOptions(args.get(required), load ? LOAD_OPTIONS : GEN_OPTIONS, shownName);
        String params = (load ? STR : MODEL + STR) + (withOptions ? OBJ : "");
        Type result;
        String ret;
        switch (fn) {
            case "load" -> { result = Types.result(model, Prim.STRING); ret = dev.ngnc.types.RtApi.desc("NgnEnum"); }
            case "generate" -> { result = Types.result(Prim.STRING, Prim.STRING); ret = dev.ngnc.types.RtApi.desc("NgnEnum"); }
            default -> { result = new Type.Channel(Prim.STRING); ret = dev.ngnc.types.RtApi.desc("NgnChannel"); }
        }
        return new TExpr.Builtin(RtMethod.stat(RUNTIME, fn, "(" + params + ")" + ret), args, result, span);
    }

    private void checkOptions(TExpr options, Map<String, Character> known, String fn) {
        Type t = options.type();
        if (Types.isDynamic(t)) return; // read and checked at run time
        if (!(t instanceof Type.Object o)) {
            exprs.error(options.span(), "Type Error: the options of " + fn + "() must be an object like { "
                    + known.keySet().iterator().next() + ": … }, got " + Types.display(t));
            return;
        }
        for (Map.Entry<String, Type> f : o.fields().entrySet()) {
            Character kind = known.get(f.getKey());
            if (kind == null) {
                exprs.error(options.span(), "Type Error: unknown option '" + f.getKey() + "' of " + fn + "()",
                        "the options of " + fn + "() are " + String.join(", ", known.keySet()));
                continue;
            }
            Type v = f.getValue();
            if (Types.isDynamic(v)) continue;
            boolean fits = switch (kind) {
                case 'i' -> Types.isInt(v);
                case 'f' -> Types.isNumeric(v);
                default -> v == Prim.BOOL;
            };
            if (!fits) {
                String want = switch (kind) {
                    case 'i' -> "i64";
                    case 'f' -> "f64";
                    default -> "bool";
                };
                exprs.error(options.span(), "Type Error: option '" + f.getKey() + "' of " + fn + "() must be " + want
                        + ", got " + Types.display(v));
            }
        }
    }
}
