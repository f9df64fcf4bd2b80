package dev.ngnc.codegen;

import dev.ngnc.tast.LocalVar;
import dev.ngnc.types.Type;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The locals of a function too large for one JVM method ({@link MethodSplitter}): each ngn local the parts touch
 * is a field of one frame object that the function allocates and passes to every part, so the parts share
 * variables as the statements of one body do. {@code $ret} carries a part's {@code return} value back to the
 * function. Only oversized functions pay for the indirection.
 */
final class SplitFrame implements Opcodes {
    /** Name of the field holding the value of a {@code return} executed inside a part. */
    static final String RETURN_FIELD = "$ret";

    final String internalName;
    /** The function's result as the parts store it in {@link #RETURN_FIELD} (void: no field). */
    final Rep result;
    private final Map<LocalVar, String> fields = new IdentityHashMap<>();
    private final Map<String, String> descriptors = new LinkedHashMap<>();

    SplitFrame(String internalName, Type result) {
        this.internalName = internalName;
        this.result = Rep.of(result);
    }

    /** The field holding {@code v}, created on first use. */
    String field(LocalVar v) {
        return fields.computeIfAbsent(v, k -> {
            String name = "v" + fields.size() + "$" + jvmSafe(k.name);
            descriptors.put(name, Rep.slot(k.type).descriptor());
            return name;
        });
    }

    boolean holds(LocalVar v) {
        return fields.containsKey(v);
    }

    String descriptor() {
        return "L" + internalName + ";";
    }

    /** Emits the frame class: public fields, a no-argument constructor. */
    void emitClass(ClassRegistry reg) {
        ClassWriter cw = reg.begin(internalName, RtNames.OBJECT, ACC_FINAL | ACC_SYNTHETIC);
        for (Map.Entry<String, String> f : descriptors.entrySet()) {
            cw.visitField(ACC_PUBLIC, f.getKey(), f.getValue(), null, null).visitEnd();
        }
        if (!result.isVoid()) cw.visitField(ACC_PUBLIC, RETURN_FIELD, result.descriptor(), null, null).visitEnd();
        ClassRegistry.noArgConstructor(cw, ACC_PUBLIC, RtNames.OBJECT);
    }

    /** With the value (of representation {@code rep}) on the stack and the frame in {@code frameSlot}: stores it. */
    static void putField(MethodVisitor mv, int frameSlot, String owner, String field, Rep rep) {
        mv.visitVarInsn(ALOAD, frameSlot);
        if (rep.isWide()) {
            mv.visitInsn(DUP_X2);
            mv.visitInsn(POP);
        } else {
            mv.visitInsn(SWAP);
        }
        mv.visitFieldInsn(PUTFIELD, owner, field, rep.descriptor());
    }

    private static String jvmSafe(String name) {
        if (name == null) return "";
        StringBuilder sb = new StringBuilder();
        name.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || cp == '_') sb.appendCodePoint(cp);
            else sb.append('_');
        });
        return sb.toString();
    }
}
