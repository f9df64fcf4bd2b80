package dev.ngnc.check;

import dev.ngnc.tast.ClosureInfo;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.TExpr;
import dev.ngnc.types.Type;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of checking one function, method or closure body: lexical scopes of locals, the
 * enclosing body (for closure captures), the expected result type, and loop/match nesting.
 */
final class BodyContext {
    enum Kind { FUNCTION, CLOSURE, NESTED_FN, TOP_LEVEL }

    final Kind kind;
    final BodyContext parent;
    Type result;
    /** Closures without a declared result type infer it from their return statements. */
    boolean inferResult;
    Type inferredResult;
    final Deque<Map<String, Binding>> scopes = new ArrayDeque<>();
    /** Captures made by this closure body: outer variable → the inner local that holds its snapshot. */
    final Map<LocalVar, LocalVar> captured = new LinkedHashMap<>();
    final List<ClosureInfo.Capture> captures = new ArrayList<>();
    /** For a nested named function: its own name and the local standing for itself. */
    String selfName;
    LocalVar self;
    LocalVar thisVar;
    int loopDepth;
    int matchDepth;
    /** Owned-parameter moves: variable → where it was moved (use after move is an error). */
    final Map<LocalVar, dev.ngnc.source.Span> moved = new HashMap<>();

    BodyContext(Kind kind, BodyContext parent, Type result) {
        this.kind = kind;
        this.parent = parent;
        this.result = result;
        scopes.push(new HashMap<>());
    }

    /**
     * A name bound in a scope: a local variable, or a nested named function (a local holding an NgnFn) with
     * its declared parameters, so that calls by name can leave out optional and defaulted arguments.
     */
    record Binding(LocalVar var, List<dev.ngnc.ast.Param> fnParams) {}

    void push() { scopes.push(new HashMap<>()); }

    void pop() { scopes.pop(); }

    void declare(String name, LocalVar var) { scopes.peek().put(name, new Binding(var, null)); }

    void declareNestedFn(String name, LocalVar var, List<dev.ngnc.ast.Param> params) {
        scopes.peek().put(name, new Binding(var, params));
    }

    Binding lookupHere(String name) {
        for (Map<String, Binding> scope : scopes) {
            Binding b = scope.get(name);
            if (b != null) return b;
        }
        return null;
    }

    boolean declaredInInnermost(String name) { return scopes.peek().containsKey(name); }

    /** Captures {@code outer} (a variable of an enclosing body) into this closure body. */
    LocalVar capture(LocalVar outer, TExpr source) {
        LocalVar inner = captured.get(outer);
        if (inner != null) return inner;
        inner = new LocalVar(outer.name, outer.type, false);
        captured.put(outer, inner);
        captures.add(new ClosureInfo.Capture(source, inner));
        return inner;
    }
}
