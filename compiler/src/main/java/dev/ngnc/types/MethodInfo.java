package dev.ngnc.types;

import java.util.List;

/**
 * A method from an {@code extend} block (or a role signature). Compiled as a static method
 * {@code owner.name(receiver, params…)} so calls are plain invokestatic.
 */
public final class MethodInfo {
    public final String name;
    public final List<Type> params;
    public final Type result;
    public final String ownerInternalName;
    public final String jvmName;
    public dev.ngnc.ast.Decl.Fn decl;

    public MethodInfo(String name, List<Type> params, Type result, String ownerInternalName, String jvmName) {
        this.name = name;
        this.params = params;
        this.result = result;
        this.ownerInternalName = ownerInternalName;
        this.jvmName = jvmName;
    }
}
