package dev.ngnc.codegen;

import dev.ngnc.driver.CompiledProgram;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.Map;

/** Reading generated methods back for tests that pin instruction shapes. */
final class Bytecode {
    private Bytecode() {
    }

    /** The generated method called {@code name} (e.g. {@code fn$main}) in any class of {@code p}. */
    static MethodNode method(CompiledProgram p, String name) {
        for (Map.Entry<String, byte[]> e : p.classes().entrySet()) {
            ClassNode cn = new ClassNode();
            new ClassReader(e.getValue()).accept(cn, 0);
            for (MethodNode m : cn.methods) {
                if (m.name.equals(name)) return m;
            }
        }
        throw new AssertionError("no method " + name);
    }
}
