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

    /** JVM name of the interface method a role declares for this method. */
    public static String roleMethodName(String name) { return "role$" + name; }

    /** Descriptor of the role interface method: the parameters (receiver excluded) and result. */
    public String roleDescriptor() {
        StringBuilder sb = new StringBuilder("(");
        for (Type p : params) sb.append(JvmTypes.slotDescriptor(p));
        return sb.append(')').append(JvmTypes.descriptor(result)).toString();
    }

    public MethodInfo(String name, List<Type> params, Type result, String ownerInternalName, String jvmName) {
        this.name = name;
        this.params = params;
        this.result = result;
        this.ownerInternalName = ownerInternalName;
        this.jvmName = jvmName;
    }
}
