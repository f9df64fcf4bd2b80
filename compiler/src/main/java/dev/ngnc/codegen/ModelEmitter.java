package dev.ngnc.codegen;

import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.ModelInfo.FieldInfo;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.List;

import static dev.ngnc.codegen.RtNames.*;

/**
 * Model classes: {@code public final class <info.internalName> extends NgnModel [implements roles]}
 * with one public field per model field (declaration order), a constructor taking all fields,
 * {@code modelName}, {@code fieldNames}, {@code fieldValue} and a {@code shareFields} that only
 * touches reference fields.
 */
final class ModelEmitter implements Opcodes {
    private ModelEmitter() {}

    /** Name of the static String[] holding the field names. */
    static final String NAMES_FIELD = "$FIELD_NAMES";

    /** The type a field is stored as: its declared type, or {@code Maybe<declared>} when optional. */
    static Type fieldType(FieldInfo f) {
        return f.optional() ? Types.maybe(f.type()) : f.type();
    }

    static Type fieldType(ModelInfo m, String name) {
        FieldInfo f = m.field(name);
        if (f == null) throw new IllegalStateException("model " + m.name + " has no field " + name);
        return fieldType(f);
    }

    /** Starts the class (so extend methods can be added to it) — members come from {@link #members}. */
    static ClassWriter begin(ClassRegistry reg, ModelInfo info) {
        String[] roles = info.roles.stream().map(r -> r.internalName).toArray(String[]::new);
        return reg.begin(info.internalName, MODEL, ACC_FINAL, roles);
    }

    static void members(ClassWriter cw, ModelInfo info) {
        String self = info.internalName;
        List<FieldInfo> fields = info.fields;
        StringBuilder ctorDesc = new StringBuilder("(");
        for (FieldInfo f : fields) {
            String d = Rep.slot(fieldType(f)).descriptor();
            cw.visitField(ACC_PUBLIC, f.name(), d, null, null).visitEnd();
            ctorDesc.append(d);
        }
        ctorDesc.append(")V");
        cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, NAMES_FIELD, "[Ljava/lang/String;", null, null).visitEnd();

        // static { $FIELD_NAMES = {...}; }
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        Coercions.pushInt(mv, fields.size());
        mv.visitTypeInsn(ANEWARRAY, STRING);
        for (int i = 0; i < fields.size(); i++) {
            mv.visitInsn(DUP);
            Coercions.pushInt(mv, i);
            mv.visitLdcInsn(fields.get(i).name());
            mv.visitInsn(AASTORE);
        }
        mv.visitFieldInsn(PUTSTATIC, self, NAMES_FIELD, "[Ljava/lang/String;");
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        // constructor
        mv = cw.visitMethod(ACC_PUBLIC, "<init>", ctorDesc.toString(), null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESPECIAL, MODEL, "<init>", "()V", false);
        int slot = 1;
        for (FieldInfo f : fields) {
            Rep r = Rep.slot(fieldType(f));
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(r.loadOp(), slot);
            mv.visitFieldInsn(PUTFIELD, self, f.name(), r.descriptor());
            slot += r.size();
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        // modelName / fieldNames
        mv = cw.visitMethod(ACC_PUBLIC, "modelName", "()Ljava/lang/String;", null, null);
        mv.visitCode();
        mv.visitLdcInsn(info.name);
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        mv = cw.visitMethod(ACC_PUBLIC, "fieldNames", "()[Ljava/lang/String;", null, null);
        mv.visitCode();
        mv.visitFieldInsn(GETSTATIC, self, NAMES_FIELD, "[Ljava/lang/String;");
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        // fieldValue(int): boxed field i
        mv = cw.visitMethod(ACC_PUBLIC, "fieldValue", "(I)Ljava/lang/Object;", null, null);
        mv.visitCode();
        Label bad = new Label();
        if (!fields.isEmpty()) {
            Label[] cases = new Label[fields.size()];
            for (int i = 0; i < cases.length; i++) cases[i] = new Label();
            mv.visitVarInsn(ILOAD, 1);
            mv.visitTableSwitchInsn(0, cases.length - 1, bad, cases);
            for (int i = 0; i < cases.length; i++) {
                mv.visitLabel(cases[i]);
                FieldInfo f = fields.get(i);
                Rep r = Rep.slot(fieldType(f));
                mv.visitVarInsn(ALOAD, 0);
                mv.visitFieldInsn(GETFIELD, self, f.name(), r.descriptor());
                Coercions.box(mv, r);
                mv.visitInsn(ARETURN);
            }
        }
        mv.visitLabel(bad);
        mv.visitLdcInsn("no field with this index in model " + info.name);
        mv.visitMethodInsn(INVOKESTATIC, ERROR, "internal", "(Ljava/lang/String;)L" + ERROR + ";", false);
        mv.visitInsn(ATHROW);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        // setFieldValue(int, Object): the untyped path's field write (NgnModel.setField)
        mv = cw.visitMethod(ACC_PROTECTED, "setFieldValue", "(ILjava/lang/Object;)V", null, null);
        mv.visitCode();
        Label noSuchField = new Label();
        if (!fields.isEmpty()) {
            Label[] cases = new Label[fields.size()];
            for (int i = 0; i < cases.length; i++) cases[i] = new Label();
            mv.visitVarInsn(ILOAD, 1);
            mv.visitTableSwitchInsn(0, cases.length - 1, noSuchField, cases);
            for (int i = 0; i < cases.length; i++) {
                mv.visitLabel(cases[i]);
                FieldInfo f = fields.get(i);
                Rep r = Rep.slot(fieldType(f));
                mv.visitVarInsn(ALOAD, 0);
                mv.visitVarInsn(ALOAD, 2);
                if (f.optional()) {
                    // an optional field holds a Maybe: a plain value is stored as Value(v), as typed code does
                    mv.visitMethodInsn(INVOKESTATIC, ENUM, "optionalField", "(Ljava/lang/Object;)L" + ENUM + ";", false);
                    mv.visitFieldInsn(PUTFIELD, self, f.name(), r.descriptor());
                    mv.visitInsn(RETURN);
                    continue;
                }
                Coercions.coerce(mv, Rep.OBJECT, r);
                mv.visitFieldInsn(PUTFIELD, self, f.name(), r.descriptor());
                mv.visitInsn(RETURN);
            }
        }
        mv.visitLabel(noSuchField);
        mv.visitLdcInsn("no field with this index in model " + info.name);
        mv.visitMethodInsn(INVOKESTATIC, ERROR, "internal", "(Ljava/lang/String;)L" + ERROR + ";", false);
        mv.visitInsn(ATHROW);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        // shareFields(): share only the reference fields that can hold copy-on-write values
        mv = cw.visitMethod(ACC_PROTECTED, "shareFields", "()V", null, null);
        mv.visitCode();
        for (FieldInfo f : fields) {
            Type t = fieldType(f);
            Rep r = Rep.slot(t);
            if (!r.isRef() || !(Cow.isCow(t) || r.isObject())) continue;
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, self, f.name(), r.descriptor());
            mv.visitMethodInsn(INVOKESTATIC, VALUES, "share", OO, false);
            mv.visitInsn(POP);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** A role's JVM interface: one abstract method per role method, called with invokeinterface. */
    static void roleInterface(ClassRegistry reg, dev.ngnc.types.RoleInfo role) {
        ClassWriter cw = reg.begin(role.internalName, OBJECT, ACC_INTERFACE | ACC_ABSTRACT);
        for (dev.ngnc.types.MethodInfo m : role.methods.values()) {
            cw.visitMethod(ACC_PUBLIC | ACC_ABSTRACT, dev.ngnc.types.MethodInfo.roleMethodName(m.name),
                    m.roleDescriptor(), null, null).visitEnd();
        }
    }

    /** The bridge in a model class implementing a role method by calling the model's extend method. */
    static void roleBridge(ClassWriter cw, dev.ngnc.tast.TProgram.RoleBinding b) {
        dev.ngnc.types.MethodInfo m = b.role().methods.get(b.method());
        String desc = m.roleDescriptor();
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, dev.ngnc.types.MethodInfo.roleMethodName(m.name), desc, null,
                null);
        mv.visitCode();
        var impl = b.impl();
        int slot = 1;
        int first = 0;
        if (impl.params.size() > m.params.size()) {
            mv.visitVarInsn(ALOAD, 0);
            Coercions.coerce(mv, Rep.ref(b.model().internalName), Rep.slot(impl.params.get(0).type));
            first = 1;
        }
        org.objectweb.asm.Type[] params = org.objectweb.asm.Type.getArgumentTypes(desc);
        for (int i = 0; i < params.length; i++) {
            Rep from = Rep.fromDescriptor(params[i].getDescriptor());
            mv.visitVarInsn(from.loadOp(), slot);
            slot += params[i].getSize();
            if (first + i < impl.params.size()) Coercions.coerce(mv, from, Rep.slot(impl.params.get(first + i).type));
        }
        mv.visitMethodInsn(INVOKESTATIC, impl.ownerInternalName, impl.jvmName, impl.descriptor(), false);
        String ret = org.objectweb.asm.Type.getReturnType(desc).getDescriptor();
        Rep to = Rep.fromDescriptor(ret);
        Coercions.coerce(mv, Rep.of(impl.result), to);
        mv.visitInsn(to.returnOp());
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
