package dev.ngnc.codegen;

import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes generated for one program: one {@link ClassWriter} per internal name, the super
 * class of every generated class (so stack-map frames can be computed without loading them),
 * and the finished bytes.
 */
final class ClassRegistry {
    private final String sourceFile;
    private final Map<String, ClassWriter> open = new LinkedHashMap<>();
    private final Map<String, String> supers = new HashMap<>();
    private final Map<String, byte[]> done = new LinkedHashMap<>();

    ClassRegistry(String sourceFile) {
        this.sourceFile = sourceFile;
    }

    /** Adds {@code <init>()} that only calls {@code superName}'s no-argument constructor. */
    static void noArgConstructor(ClassVisitor cw, int access, String superName) {
        MethodVisitor mv = cw.visitMethod(access, "<init>", "()V", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, superName, "<init>", "()V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Starts a public class; {@code interfaces} may be empty. */
    ClassWriter begin(String name, String superName, int extraAccess, String... interfaces) {
        if (open.containsKey(name) || done.containsKey(name)) {
            throw new IllegalStateException("class generated twice: " + name);
        }
        ClassWriter cw = new FrameWriter();
        int access = Opcodes.ACC_PUBLIC | extraAccess;
        if ((extraAccess & Opcodes.ACC_INTERFACE) == 0) access |= Opcodes.ACC_SUPER;
        cw.visit(Opcodes.V21, access, name, null, superName,
                interfaces.length == 0 ? null : interfaces);
        cw.visitSource(sourceFile, null);
        open.put(name, cw);
        supers.put(name, superName);
        return cw;
    }

    /**
     * Records the super class of a class that will be generated later (a closure is emitted after the method creating
     * it), so frames computed before then merge it with its super class's other values, not to {@code Object}.
     */
    void declareSuper(String name, String superName) {
        supers.putIfAbsent(name, superName);
    }

    /** The open writer of {@code name}, or null. */
    ClassWriter get(String name) {
        return open.get(name);
    }

    boolean exists(String name) {
        return open.containsKey(name) || done.containsKey(name);
    }

    /** Ends every open class and returns all bytes (internal name → class file). */
    Map<String, byte[]> finish() {
        for (Map.Entry<String, ClassWriter> e : open.entrySet()) {
            e.getValue().visitEnd();
            try {
                done.put(e.getKey(), e.getValue().toByteArray());
            } catch (MethodTooLargeException ex) {
                throw new CodeTooLargeException(null, "generated method '" + ex.getMethodName() + "' of "
                        + ex.getClassName() + " is too large for the JVM (" + ex.getCodeSize()
                        + " bytes of bytecode, the limit is 65535)",
                        "split the closure or function it comes from into smaller ones");
            } catch (ClassTooLargeException ex) {
                throw new CodeTooLargeException(null, "generated class " + ex.getClassName()
                        + " is too large for the JVM (over 65535 constants)",
                        "split the program into modules, or move large literals into data files");
            }
        }
        open.clear();
        return new LinkedHashMap<>(done);
    }

    /** Super-class chain of {@code name}, starting at {@code name} and ending with java/lang/Object. */
    private List<String> chain(String name) {
        List<String> out = new ArrayList<>();
        String cur = name;
        int guard = 0;
        while (cur != null && guard++ < 64) {
            out.add(cur);
            if (cur.equals(RtNames.OBJECT)) return out;
            String sup = supers.get(cur);
            if (sup == null) sup = loadSuper(cur);
            cur = sup;
        }
        if (!out.contains(RtNames.OBJECT)) out.add(RtNames.OBJECT);
        return out;
    }

    /** Super class of a non-generated class (runtime-lib or JDK), or null for interfaces/unknown classes. */
    private static String loadSuper(String internal) {
        try {
            Class<?> c = Class.forName(internal.replace('/', '.'), false, ClassRegistry.class.getClassLoader());
            if (c.isInterface()) return RtNames.OBJECT;
            Class<?> s = c.getSuperclass();
            return s == null ? null : s.getName().replace('.', '/');
        } catch (ClassNotFoundException | LinkageError e) {
            return RtNames.OBJECT;
        }
    }

    String commonSuper(String a, String b) {
        if (a.equals(b)) return a;
        List<String> ca = chain(a);
        List<String> cb = chain(b);
        for (String x : ca) if (cb.contains(x)) return x;
        return RtNames.OBJECT;
    }

    /** A class writer that computes frames using the registry's knowledge of generated classes. */
    private final class FrameWriter extends ClassWriter {
        FrameWriter() {
            super(ClassWriter.COMPUTE_FRAMES);
        }

        @Override
        protected String getCommonSuperClass(String type1, String type2) {
            return commonSuper(type1, type2);
        }
    }
}
