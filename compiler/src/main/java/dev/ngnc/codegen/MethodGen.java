package dev.ngnc.codegen;

import dev.ngnc.source.Span;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.types.Type;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * State of one JVM method being generated: the instruction buffer, local slots (each
 * {@link LocalVar} and each temporary gets its own slot, long/double take two), the current
 * source line, and the targets of {@code break}/{@code next}.
 *
 * <p>The body is buffered in a {@link MethodNode}; {@link #finish()} prepends stores giving a default
 * value to every local that some path could read before assigning it (found by a data-flow analysis;
 * so no ngn control flow can make the verifier see an unassigned slot), then copies the method into
 * the class.
 */
final class MethodGen implements Opcodes {
    final MethodNode mv;
    private final ClassVisitor cv;
    /** Internal name of the class the method belongs to. */
    final String owner;
    /** The ngn result type of the function/closure. */
    final Type resultType;
    /** How the method returns: the ngn result's representation, or Object for closure {@code callK}. */
    final Rep returnRep;

    private final Map<LocalVar, Integer> slots = new IdentityHashMap<>();
    private final List<int[]> initSlots = new ArrayList<>();
    private final List<Rep> initReps = new ArrayList<>();
    private int nextSlot;
    private int lastLine = -1;

    /** Innermost loop's exit label on top. */
    final Deque<Label> breakTargets = new ArrayDeque<>();
    /** Innermost match arm's {@code next} target on top. */
    final Deque<Label> nextTargets = new ArrayDeque<>();

    MethodGen(ClassVisitor cv, String owner, int access, String name, String descriptor, Type resultType,
              Rep returnRep) {
        this.cv = cv;
        this.owner = owner;
        this.resultType = resultType;
        this.returnRep = returnRep;
        this.mv = new MethodNode(ASM9, access, name, descriptor, null, null);
        this.nextSlot = (access & ACC_STATIC) != 0 ? 0 : 1;
        mv.visitCode();
    }

    MethodVisitor mv() {
        return mv;
    }

    /** Reserves the next slots for a JVM parameter of representation {@code rep} (no initialisation). */
    int reserveParam(Rep rep) {
        int s = nextSlot;
        nextSlot += Math.max(1, rep.size());
        return s;
    }

    /** Binds {@code v} to the next parameter slot. */
    void bindParam(LocalVar v) {
        slots.put(v, reserveParam(Rep.slot(v.type)));
        v.slot = slots.get(v);
    }

    /** The slot of {@code v}, allocating (and later default-initialising) one on first use. */
    int slot(LocalVar v) {
        Integer s = slots.get(v);
        if (s == null) {
            s = newTemp(Rep.slot(v.type));
            slots.put(v, s);
            v.slot = s;
        }
        return s;
    }

    /** A fresh local slot for a temporary of representation {@code rep}. */
    int newTemp(Rep rep) {
        Rep r = rep.isVoid() ? Rep.OBJECT : rep;
        int s = nextSlot;
        nextSlot += r.isWide() ? 2 : 1;
        initSlots.add(new int[] {s});
        initReps.add(r);
        return s;
    }

    void load(LocalVar v) {
        mv.visitVarInsn(Rep.slot(v.type).loadOp(), slot(v));
    }

    void store(LocalVar v) {
        mv.visitVarInsn(Rep.slot(v.type).storeOp(), slot(v));
    }

    void load(int slot, Rep rep) {
        mv.visitVarInsn(rep.loadOp(), slot);
    }

    void store(int slot, Rep rep) {
        mv.visitVarInsn(rep.storeOp(), slot);
    }

    /** Starts a line-number entry for {@code span}'s line unless the previous entry had the same line. */
    void line(Span span) {
        if (span == null) return;
        int line = span.line();
        if (line <= 0 || line == lastLine) return;
        Label l = new Label();
        mv.visitLabel(l);
        mv.visitLineNumber(line, l);
        lastLine = line;
    }

    /** Forgets the current line so the next {@link #line} call emits an entry (after a jump target). */
    void resetLine() {
        lastLine = -1;
    }

    void label(Label l) {
        mv.visitLabel(l);
        lastLine = -1;
    }

    /**
     * Prepends default values for the non-parameter locals that some path may read before assigning,
     * ends the method and writes it to the class.
     */
    void finish() {
        boolean[] needed = localsReadUninitialised();
        MethodNode tmp = new MethodNode(ASM9);
        for (int i = 0; i < initSlots.size(); i++) {
            int slot = initSlots.get(i)[0];
            if (needed != null && !needed[slot]) continue;
            Rep r = initReps.get(i);
            r.pushDefault(tmp);
            tmp.visitVarInsn(r.storeOp(), slot);
        }
        InsnList init = tmp.instructions;
        if (init.size() > 0) mv.instructions.insert(init);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        mv.accept(cv);
    }

    /**
     * Data-flow analysis of the buffered code: which local slots may be loaded while still unassigned
     * on some path? Null when the analysis is skipped or fails (then every local is initialised).
     */
    private boolean[] localsReadUninitialised() {
        int insns = mv.instructions.size();
        for (int stack : new int[] {48, 512}) {
            if ((long) insns * (nextSlot + stack) > 20_000_000L) return null;
            mv.maxLocals = nextSlot;
            mv.maxStack = stack;
            try {
                Frame<BasicValue>[] frames = new Analyzer<>(new BasicInterpreter()).analyze(owner, mv);
                boolean[] needed = new boolean[nextSlot + 2];
                for (int i = 0; i < insns; i++) {
                    AbstractInsnNode n = mv.instructions.get(i);
                    Frame<BasicValue> f = frames[i];
                    if (f == null) continue;
                    int var = -1;
                    if (n instanceof VarInsnNode v && v.getOpcode() >= ILOAD && v.getOpcode() <= ALOAD) var = v.var;
                    else if (n instanceof IincInsnNode inc) var = inc.var;
                    if (var >= 0 && f.getLocal(var) == BasicValue.UNINITIALIZED_VALUE) needed[var] = true;
                }
                return needed;
            } catch (AnalyzerException | RuntimeException e) {
                // too small a stack bound, or unusual code: retry / initialise everything
            }
        }
        return null;
    }
}
