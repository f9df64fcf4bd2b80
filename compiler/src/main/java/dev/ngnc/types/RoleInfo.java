package dev.ngnc.types;

import java.util.LinkedHashMap;
import java.util.Map;

/** A declared role: method signatures (and optional default bodies). Compiles to a JVM interface. */
public final class RoleInfo {
    public final String name;
    public final Map<String, MethodInfo> methods = new LinkedHashMap<>();
    public final String internalName;

    public RoleInfo(String name, String internalName) {
        this.name = name;
        this.internalName = internalName;
    }

    @Override public String toString() { return name; }
}
