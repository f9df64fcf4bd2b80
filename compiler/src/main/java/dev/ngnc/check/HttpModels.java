package dev.ngnc.check;

import dev.ngnc.types.RtApi;
import dev.ngnc.ast.Expr;
import dev.ngnc.ast.StringPart;
import dev.ngnc.ast.TypeExpr;
import dev.ngnc.source.Span;
import dev.ngnc.tast.RtMethod;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import java.util.List;
import java.util.Map;

/**
 * The built-in models of the network and process toolbox (spec 11.4, 11.6, 11.7) — {@code Request},
 * {@code Response}, {@code StreamingResponse}, {@code SseResponse}, {@code SseEvent},
 * {@code WebSocketResponse}, {@code ProcessOutput}, {@code ProcessStream<T>} — and the type aliases
 * {@code WsMessage} ({@code string | bytes}) and {@code SseMessage} ({@code string | SseEvent | object}).
 * They are visible in every file without an import; a user declaration of the same name shadows them.
 *
 * <p>Each model is a runtime class with public typed fields and a constructor taking every field in
 * declaration order (like {@code DateTime}): {@code Response}, {@code ProcessOutput} and
 * {@code ProcessStream} live in runtime-lib ({@code dev.ngnc.rt}), the server's models in runtime-http
 * ({@code dev.ngnc.rt.http}). The field lists here must match those classes. Their methods
 * ({@code text()}, {@code json()}, {@code formData()}, {@code clone()}) are in {@link #method}.
 */
final class HttpModels {
    private HttpModels() {}

    static final ModelInfo RESPONSE = new ModelInfo("Response", List.of(), RtApi.cls("Response"));
    static final ModelInfo REQUEST = new ModelInfo("Request", List.of(), RtApi.cls("Request"));
    static final ModelInfo STREAMING_RESPONSE = new ModelInfo("StreamingResponse", List.of(),
            RtApi.cls("StreamingResponse"));
    static final ModelInfo SSE_RESPONSE = new ModelInfo("SseResponse", List.of(), RtApi.cls("SseResponse"));
    static final ModelInfo SSE_EVENT = new ModelInfo("SseEvent", List.of(), RtApi.cls("SseEvent"));
    static final ModelInfo WEB_SOCKET_RESPONSE = new ModelInfo("WebSocketResponse", List.of(),
            RtApi.cls("WebSocketResponse"));
    static final ModelInfo PROCESS_OUTPUT = new ModelInfo("ProcessOutput", List.of(), RtApi.cls("ProcessOutput"));
    static final ModelInfo PROCESS_STREAM = new ModelInfo("ProcessStream", List.of("T"), RtApi.cls("ProcessStream"));

    private static final List<ModelInfo> ALL = List.of(RESPONSE, REQUEST, STREAMING_RESPONSE, SSE_RESPONSE, SSE_EVENT,
            WEB_SOCKET_RESPONSE, PROCESS_OUTPUT, PROCESS_STREAM, LlmNatives.LLM_MODEL);

    static final Type STRING_MAP = new Type.MapT(Prim.STRING, Prim.STRING);

    static {
        Expr status200 = new Expr.IntLit(200, Span.NONE);
        add(RESPONSE, "status", Prim.I64, status200);
        add(RESPONSE, "statusText", Prim.STRING, str(""));
        add(RESPONSE, "ok", Prim.BOOL, new Expr.BoolLit(false, Span.NONE)); // derived from status at run time
        add(RESPONSE, "headers", STRING_MAP, emptyMap());
        add(RESPONSE, "body", Prim.STRING, str(""));

        add(REQUEST, "method", Prim.STRING, str("GET"));
        add(REQUEST, "url", Prim.STRING, str("/"));
        add(REQUEST, "protocol", Prim.STRING, str("http"));
        add(REQUEST, "host", Prim.STRING, str(""));
        add(REQUEST, "path", Prim.STRING, str("/"));
        add(REQUEST, "query", Prim.STRING, str(""));
        add(REQUEST, "params", STRING_MAP, emptyMap());
        add(REQUEST, "headers", STRING_MAP, emptyMap());
        add(REQUEST, "body", Prim.STRING, str(""));
        add(REQUEST, "ip", Prim.STRING, str(""));
        add(REQUEST, "cookies", STRING_MAP, emptyMap());

        add(STREAMING_RESPONSE, "status", Prim.I64, status200);
        add(STREAMING_RESPONSE, "headers", Type.ANY, emptyMap());
        add(STREAMING_RESPONSE, "body", new Type.Channel(Prim.STRING), null);

        add(SSE_RESPONSE, "status", Prim.I64, status200);
        add(SSE_RESPONSE, "headers", Type.ANY, emptyMap());
        add(SSE_RESPONSE, "body", new Type.Channel(Type.ANY), null);
        add(SSE_RESPONSE, "keepAliveMs", Prim.I64, new Expr.IntLit(0, Span.NONE));

        add(SSE_EVENT, "data", Prim.STRING, null);
        add(SSE_EVENT, "event", Prim.STRING, str(""));
        add(SSE_EVENT, "id", Prim.STRING, str(""));
        add(SSE_EVENT, "retryMs", Prim.I64, new Expr.IntLit(0, Span.NONE));
        add(SSE_EVENT, "comment", Prim.STRING, str(""));

        add(WEB_SOCKET_RESPONSE, "headers", Type.ANY, emptyMap());
        add(WEB_SOCKET_RESPONSE, "recv", new Type.Channel(Type.ANY), null);
        add(WEB_SOCKET_RESPONSE, "send", new Type.Channel(Type.ANY), null);

        add(PROCESS_OUTPUT, "code", Prim.I64, null);
        add(PROCESS_OUTPUT, "stdout", Prim.STRING, null);
        add(PROCESS_OUTPUT, "stderr", Prim.STRING, null);

        Type lines = new Type.Channel(new Type.Param("T"));
        add(PROCESS_STREAM, "stdout", lines, null);
        add(PROCESS_STREAM, "stderr", lines, null);
        add(PROCESS_STREAM, "done", new Type.Channel(Types.result(model(PROCESS_OUTPUT), Prim.STRING)), null);
    }

    private static void add(ModelInfo m, String name, Type type, Expr defaultValue) {
        m.fields.add(new ModelInfo.FieldInfo(name, type, false, defaultValue));
    }

    private static Expr str(String s) {
        return new Expr.StringLit(s.isEmpty() ? List.of() : List.of(new StringPart.Text(s, Span.NONE)), Span.NONE);
    }

    /** {@code map<string, string>()}. */
    private static Expr emptyMap() {
        TypeExpr string = new TypeExpr.Named("string", List.of(), Span.NONE);
        return new Expr.Call(new Expr.Name("map", Span.NONE), List.of(string, string), List.of(), Span.NONE);
    }

    static Type model(ModelInfo info) {
        return new Type.Model(info, List.of());
    }

    static Type processStream(Type element) {
        return new Type.Model(PROCESS_STREAM, List.of(element));
    }

    /** Makes the built-in models and aliases visible in a file. */
    static void register(TypeResolver types) {
        for (ModelInfo m : ALL) types.models.put(m.name, m);
        types.defineAlias("WsMessage", new Type.Union(List.of(Prim.STRING, Prim.BYTES)));
        types.defineAlias("SseMessage", new Type.Union(List.of(Prim.STRING, model(SSE_EVENT),
                new Type.Object(Map.of()))));
    }

    /** True for the names {@link #register} defines (a user type of that name replaces the built-in one). */
    static boolean isBuiltinName(String name) {
        if (name.equals("WsMessage") || name.equals("SseMessage")) return true;
        for (ModelInfo m : ALL) if (m.name.equals(name)) return true;
        return false;
    }

    /**
     * The built-in models are shared by every compilation in the JVM (the Maven plugin, tests), so nothing may
     * change them: they take no roles (their classes live in the runtime and cannot implement a program's role
     * interfaces) and their fields are fixed.
     */
    static boolean isBuiltin(ModelInfo m) {
        for (ModelInfo b : ALL) if (b == m) return true;
        return m == Globals.DATE_TIME;
    }

    /** Removes the built-in {@code name} so that a user declaration can take it. */
    static void unregister(TypeResolver types, String name) {
        types.models.remove(name);
        types.forgetAlias(name);
    }

    /** True for a built-in model whose class lives in runtime-http. */
    static boolean isServerModel(ModelInfo info) {
        return info.internalName.startsWith(RtApi.HTTP);
    }

    private static final String STR = "Ljava/lang/String;";
    private static final String ENUM = RtApi.desc("NgnEnum");
    private static final String MAP = RtApi.desc("NgnMap");

    /**
     * The built-in method {@code name} with {@code argc} arguments of a built-in model, or null
     * ({@code BuiltinMethods.lookup} for model receivers).
     */
    static BuiltinMethods.Spec method(Type.Model receiver, String name, int argc) {
        ModelInfo info = receiver.info();
        if (info != RESPONSE && info != REQUEST) return null;
        String cls = info == RESPONSE ? "Response" : "Request";
        if (argc != 0) return null;
        return switch (name) {
            case "text" -> spec(cls, "text", "()" + STR, Prim.STRING);
            case "json" -> spec(cls, "json", "()" + ENUM, Types.result(Type.ANY, Prim.STRING));
            case "formData" -> spec(cls, "formData", "()" + MAP, STRING_MAP);
            case "clone" -> info == REQUEST
                    ? spec(cls, "copy", "()L" + info.internalName + ";", model(REQUEST)) : null;
            default -> null;
        };
    }

    private static BuiltinMethods.Spec spec(String cls, String name, String desc, Type result) {
        return new BuiltinMethods.Spec(RtMethod.virt(cls, name, desc), null, List.of(), result,
                BuiltinMethods.Effect.NONE);
    }
}
