package dev.ngnc.codegen;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * String constants as the user wrote them, of any length. A class-file constant holds at most 65,535 bytes of
 * modified UTF-8, so a longer literal is pushed as several constants joined with {@code String.concat} (once, when
 * the expression runs; literals that long are generated data, not hot loops).
 */
final class LargeStrings implements Opcodes {
    static final int MAX_CONSTANT_BYTES = 65_535;
    /** Chars per piece: at most 3 bytes each, so a piece always fits. */
    private static final int PIECE_CHARS = MAX_CONSTANT_BYTES / 3;

    private LargeStrings() { }

    static boolean fitsConstant(String s) {
        if (s.length() <= PIECE_CHARS) return true;
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes += c >= 1 && c <= 0x7F ? 1 : c <= 0x7FF ? 2 : 3;
        }
        return bytes <= MAX_CONSTANT_BYTES;
    }

    static void push(MethodVisitor mv, String s) {
        if (fitsConstant(s)) {
            mv.visitLdcInsn(s);
            return;
        }
        mv.visitLdcInsn(s.substring(0, PIECE_CHARS));
        for (int from = PIECE_CHARS; from < s.length(); from += PIECE_CHARS) {
            mv.visitLdcInsn(s.substring(from, Math.min(s.length(), from + PIECE_CHARS)));
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "concat", "(Ljava/lang/String;)Ljava/lang/String;", false);
        }
    }
}
