package dev.ngnc.codegen;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.util.CheckClassAdapter;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the LocalVariableTables of generated classes beyond what the JVM and CheckClassAdapter.verify
 * (which skips debug attributes) check, so that a debugger reading a described variable anywhere in its
 * range gets a value of the described type: names are ngn names (no {@code $} temporaries), ranges are
 * ordered and inside the code, entries of one slot do not overlap, equal names overlap only by nesting
 * (shadowing), every load/store of a described slot matches the descriptor, and the slot holds an
 * assigned value of that kind at every reachable instruction of the range.
 */
final class LocalVariableTables {
    private LocalVariableTables() {}

    /** The problems found in one class file (empty: none). */
    static String problems(byte[] classFile) {
        StringBuilder out = new StringBuilder();
        try {
            // structural checks of debug info (labels, start <= end, slot bounds), which verify() skips
            new ClassReader(classFile).accept(new CheckClassAdapter(new ClassNode(), false), 0);
        } catch (RuntimeException e) {
            out.append("CheckClassAdapter: ").append(e).append('\n');
            return out.toString();
        }
        ClassNode cn = new ClassNode();
        new ClassReader(classFile).accept(cn, 0);
        for (MethodNode m : cn.methods) {
            if (m.localVariables == null || m.localVariables.isEmpty()) continue;
            String where = cn.name + "." + m.name + m.desc + ": ";
            try {
                method(cn.name, m, where, out);
            } catch (AnalyzerException e) {
                out.append(where).append("analysis failed: ").append(e).append('\n');
            }
        }
        return out.toString();
    }

    private static void method(String owner, MethodNode m, String where, StringBuilder out) throws AnalyzerException {
        Map<LabelNode, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < m.instructions.size(); i++) {
            if (m.instructions.get(i) instanceof LabelNode l) index.put(l, i);
        }
        Frame<BasicValue>[] frames = new Analyzer<>(new BasicInterpreter()).analyze(owner, m);
        List<LocalVariableNode> lvt = m.localVariables;
        for (LocalVariableNode v : lvt) {
            String what = where + v.name + " " + v.desc + " slot " + v.index + ": ";
            if (v.name.isEmpty() || v.name.startsWith("$") || v.name.matches(".*[.;\\[/<>].*")) {
                out.append(what).append("not an ngn source name\n");
            }
            int from = index.get(v.start);
            int to = index.get(v.end);
            if (from >= to) out.append(what).append("empty or reversed range\n");
            int sort = Type.getType(v.desc).getSort();
            BasicValue expected = switch (sort) {
                case Type.LONG -> BasicValue.LONG_VALUE;
                case Type.DOUBLE -> BasicValue.DOUBLE_VALUE;
                case Type.BOOLEAN -> BasicValue.INT_VALUE;
                case Type.OBJECT, Type.ARRAY -> BasicValue.REFERENCE_VALUE;
                default -> null;
            };
            if (expected == null) {
                out.append(what).append("unexpected descriptor\n");
                continue;
            }
            if (v.index + Type.getType(v.desc).getSize() > m.maxLocals) out.append(what).append("slot out of range\n");
            for (AbstractInsnNode n : m.instructions) {
                int op = n.getOpcode();
                if (n instanceof VarInsnNode vi && vi.var == v.index && !matches(op, sort)) {
                    out.append(what).append("slot used by opcode ").append(op).append('\n');
                    break;
                }
                if (n instanceof IincInsnNode inc && inc.var == v.index) {
                    out.append(what).append("slot used by iinc\n");
                    break;
                }
            }
            for (int i = from; i < to; i++) {
                if (frames[i] == null) continue; // unreachable
                BasicValue val = frames[i].getLocal(v.index);
                if (!expected.equals(val)) {
                    out.append(what).append("holds ").append(val).append(" at instruction ").append(i).append('\n');
                    break;
                }
            }
            for (LocalVariableNode w : lvt) {
                if (w == v) continue;
                int wFrom = index.get(w.start);
                int wTo = index.get(w.end);
                boolean overlap = from < wTo && wFrom < to;
                if (!overlap) continue;
                if (w.index == v.index) out.append(what).append("overlaps ").append(w.name).append(" in the same slot\n");
                boolean nested = (from <= wFrom && wTo <= to) || (wFrom <= from && to <= wTo);
                if (w.name.equals(v.name) && (!nested || from == wFrom)) {
                    out.append(what).append("overlaps another '").append(w.name).append("' without nesting\n");
                }
            }
        }
    }

    private static boolean matches(int op, int sort) {
        return switch (sort) {
            case Type.LONG -> op == Opcodes.LLOAD || op == Opcodes.LSTORE;
            case Type.DOUBLE -> op == Opcodes.DLOAD || op == Opcodes.DSTORE;
            case Type.BOOLEAN -> op == Opcodes.ILOAD || op == Opcodes.ISTORE;
            default -> op == Opcodes.ALOAD || op == Opcodes.ASTORE;
        };
    }
}
