package dev.ngnc.tast;

import dev.ngnc.types.Type;

/**
 * A local variable or parameter of one function/closure body. The checker may widen an integer
 * variable's type to f64 when a float is assigned to it (spec 3.1: numeric types are mutually
 * assignable), so {@code type} is settable until checking ends. {@code slot} belongs to codegen.
 */
public final class LocalVar {
    public final String name;
    public Type type;
    public final boolean mutable;
    public final int id;
    /** JVM local slot, assigned by the emitter. */
    public int slot = -1;

    private static int nextId;

    public LocalVar(String name, Type type, boolean mutable) {
        this.name = name;
        this.type = type;
        this.mutable = mutable;
        synchronized (LocalVar.class) { this.id = nextId++; }
    }

    @Override public String toString() { return name + "#" + id + ":" + type; }
}
