package dev.ngnc.tast;

import dev.ngnc.types.Type;

/** A {@code global}: a static field of the program class, set once by the top-level initialiser. */
public final class GlobalVar {
    public final String name;
    public final Type type;
    public final String ownerInternalName;
    public final String fieldName;

    public GlobalVar(String name, Type type, String ownerInternalName, String fieldName) {
        this.name = name;
        this.type = type;
        this.ownerInternalName = ownerInternalName;
        this.fieldName = fieldName;
    }
}
