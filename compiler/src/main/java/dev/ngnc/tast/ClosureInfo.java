package dev.ngnc.tast;

import dev.ngnc.types.Type;

import java.util.List;

/**
 * A closure literal or a nested named function: compiled to its own class extending
 * {@code dev.ngnc.rt.value.NgnFn}. Captures are snapshots taken at creation: each {@link Capture} copies the
 * current value of {@code source} (an expression in the enclosing body) into a field, and the body
 * reads it through {@code inner}, a local of the closure's own method initialised from that field.
 */
public final class ClosureInfo {
    public final List<LocalVar> params;
    public final Type result;
    public final List<Capture> captures;
    /** For a nested named function that calls itself: the local its body uses for "this function"; else null. */
    public final LocalVar self;
    /** Printed name: {@code <fn name>} for a nested function that captures nothing, else {@code <closure>} (spec 5). */
    public final String displayName;
    public TStmt.Block body;
    /** JVM internal name, assigned by the emitter. */
    public String internalName;

    public ClosureInfo(List<LocalVar> params, Type result, List<Capture> captures, LocalVar self, String displayName) {
        this.params = params;
        this.result = result;
        this.captures = captures;
        this.self = self;
        this.displayName = displayName;
    }

    public record Capture(TExpr source, LocalVar inner) {}
}
