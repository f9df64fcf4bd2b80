package dev.ngnc.jar;

import dev.ngnc.types.RtApi;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import static org.objectweb.asm.Opcodes.*;

/**
 * Generates the Main-Class of every compiled jar: a tiny class at class-file version 52 (Java 8),
 * so that even an old JVM can load it. It checks {@code java.specification.version}; below
 * {@value #MIN_JAVA} it prints one line ({@code This program needs Java 21 or newer; found Java 17
 * (/usr/lib/jvm/...).}) to stderr and exits 1, instead of the JVM's {@code UnsupportedClassVersionError}.
 * Otherwise it calls the program's {@code main(String[])} directly (no reflection, so exceptions and
 * stack traces are the program's own).
 *
 * <p>Equivalent Java source:
 * <pre>{@code
 * public final class Launcher {
 *     public static void main(String[] args) {
 *         String v = System.getProperty("java.specification.version");
 *         if (feature(v) < 21) {
 *             System.err.println("This program needs Java 21 or newer; found Java " + v
 *                     + " (" + System.getProperty("java.home") + ").");
 *             System.exit(1);
 *             return;
 *         }
 *         if (System.getProperty("ngnc.aot.train") != null) { AotTraining.train(Launcher.class); return; }
 *         if (System.getProperty("ngnc.aot.cache") != null) AotTraining.warnIfCacheUnused();
 *         ProgramMain.main(args);
 *     }
 *     // "1.8" -> 8, "17" -> 17, "25-ea" -> 25; unknown or unparsable -> Integer.MAX_VALUE (just try)
 *     static int feature(String v) { ... }
 * }
 * }</pre>
 */
public final class LauncherGenerator {
    private LauncherGenerator() {}

    /** Internal name of the launcher class put into every jar. */
    public static final String LAUNCHER_CLASS = "dev/ngnc/boot/Launcher";
    /** Oldest Java feature release that runs ngnc-compiled programs. */
    public static final int MIN_JAVA = 21;

    /** System property the launcher sets for a program that starts no fiber (runtime-lib {@code Rt.FIBERLESS}). */
    public static final String FIBERLESS_PROPERTY = "ngnc.fiberless";

    /** runtime-lib {@code AotTraining}: the training run and the launcher script's cache check ({@code --aot}). */
    static final String AOT_TRAINING_CLASS = RtApi.cls("AotTraining");
    /** runtime-lib {@code AotTraining.TRAIN_PROPERTY}. */
    public static final String AOT_TRAIN_PROPERTY = "ngnc.aot.train";
    /** runtime-lib {@code AotTraining.CACHE_PROPERTY}. */
    public static final String AOT_CACHE_PROPERTY = "ngnc.aot.cache";

    public static byte[] generate(String programMainClass) {
        return generate(LAUNCHER_CLASS, programMainClass, false);
    }

    public static byte[] generate(String launcherClass, String programMainClass) {
        return generate(launcherClass, programMainClass, false);
    }

    /** @param fiberless the program never starts a fiber: its main runs without a scheduler */
    public static byte[] generate(String programMainClass, boolean fiberless) {
        return generate(LAUNCHER_CLASS, programMainClass, fiberless);
    }

    public static byte[] generate(String launcherClass, String programMainClass, boolean fiberless) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return "java/lang/Object"; // never load classes while generating
            }
        };
        cw.visit(V1_8, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, launcherClass, null, "java/lang/Object", null);
        cw.visitSource("Launcher.java", null);

        MethodVisitor init = cw.visitMethod(ACC_PRIVATE, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        emitMain(cw, launcherClass, programMainClass, fiberless);
        emitFeature(cw);
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void emitMain(ClassWriter cw, String launcherClass, String programMainClass, boolean fiberless) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "main", "([Ljava/lang/String;)V", null, null);
        mv.visitCode();
        // String v = System.getProperty("java.specification.version");   (local 1)
        mv.visitLdcInsn("java.specification.version");
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "getProperty", "(Ljava/lang/String;)Ljava/lang/String;", false);
        mv.visitVarInsn(ASTORE, 1);
        // if (feature(v) >= MIN_JAVA) goto run;
        mv.visitVarInsn(ALOAD, 1);
        mv.visitMethodInsn(INVOKESTATIC, launcherClass, "feature", "(Ljava/lang/String;)I", false);
        mv.visitIntInsn(BIPUSH, MIN_JAVA);
        Label run = new Label();
        mv.visitJumpInsn(IF_ICMPGE, run);
        // System.err.println(new StringBuilder()...toString());
        mv.visitFieldInsn(GETSTATIC, "java/lang/System", "err", "Ljava/io/PrintStream;");
        mv.visitTypeInsn(NEW, "java/lang/StringBuilder");
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "()V", false);
        appendConst(mv, "This program needs Java " + MIN_JAVA + " or newer; found Java ");
        mv.visitVarInsn(ALOAD, 1);
        appendString(mv);
        appendConst(mv, " (");
        mv.visitLdcInsn("java.home");
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "getProperty", "(Ljava/lang/String;)Ljava/lang/String;", false);
        appendString(mv);
        appendConst(mv, ").");
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "toString", "()Ljava/lang/String;", false);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/io/PrintStream", "println", "(Ljava/lang/String;)V", false);
        // System.exit(1); return;
        mv.visitInsn(ICONST_1);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "exit", "(I)V", false);
        mv.visitInsn(RETURN);
        // run: [System.setProperty("ngnc.fiberless", "true");] ProgramMain.main(args); return;
        mv.visitLabel(run);
        if (fiberless) {
            mv.visitLdcInsn(FIBERLESS_PROPERTY);
            mv.visitLdcInsn("true");
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "setProperty",
                    "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;", false);
            mv.visitInsn(POP);
        }
        emitAotHooks(mv, launcherClass);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESTATIC, programMainClass, "main", "([Ljava/lang/String;)V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * {@code if (System.getProperty("ngnc.aot.train") != null) { AotTraining.train(Launcher.class); return; }}
     * {@code if (System.getProperty("ngnc.aot.cache") != null) AotTraining.warnIfCacheUnused();} — the runtime class
     * is touched only when {@code ngnc compile --aot} or its launcher script asked for it.
     */
    private static void emitAotHooks(MethodVisitor mv, String launcherClass) {
        Label notTraining = new Label();
        mv.visitLdcInsn(AOT_TRAIN_PROPERTY);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "getProperty", "(Ljava/lang/String;)Ljava/lang/String;", false);
        mv.visitJumpInsn(IFNULL, notTraining);
        mv.visitLdcInsn(Type.getObjectType(launcherClass));
        mv.visitMethodInsn(INVOKESTATIC, AOT_TRAINING_CLASS, "train", "(Ljava/lang/Class;)V", false);
        mv.visitInsn(RETURN);
        mv.visitLabel(notTraining);
        Label noCache = new Label();
        mv.visitLdcInsn(AOT_CACHE_PROPERTY);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "getProperty", "(Ljava/lang/String;)Ljava/lang/String;", false);
        mv.visitJumpInsn(IFNULL, noCache);
        mv.visitMethodInsn(INVOKESTATIC, AOT_TRAINING_CLASS, "warnIfCacheUnused", "()V", false);
        mv.visitLabel(noCache);
    }

    private static void appendConst(MethodVisitor mv, String s) {
        mv.visitLdcInsn(s);
        appendString(mv);
    }

    private static void appendString(MethodVisitor mv) {
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "append",
                "(Ljava/lang/String;)Ljava/lang/StringBuilder;", false);
    }

    /**
     * {@code static int feature(String v)}: the feature release number of a
     * {@code java.specification.version} value; Integer.MAX_VALUE when null or not a number.
     */
    private static void emitFeature(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "feature", "(Ljava/lang/String;)I", null, null);
        mv.visitCode();
        Label unknown = new Label();
        // if (v == null) return MAX;
        mv.visitVarInsn(ALOAD, 0);
        mv.visitJumpInsn(IFNULL, unknown);
        // if (v.startsWith("1.")) v = v.substring(2);
        Label noLegacyPrefix = new Label();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitLdcInsn("1.");
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "startsWith", "(Ljava/lang/String;)Z", false);
        mv.visitJumpInsn(IFEQ, noLegacyPrefix);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitInsn(ICONST_2);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "substring", "(I)Ljava/lang/String;", false);
        mv.visitVarInsn(ASTORE, 0);
        mv.visitLabel(noLegacyPrefix);
        // int n = 0 (local 1); int i = 0 (local 2);
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, 1);
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, 2);
        Label loop = new Label();
        Label done = new Label();
        mv.visitLabel(loop);
        // while (i < v.length() && i < 9)
        mv.visitVarInsn(ILOAD, 2);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "length", "()I", false);
        mv.visitJumpInsn(IF_ICMPGE, done);
        mv.visitVarInsn(ILOAD, 2);
        mv.visitIntInsn(BIPUSH, 9);
        mv.visitJumpInsn(IF_ICMPGE, done);
        // int c = v.charAt(i) (local 3); if (c < '0' || c > '9') break;
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ILOAD, 2);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "charAt", "(I)C", false);
        mv.visitVarInsn(ISTORE, 3);
        mv.visitVarInsn(ILOAD, 3);
        mv.visitIntInsn(BIPUSH, '0');
        mv.visitJumpInsn(IF_ICMPLT, done);
        mv.visitVarInsn(ILOAD, 3);
        mv.visitIntInsn(BIPUSH, '9');
        mv.visitJumpInsn(IF_ICMPGT, done);
        // n = n * 10 + (c - '0'); i++;
        mv.visitVarInsn(ILOAD, 1);
        mv.visitIntInsn(BIPUSH, 10);
        mv.visitInsn(IMUL);
        mv.visitVarInsn(ILOAD, 3);
        mv.visitIntInsn(BIPUSH, '0');
        mv.visitInsn(ISUB);
        mv.visitInsn(IADD);
        mv.visitVarInsn(ISTORE, 1);
        mv.visitIincInsn(2, 1);
        mv.visitJumpInsn(GOTO, loop);
        mv.visitLabel(done);
        // if (i == 0) return MAX; return n;
        mv.visitVarInsn(ILOAD, 2);
        mv.visitJumpInsn(IFEQ, unknown);
        mv.visitVarInsn(ILOAD, 1);
        mv.visitInsn(IRETURN);
        mv.visitLabel(unknown);
        mv.visitLdcInsn(Integer.MAX_VALUE);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
