package dev.ngnc.tast;

import dev.ngnc.source.Span;
import dev.ngnc.types.JvmTypes;
import dev.ngnc.types.Type;

import java.util.List;

/**
 * A top-level function or an {@code extend} method, compiled to a static JVM method with typed
 * parameters (for a method, the receiver {@code this} is parameter 0). Calls are invokestatic.
 */
public final class FnSymbol {
    public final String name;
    public final String ownerInternalName;
    public final String jvmName;
    public final List<LocalVar> params;
    /** Final once the checker has inferred the results of functions declared without one (before any body is checked). */
    public Type result;
    public final Span span;
    /** How calls complete omitted arguments; null: every parameter is required. */
    public ArgumentDefaults defaults;
    /** Set once the body is checked. */
    public TStmt.Block body;
    /**
     * Declared without a result, a block body that returns typed values: void by rule (spec 2.7), and the body's
     * "Return type mismatch" is the one error for that mistake, so storing a call's void result reports nothing more.
     */
    public boolean returnsValuesAsVoid;

    public FnSymbol(String name, String ownerInternalName, String jvmName, List<LocalVar> params, Type result,
                    Span span) {
        this.name = name;
        this.ownerInternalName = ownerInternalName;
        this.jvmName = jvmName;
        this.params = params;
        this.result = result;
        this.span = span;
    }

    public String descriptor() {
        StringBuilder sb = new StringBuilder("(");
        for (LocalVar p : params) sb.append(JvmTypes.slotDescriptor(p.type));
        return sb.append(')').append(JvmTypes.descriptor(result)).toString();
    }
}
