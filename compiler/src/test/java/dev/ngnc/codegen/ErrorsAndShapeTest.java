package dev.ngnc.codegen;

import dev.ngnc.rt.base.NgnError;
import dev.ngnc.tast.FnSymbol;
import dev.ngnc.tast.LocalVar;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceClassVisitor;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static dev.ngnc.codegen.TB.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Line numbers in run-time errors, the real entry point in a child JVM, and the shape of typed bytecode. */
class ErrorsAndShapeTest {

    /** fn main() { const xs = [1, 2, 3] (line 2) … print(xs[5]) (line 7) } */
    private static TB outOfBounds() {
        TB b = new TB();
        LocalVar xs = var("xs", arr(I64));
        LocalVar n = var("n", I64);
        b.at(1);
        FnSymbol get = b.fn("get", I64, xs, n);
        b.at(4);
        get.body = b.block(b.at(4).ret(b.at(4).index(b.ref(xs), b.ref(n), I64)));
        LocalVar ys = var("ys", arr(I64));
        b.at(6);
        b.main(
                b.at(6).let(ys, b.array(I64, b.lit(1), b.lit(2), b.lit(3))),
                b.at(7).printOut(b.lit("before")),
                b.at(8).printOut(b.index(b.ref(ys), b.lit(5), I64)),
                b.at(9).printOut(b.lit("after")));
        return b;
    }

    @Test
    void runtimeErrorStackTraceNamesTheNgnLine() {
        TB b = outOfBounds();
        NgnError e = Harness.runFailing(b.program());
        assertEquals("Runtime Error: Array index out of bounds: 5", e.ngnMessage());
        StackTraceElement first = Arrays.stream(e.getStackTrace())
                .filter(s -> "main.ngn".equals(s.getFileName())).findFirst().orElseThrow();
        assertEquals(8, first.getLineNumber());
    }

    @Test
    void errorInCalleeReportsCalleeLine() {
        TB b = new TB();
        LocalVar xs = var("xs", arr(I64));
        b.at(2);
        FnSymbol get = b.fn("get", I64, xs);
        get.body = b.block(b.at(3).ret(b.index(b.ref(xs), b.lit(10), I64)));
        b.at(10);
        b.main(b.at(11).print(b.call(get, b.array(I64))));
        NgnError e = Harness.runFailing(b.program());
        StackTraceElement[] st = e.getStackTrace();
        StackTraceElement first = Arrays.stream(st).filter(s -> "main.ngn".equals(s.getFileName())).findFirst()
                .orElseThrow();
        assertEquals(3, first.getLineNumber());
        assertTrue(Arrays.stream(st).anyMatch(s -> "main.ngn".equals(s.getFileName()) && s.getLineNumber() == 11));
    }

    @Test
    void realMainInChildJvmReportsLocationAndExitStatus() throws Exception {
        Harness.Proc p = Harness.runInChildJvm(outOfBounds().program());
        assertEquals("before\n", p.out());
        assertEquals("[ngn] Runtime Error: Array index out of bounds: 5\n --> main.ngn:8\n", p.err());
        assertEquals(1, p.exit());

        TB ok = new TB();
        ok.main(ok.printOut(ok.lit("hello")));
        Harness.Proc q = Harness.runInChildJvm(ok.program());
        assertEquals("hello\n", q.out());
        assertEquals(0, q.exit());
    }

    @Test
    void typedArithmeticCompilesToPrimitiveBytecode() {
        TB b = new TB();
        LocalVar x = var("x", I64);
        LocalVar y = var("y", I64);
        LocalVar i = var("i", I64);
        LocalVar acc = var("acc", I64);
        FnSymbol f = b.fn("f", I64, x, y);
        f.body = b.block(
                b.let(acc, b.lit(0)),
                b.forRange(i, null, b.ref(x), b.ref(y), false,
                        b.if_(b.lt(b.mod(b.ref(i), b.lit(3)), b.lit(2)),
                                b.set(acc, b.add(b.ref(acc), b.mul(b.ref(i), b.ref(i)))), null)),
                b.ret(b.ref(acc)));
        b.main();
        Map<String, byte[]> classes = Harness.emitVerified(b.program());
        String text = method(classes.get(MAIN), "f");
        assertTrue(text.contains("LADD"), text);
        assertTrue(text.contains("LMUL"), text);
        assertTrue(text.contains("LCMP"), text);
        assertFalse(text.contains("valueOf"), text);
        assertFalse(text.contains("Dyn"), text);
        assertFalse(text.contains("CHECKCAST"), text);
        assertTrue(text.contains("(JJ)J"), "signature " + text);
    }

    /** Random inputs: generated code agrees with Java's wrapping long arithmetic and double comparisons. */
    @Test
    void generatedArithmeticMatchesJavaOnRandomInputs() throws Exception {
        TB b = new TB();
        LocalVar x = var("x", I64);
        LocalVar y = var("y", I64);
        FnSymbol f = b.fn("f", I64, x, y);
        f.body = b.block(b.ret(b.sub(b.add(b.mul(b.ref(x), b.ref(y)), b.ref(x)), b.neg(b.ref(y)))));
        LocalVar p = var("p", F64);
        LocalVar q = var("q", F64);
        FnSymbol lt = b.fn("lt", BOOL, p, q);
        lt.body = b.block(b.ret(b.or(b.lt(b.ref(p), b.ref(q)), b.eq(b.ref(p), b.ref(q)))));
        b.main();
        Map<String, byte[]> classes = Harness.emitVerified(b.program());
        Class<?> c = new Harness.Loader(classes).loadClass("ngn.Main");
        var fm = c.getMethod("f", long.class, long.class);
        var lm = c.getMethod("lt", double.class, double.class);
        Random rnd = new Random(42);
        double[] specials = {Double.NaN, 0.0, -0.0, Double.POSITIVE_INFINITY, 1.5};
        for (int k = 0; k < 2000; k++) {
            long a = rnd.nextLong();
            long bb = k % 3 == 0 ? rnd.nextInt(100) : rnd.nextLong();
            assertEquals(a * bb + a - (-bb), fm.invoke(null, a, bb));
            double d1 = k % 7 == 0 ? specials[k % specials.length] : rnd.nextGaussian();
            double d2 = k % 5 == 0 ? specials[(k / 5) % specials.length] : rnd.nextGaussian();
            assertEquals(d1 <= d2, lm.invoke(null, d1, d2));
        }
    }

    @Test
    void harnessRejectsInvalidBytecode() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V21, Opcodes.ACC_PUBLIC, "ngn/Bad", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "bad", "()I", null, null);
        mv.visitCode();
        mv.visitInsn(Opcodes.LCONST_0);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        assertThrows(AssertionError.class, () -> Harness.verify(Map.of("ngn/Bad", cw.toByteArray())));
    }

    private static String method(byte[] cls, String name) {
        StringWriter sw = new StringWriter();
        Textifier t = new Textifier();
        new ClassReader(cls).accept(new TraceClassVisitor(null, t, new PrintWriter(sw)), 0);
        String all = sw.toString();
        int at = all.indexOf(" " + name + "(");
        int end = all.indexOf("\n\n", at);
        return all.substring(at, end < 0 ? all.length() : end);
    }
}
