package dev.ngnc.codegen;

import dev.ngnc.source.Span;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.types.Type;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * State of one JVM method being generated: the instruction buffer, local slots (each
 * {@link LocalVar} and each temporary gets its own slot, long/double take two), the current
 * source line, and the targets of {@code break}/{@code next}.
 *
 * <p>The body is buffered in a {@link MethodNode}; {@link #finish()} prepends stores giving a default
 * value to every local that some path could read before assigning it (found by a data-flow analysis;
 * so no ngn control flow can make the verifier see an unassigned slot), then copies the method into
 * the class.
 *
 * <p>Debug info: with {@code debugInfo} the method gets a LocalVariableTable entry for every
 * ngn-visible local (parameters, {@code var}/{@code const}, loop items, bindings — not the hidden
 * {@code $…} temporaries), so a JVM debugger shows them by their ngn names. The emitter brackets each
 * ngn scope with {@link #openScope()}/{@link #closeScope()} and calls {@link #visible} right after a
 * variable's first store; the entry runs from there to the end of the scope. Each variable has its
 * own slot, so entries never share a slot; a shadowing variable's range lies inside the shadowed
 * one's and starts later, which is how debuggers pick the inner one.
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

    /** Whether to emit a LocalVariableTable (off with {@code ngnc compile --no-debug-info}). */
    private final boolean debugInfo;
    /** Open scopes, innermost on top: the variables made visible in each (start null = method start). */
    private final Deque<List<Visible>> scopes = new ArrayDeque<>();
    /** Variables already given a LocalVariableTable entry (one each, even if code is emitted twice). */
    private final Set<LocalVar> described = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Described> table = new ArrayList<>();

    private record Visible(LocalVar var, int slot, LabelNode start) {}

    private record Described(String name, String descriptor, int slot, LabelNode start, LabelNode end) {}

    /** Set on the parts of a split function ({@link #usesFrame}): where the ngn locals live. */
    SplitFrame frame;
    private int frameSlot;

    int frameSlot() {
        return frameSlot;
    }

    /** Innermost loop's exit label on top. */
    final Deque<Label> breakTargets = new ArrayDeque<>();
    /** Innermost match arm's {@code next} target on top. */
    final Deque<Label> nextTargets = new ArrayDeque<>();

    MethodGen(ClassVisitor cv, String owner, int access, String name, String descriptor, Type resultType,
              Rep returnRep, boolean debugInfo) {
        this.cv = cv;
        this.owner = owner;
        this.resultType = resultType;
        this.returnRep = returnRep;
        this.debugInfo = debugInfo;
        scopes.push(new ArrayList<>()); // the method's own scope (parameters), closed by finish()
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
        if (newlyDescribed(v)) scopes.getLast().add(new Visible(v, v.slot, null));
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
        if (frame != null) {
            mv.visitVarInsn(ALOAD, frameSlot);
            mv.visitFieldInsn(GETFIELD, frame.internalName, frame.field(v), Rep.slot(v.type).descriptor());
            return;
        }
        mv.visitVarInsn(Rep.slot(v.type).loadOp(), slot(v));
    }

    void store(LocalVar v) {
        if (frame != null) {
            SplitFrame.putField(mv, frameSlot, frame.internalName, frame.field(v), Rep.slot(v.type));
            return;
        }
        mv.visitVarInsn(Rep.slot(v.type).storeOp(), slot(v));
    }

    /**
     * Makes this method a part of a split function: its first parameter is {@code frame}, and every ngn local
     * lives in a field of it (see {@link SplitFrame}); {@code return} stores into the frame and returns 1.
     */
    void usesFrame(SplitFrame frame) {
        this.frameSlot = reserveParam(Rep.ref(frame.internalName));
        this.frame = frame;
    }

    void load(int slot, Rep rep) {
        mv.visitVarInsn(rep.loadOp(), slot);
    }

    void store(int slot, Rep rep) {
        mv.visitVarInsn(rep.storeOp(), slot);
    }

    // ------------------------------------------------------------------ LocalVariableTable

    /** Starts an ngn scope: variables made {@link #visible} until the matching {@link #closeScope} end there. */
    void openScope() {
        if (debugInfo) scopes.push(new ArrayList<>());
    }

    /** Ends the innermost scope: its variables' ranges end here. */
    void closeScope() {
        if (!debugInfo) return;
        if (scopes.size() <= 1) throw new IllegalStateException("closeScope without openScope");
        endScope(scopes.pop());
    }

    private void endScope(List<Visible> scope) {
        if (scope.isEmpty()) return;
        LabelNode end = new LabelNode();
        mv.instructions.add(end);
        for (Visible v : scope) {
            table.add(new Described(v.var.name, Rep.slot(v.var.type).descriptor(), v.slot, v.start, end));
        }
    }

    /**
     * {@code v} (null: nothing) is visible to the debugger from here to the end of the innermost scope.
     * Called right after its first store, so the debugger never reads the slot before it holds a value
     * of the described type.
     */
    void visible(LocalVar v) {
        if (v == null || frame != null || !debugInfo || !newlyDescribed(v)) return;
        int s = slot(v);
        // a plain LabelNode, not label(): this is no jump target, so the current line stays
        LabelNode start = new LabelNode();
        mv.instructions.add(start);
        scopes.peek().add(new Visible(v, s, start));
    }

    /**
     * Whether {@code v} gets an entry (claiming it): debug info is on, {@code v} has an ngn source name
     * (the checker's temporaries are named {@code $…}) that is a valid JVM unqualified name (ngn
     * identifiers always are; checked anyway, since a bad name makes the class unloadable), and it has
     * no entry yet.
     */
    private boolean newlyDescribed(LocalVar v) {
        if (!debugInfo || v.name == null || v.name.isEmpty() || v.name.startsWith("$")) return false;
        for (int i = 0; i < v.name.length(); i++) {
            if (".;[/<>".indexOf(v.name.charAt(i)) >= 0) return false;
        }
        return described.add(v);
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
        LabelNode begin = new LabelNode();
        if (debugInfo) {
            while (scopes.size() > 1) endScope(scopes.pop()); // unbalanced only after a bug; still valid ranges
            endScope(scopes.pop());
        }
        Frame<BasicValue>[] frames = analyze();
        boolean[] needed = frames == null ? null : localsReadUninitialised(frames);
        if (needed != null) initialiseDescribed(frames, needed);
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
        if (debugInfo) describeLocals(begin);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        if (mv.instructions.size() > PROBE_ABOVE_INSNS && tooLargeForTheJvm()) throw new TooLarge();
        mv.accept(cv);
    }

    /** Below this many instructions a method cannot reach the JVM's 64 KB code limit (no probe needed). */
    private static final int PROBE_ABOVE_INSNS = 2_000;

    /** Thrown by {@link #finish} (before anything reaches the class) when the code exceeds 64 KB. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("method too large for the JVM", null, false, false);
        }
    }

    /** Writes the method alone into a scratch class: the JVM code-size limit is checked there. */
    private boolean tooLargeForTheJvm() {
        ClassWriter probe = new ClassWriter(0);
        probe.visit(V21, ACC_PUBLIC, "ngnc/SizeProbe", null, RtNames.OBJECT, null);
        mv.accept(probe);
        probe.visitEnd();
        try {
            probe.toByteArray();
            return false;
        } catch (MethodTooLargeException e) {
            return true;
        } catch (RuntimeException e) {
            return false; // e.g. long-jump rewriting needing frames: the real writer decides
        }
    }

    /**
     * Data-flow analysis of the buffered code (null when skipped for size or when it fails; then every
     * local is initialised).
     */
    private Frame<BasicValue>[] analyze() {
        int insns = mv.instructions.size();
        for (int stack : new int[] {48, 512}) {
            if ((long) insns * (nextSlot + stack) > 20_000_000L) return null;
            mv.maxLocals = nextSlot;
            mv.maxStack = stack;
            try {
                return new Analyzer<>(new BasicInterpreter()).analyze(owner, mv);
            } catch (AnalyzerException | RuntimeException e) {
                // too small a stack bound, or unusual code: retry / initialise everything
            }
        }
        return null;
    }

    /** Which local slots may be loaded while still unassigned on some path? */
    private boolean[] localsReadUninitialised(Frame<BasicValue>[] frames) {
        int insns = mv.instructions.size();
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
    }

    /**
     * A described variable that is unassigned somewhere in its range (a {@code check}'s rebound name
     * after an {@code orElse} that falls through, a binding of only some patterns of an arm) is
     * initialised too: a debugger reads the slot as the described type anywhere in the range.
     */
    private void initialiseDescribed(Frame<BasicValue>[] frames, boolean[] needed) {
        long work = 0;
        for (Described d : table) {
            if (d.start == null || needed[d.slot]) continue;
            int from = mv.instructions.indexOf(d.start);
            int to = mv.instructions.indexOf(d.end);
            work += to - from;
            if (work > 20_000_000L) { // huge method: initialise the rest without looking
                for (Described e : table) if (e.start != null) needed[e.slot] = true;
                return;
            }
            for (int i = from; i < to; i++) {
                if (frames[i] != null && frames[i].getLocal(d.slot) == BasicValue.UNINITIALIZED_VALUE) {
                    needed[d.slot] = true;
                    break;
                }
            }
        }
    }

    /**
     * Writes the LocalVariableTable; {@code begin} (method start, for parameters) goes before the
     * default-value stores. Empty ranges (a variable declared last in its scope) are dropped: they show
     * nothing, and one at the very end of the code would be rejected by the JVM.
     */
    private void describeLocals(LabelNode begin) {
        if (table.isEmpty()) return;
        mv.instructions.insert(begin);
        Map<LabelNode, Integer> position = new IdentityHashMap<>();
        int real = 0;
        for (AbstractInsnNode n = mv.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof LabelNode l) position.put(l, real);
            else if (n.getOpcode() >= 0) real++;
        }
        if (mv.localVariables == null) mv.localVariables = new ArrayList<>();
        for (Described d : table) {
            LabelNode start = d.start == null ? begin : d.start;
            if (position.get(start) >= position.get(d.end)) continue;
            mv.localVariables.add(new LocalVariableNode(d.name, d.descriptor, null, start, d.end, d.slot));
        }
    }
}
