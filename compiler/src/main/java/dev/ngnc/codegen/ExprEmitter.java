package dev.ngnc.codegen;

import dev.ngnc.types.RtApi;
import dev.ngnc.ast.BinaryOp;
import dev.ngnc.ast.UnaryOp;
import dev.ngnc.tast.OpKind;
import dev.ngnc.tast.RtMethod;
import dev.ngnc.tast.TExpr;
import dev.ngnc.types.EnumInfo;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.List;

import static dev.ngnc.codegen.RtNames.*;

/**
 * Expression code. {@link #emit(TExpr)} leaves the value in the representation of the node's type
 * ({@link Rep#of}); void expressions leave nothing. Statically typed operations compile to plain
 * JVM arithmetic/branches; only dynamic operands go through {@code Dyn}/{@code Values}.
 */
final class ExprEmitter implements Opcodes {
    final ProgramEmitter prog;
    final MethodGen g;
    final MethodVisitor mv;
    final StmtEmitter stmts;
    final PlaceEmitter places;
    final CondEmitter conds;

    ExprEmitter(ProgramEmitter prog, MethodGen g) {
        this.prog = prog;
        this.g = g;
        this.mv = g.mv();
        this.stmts = new StmtEmitter(this);
        this.places = new PlaceEmitter(this);
        this.conds = new CondEmitter(this);
    }

    // ------------------------------------------------------------------ entry points

    /** Emits {@code e} and converts it to {@code target} (no sharing: for immediate use). */
    void emitAs(TExpr e, Rep target) {
        emit(e);
        Coercions.coerce(mv, Rep.of(e.type()), target);
    }

    /**
     * Emits {@code e} as a value that is being stored, passed, captured or returned: a copy-on-write
     * value read from an existing location is {@code share()}d first, then converted to {@code target}.
     */
    void emitValue(TExpr e, Rep target) {
        emit(e);
        Rep r = Rep.of(e.type());
        if (needsShare(e)) Coercions.share(mv, r, e.type());
        Coercions.coerce(mv, r, target);
    }

    /** Does storing the value of {@code e} duplicate a reference to an existing copy-on-write value? */
    static boolean needsShare(TExpr e) {
        if (!Cow.isCow(e.type())) return false;
        return switch (e) {
            case TExpr.Local x -> true;
            case TExpr.Global x -> true;
            case TExpr.ModelField x -> true;
            case TExpr.DynField x -> true;
            case TExpr.Index x -> true;
            case TExpr.Payload x -> true;
            case TExpr.Coalesce x -> true;
            case TExpr.Builtin x -> true;
            case TExpr.Mutate x -> true;
            case TExpr.DynCall x -> true;
            default -> false;
        };
    }

    /** Emits {@code e} and discards its value. */
    void emitDiscard(TExpr e) {
        emit(e);
        Rep.of(e.type()).pop(mv);
    }

    void emit(TExpr e) {
        switch (e) {
            case TExpr.Const c -> constant(c);
            case TExpr.NullConst n -> {
                mv.visitFieldInsn(GETSTATIC, ENUM, "NULL", D_ENUM);
                Coercions.coerce(mv, Rep.ref(ENUM), Rep.of(n.type()));
            }
            case TExpr.Concat c -> concat(c.parts());
            case TExpr.Regex r -> {
                mv.visitTypeInsn(NEW, REGEX);
                mv.visitInsn(DUP);
                mv.visitLdcInsn(r.pattern());
                mv.visitLdcInsn(r.flags() == null ? "" : r.flags());
                g.line(r.span());
                mv.visitMethodInsn(INVOKESPECIAL, REGEX, "<init>", "(Ljava/lang/String;Ljava/lang/String;)V", false);
                Coercions.coerce(mv, Rep.ref(REGEX), Rep.of(r.type()));
            }
            case TExpr.Local l -> {
                if (!Rep.of(l.type()).isVoid()) g.load(l.var());
            }
            case TExpr.Global gl -> {
                if (!Rep.of(gl.type()).isVoid()) {
                    mv.visitFieldInsn(GETSTATIC, gl.global().ownerInternalName, gl.global().fieldName,
                            Rep.slot(gl.type()).descriptor());
                }
            }
            case TExpr.FnValue f -> {
                String adapter = prog.fnAdapter(f.fn());
                mv.visitFieldInsn(GETSTATIC, adapter, "INSTANCE", "L" + adapter + ";");
                Coercions.coerce(mv, Rep.ref(FN), Rep.of(f.type()));
            }
            case TExpr.ArrayLit a -> {
                if (a.elements().isEmpty()) {
                    mv.visitMethodInsn(INVOKESTATIC, ARRAY, "empty", "()L" + ARRAY + ";", false);
                } else {
                    objectArray(a.elements());
                    mv.visitMethodInsn(INVOKESTATIC, ARRAY, "of", "([Ljava/lang/Object;)L" + ARRAY + ";", false);
                }
                Coercions.coerce(mv, Rep.ref(ARRAY), Rep.of(a.type()));
            }
            case TExpr.TupleLit t -> {
                objectArray(t.elements());
                mv.visitMethodInsn(INVOKESTATIC, TUPLE, "of", "([Ljava/lang/Object;)L" + TUPLE + ";", false);
                Coercions.coerce(mv, Rep.ref(TUPLE), Rep.of(t.type()));
            }
            case TExpr.ObjectLit o -> {
                Coercions.pushInt(mv, o.keys().size());
                mv.visitTypeInsn(ANEWARRAY, STRING);
                for (int i = 0; i < o.keys().size(); i++) {
                    mv.visitInsn(DUP);
                    Coercions.pushInt(mv, i);
                    mv.visitLdcInsn(o.keys().get(i));
                    mv.visitInsn(AASTORE);
                }
                objectArray(o.values());
                mv.visitMethodInsn(INVOKESTATIC, OBJ, "of",
                        "([Ljava/lang/String;[Ljava/lang/Object;)L" + OBJ + ";", false);
                Coercions.coerce(mv, Rep.ref(OBJ), Rep.of(o.type()));
            }
            case TExpr.ModuleObject o -> {
                Coercions.pushInt(mv, o.names().size());
                mv.visitTypeInsn(ANEWARRAY, STRING);
                for (int i = 0; i < o.names().size(); i++) {
                    mv.visitInsn(DUP);
                    Coercions.pushInt(mv, i);
                    mv.visitLdcInsn(o.names().get(i));
                    mv.visitInsn(AASTORE);
                }
                objectArray(o.members());
                mv.visitMethodInsn(INVOKESTATIC, MODULE, "of",
                        "([Ljava/lang/String;[Ljava/lang/Object;)" + RtApi.desc("NgnModule"), false);
                Coercions.coerce(mv, Rep.ref(MODULE), Rep.of(o.type()));
            }
            case TExpr.ModelLit m -> modelLit(m);
            case TExpr.EnumLit en -> enumLit(en);
            case TExpr.RangeLit r -> rangeLit(r);
            case TExpr.Closure c -> closure(c);
            case TExpr.Unary u -> unary(u);
            case TExpr.Arith a -> arith(a);
            case TExpr.Compare c -> conds.materialize(c);
            case TExpr.Logical l -> conds.materialize(l);
            case TExpr.Coalesce c -> coalesce(c);
            case TExpr.IsPresent p -> {
                emitAs(p.operand(), Rep.ref(ENUM));
                mv.visitMethodInsn(INVOKEVIRTUAL, ENUM, "isPresent", "()Z", false);
            }
            case TExpr.Payload p -> {
                emitAs(p.operand(), Rep.ref(ENUM));
                mv.visitMethodInsn(INVOKEVIRTUAL, ENUM, "payload", "()Ljava/lang/Object;", false);
                Coercions.coerce(mv, Rep.OBJECT, Rep.of(p.type()));
            }
            case TExpr.Call c -> call(c);
            case TExpr.CallValue c -> callValue(c);
            case TExpr.Builtin b -> invokeRt(b.method(), b.operands(), b.type(), b.span());
            case TExpr.DynCall d -> {
                if (d.place() != null) {
                    places.dynMutate(d);
                } else {
                    String owner = prog.dynDispatcher(d);
                    emitAs(d.receiver(), Rep.OBJECT);
                    for (TExpr a : d.args()) emitValue(a, Rep.OBJECT);
                    g.line(d.span());
                    mv.visitMethodInsn(INVOKESTATIC, owner, DynDispatch.name(d.name(), d.args().size()),
                            DynDispatch.descriptor(d.args().size()), false);
                }
                Coercions.coerce(mv, Rep.OBJECT, Rep.of(d.type()));
            }
            case TExpr.Mutate m -> places.mutate(m);
            case TExpr.StringSlice s -> places.stringSlice(s);
            case TExpr.Assign a -> places.assign(a);
            case TExpr.ModelField f -> {
                emitAs(f.receiver(), Rep.ref(f.model().internalName));
                Type decl = ModelEmitter.fieldType(f.model(), f.field());
                mv.visitFieldInsn(GETFIELD, f.model().internalName, f.field(), Rep.slot(decl).descriptor());
                Coercions.coerce(mv, Rep.slot(decl), Rep.of(f.type()));
            }
            case TExpr.DynField f -> {
                emitAs(f.receiver(), Rep.OBJECT);
                mv.visitLdcInsn(f.field());
                g.line(f.span());
                mv.visitMethodInsn(INVOKESTATIC, DYN, "field", "(Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/Object;",
                        false);
                Coercions.coerce(mv, Rep.OBJECT, Rep.of(f.type()));
            }
            case TExpr.OptionalField f -> {
                emitAs(f.receiver(), Rep.OBJECT);
                mv.visitLdcInsn(f.field());
                g.line(f.span());
                mv.visitMethodInsn(INVOKESTATIC, DYN, "optionalField",
                        "(Ljava/lang/Object;Ljava/lang/String;)" + RtApi.desc("NgnEnum"), false);
                Coercions.coerce(mv, Rep.ref(ENUM), Rep.of(f.type()));
            }
            case TExpr.Index i -> index(i);
            case TExpr.Seq sq -> {
                for (TExpr effect : sq.effects()) emitDiscard(effect);
                emit(sq.value());
            }
            case TExpr.LetIn let -> {
                Rep slot = Rep.slot(let.var().type);
                emitValue(let.init(), slot);
                g.store(let.var());
                emit(let.body());
            }
            case TExpr.Cond c -> {
                Rep target = Rep.of(c.type());
                Label otherwise = new Label();
                Label end = new Label();
                emitAs(c.condition(), Rep.of(Prim.BOOL));
                mv.visitJumpInsn(IFEQ, otherwise);
                emitAs(c.then(), target);
                mv.visitJumpInsn(GOTO, end);
                g.label(otherwise);
                emitAs(c.otherwise(), target);
                g.label(end);
            }
            case TExpr.RoleCall rc -> {
                emitAs(rc.receiver(), Rep.ref(rc.role().internalName));
                org.objectweb.asm.Type[] params = org.objectweb.asm.Type.getArgumentTypes(rc.descriptor());
                for (int i = 0; i < rc.args().size(); i++) {
                    emitValue(rc.args().get(i), Rep.fromDescriptor(params[i].getDescriptor()));
                }
                g.line(rc.span());
                mv.visitMethodInsn(INVOKEINTERFACE, rc.role().internalName, rc.jvmMethod(), rc.descriptor(), true);
                String ret = org.objectweb.asm.Type.getReturnType(rc.descriptor()).getDescriptor();
                Coercions.coerce(mv, Rep.fromDescriptor(ret), Rep.of(rc.type()));
            }
            case TExpr.Invalid inv -> throw new IllegalStateException("invalid expression reached the emitter at "
                    + inv.span());
        }
    }

    // ------------------------------------------------------------------ literals

    private void constant(TExpr.Const c) {
        Rep target = Rep.of(c.type());
        Object v = c.value();
        switch (v) {
            case Long l -> {
                if (target.equals(Rep.DOUBLE)) {
                    Coercions.pushDouble(mv, (double) l);
                } else {
                    Coercions.pushLong(mv, l);
                    Coercions.coerce(mv, Rep.LONG, target);
                }
            }
            case Integer i -> {
                Coercions.pushLong(mv, i);
                Coercions.coerce(mv, Rep.LONG, target);
            }
            case Double d -> {
                Coercions.pushDouble(mv, d);
                Coercions.coerce(mv, Rep.DOUBLE, target);
            }
            case Boolean b -> {
                mv.visitInsn(b ? ICONST_1 : ICONST_0);
                Coercions.coerce(mv, Rep.BOOLEAN, target);
            }
            case String s -> {
                LargeStrings.push(mv, s);
                Coercions.coerce(mv, Rep.STRING, target);
            }
            case null, default -> Coercions.coerce(mv, Rep.VOID, target);
        }
    }

    /** Pushes a new Object[] holding the (shared, boxed) values of {@code elems}. */
    void objectArray(List<TExpr> elems) {
        Coercions.pushInt(mv, elems.size());
        mv.visitTypeInsn(ANEWARRAY, OBJECT);
        for (int i = 0; i < elems.size(); i++) {
            mv.visitInsn(DUP);
            Coercions.pushInt(mv, i);
            emitValue(elems.get(i), Rep.OBJECT);
            mv.visitInsn(AASTORE);
        }
    }

    private static final Handle CONCAT_BSM = new Handle(H_INVOKESTATIC, "java/lang/invoke/StringConcatFactory",
            "makeConcatWithConstants",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                    + "Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;", false);

    /** String interpolation: one invokedynamic {@code makeConcatWithConstants} (constants folded into the recipe). */
    void concat(List<TExpr> parts) {
        StringBuilder recipe = new StringBuilder();
        List<TExpr> args = new ArrayList<>();
        for (TExpr p : parts) {
            if (p instanceof TExpr.Const c && c.value() instanceof String s && s.indexOf('\u0001') < 0
                    && s.indexOf('\u0002') < 0) {
                recipe.append(s);
            } else {
                recipe.append('\u0001');
                args.add(p);
            }
        }
        if (args.isEmpty()) {
            LargeStrings.push(mv, recipe.toString());
            return;
        }
        // indy concat is limited to 200 slots, and its recipe is one constant
        if (args.size() > 150 || !LargeStrings.fitsConstant(recipe.toString())) {
            mv.visitTypeInsn(NEW, "java/lang/StringBuilder");
            mv.visitInsn(DUP);
            mv.visitMethodInsn(INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "()V", false);
            for (TExpr p : parts) {
                emitString(p);
                mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "append",
                        "(Ljava/lang/String;)Ljava/lang/StringBuilder;", false);
            }
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "toString", "()Ljava/lang/String;", false);
            return;
        }
        StringBuilder desc = new StringBuilder("(");
        for (TExpr a : args) {
            Rep r = Rep.of(a.type());
            if (r.equals(Rep.LONG) || r.equals(Rep.BOOLEAN)) {
                // the concat factory formats long and boolean as Fmt.str does (Long.toString, true/false), without
                // the intermediate String
                emit(a);
                desc.append(r.descriptor());
            } else {
                emitString(a);
                desc.append(D_STRING);
            }
        }
        desc.append(")Ljava/lang/String;");
        mv.visitInvokeDynamicInsn("makeConcatWithConstants", desc.toString(), CONCAT_BSM, recipe.toString());
    }

    /** Pushes {@code e} as a String: as is if it is a string, else through {@code Fmt.str}. */
    private void emitString(TExpr e) {
        Rep r = Rep.of(e.type());
        if (r.equals(Rep.STRING)) {
            emit(e);
            return;
        }
        emit(e);
        String d = switch (r.kind()) {
            case LONG -> "J";
            case DOUBLE -> "D";
            case BOOLEAN -> "Z";
            default -> {
                Coercions.coerce(mv, r, Rep.OBJECT);
                yield D_OBJECT;
            }
        };
        mv.visitMethodInsn(INVOKESTATIC, FMT, "str", "(" + d + ")Ljava/lang/String;", false);
    }

    private void modelLit(TExpr.ModelLit m) {
        ModelInfo info = m.model();
        mv.visitTypeInsn(NEW, info.internalName);
        mv.visitInsn(DUP);
        StringBuilder desc = new StringBuilder("(");
        for (int i = 0; i < info.fields.size(); i++) {
            Rep slot = Rep.slot(ModelEmitter.fieldType(info.fields.get(i)));
            if (i < m.values().size()) emitValue(m.values().get(i), slot);
            else slot.pushDefault(mv);
            desc.append(slot.descriptor());
        }
        mv.visitMethodInsn(INVOKESPECIAL, info.internalName, "<init>", desc.append(")V").toString(), false);
        Coercions.coerce(mv, Rep.ref(info.internalName), Rep.of(m.type()));
    }

    private void enumLit(TExpr.EnumLit en) {
        EnumInfo info = en.info();
        String variant = en.variant();
        String factory = null;
        if (info == EnumInfo.MAYBE && variant.equals("Value")) factory = "value";
        else if (info == EnumInfo.RESULT && variant.equals("Ok")) factory = "ok";
        else if (info == EnumInfo.RESULT && variant.equals("Error")) factory = "error";
        if (info == EnumInfo.MAYBE && variant.equals("Null") && en.payload() == null) {
            mv.visitFieldInsn(GETSTATIC, ENUM, "NULL", D_ENUM);
        } else if (factory != null && en.payload() != null) {
            emitValue(en.payload(), Rep.OBJECT);
            mv.visitMethodInsn(INVOKESTATIC, ENUM, factory, "(Ljava/lang/Object;)" + D_ENUM, false);
        } else if (en.payload() == null) {
            mv.visitLdcInsn(info.name);
            mv.visitLdcInsn(variant);
            mv.visitMethodInsn(INVOKESTATIC, ENUM, "unit", "(Ljava/lang/String;Ljava/lang/String;)" + D_ENUM, false);
        } else {
            mv.visitTypeInsn(NEW, ENUM);
            mv.visitInsn(DUP);
            mv.visitLdcInsn(info.name);
            mv.visitLdcInsn(variant);
            emitValue(en.payload(), Rep.OBJECT);
            mv.visitInsn(ICONST_1);
            mv.visitMethodInsn(INVOKESPECIAL, ENUM, "<init>",
                    "(Ljava/lang/String;Ljava/lang/String;Ljava/lang/Object;Z)V", false);
        }
        Coercions.coerce(mv, Rep.ref(ENUM), Rep.of(en.type()));
    }

    private void rangeLit(TExpr.RangeLit r) {
        if (Rep.of(r.from().type()).isLong() && Rep.of(r.to().type()).isLong()) {
            mv.visitTypeInsn(NEW, RANGE);
            mv.visitInsn(DUP);
            emitAs(r.from(), Rep.LONG);
            emitAs(r.to(), Rep.LONG);
            mv.visitInsn(r.inclusive() ? ICONST_1 : ICONST_0);
            mv.visitMethodInsn(INVOKESPECIAL, RANGE, "<init>", "(JJZ)V", false);
        } else {
            emitAs(r.from(), Rep.OBJECT);
            emitAs(r.to(), Rep.OBJECT);
            mv.visitInsn(r.inclusive() ? ICONST_1 : ICONST_0);
            g.line(r.span());
            mv.visitMethodInsn(INVOKESTATIC, RANGE, "of", "(Ljava/lang/Object;Ljava/lang/Object;Z)L" + RANGE + ";",
                    false);
        }
        Coercions.coerce(mv, Rep.ref(RANGE), Rep.of(r.type()));
    }

    // ------------------------------------------------------------------ operators

    private void unary(TExpr.Unary u) {
        Rep target = Rep.of(u.type());
        if (u.op() == UnaryOp.NOT) {
            conds.materialize(u);
            Coercions.coerce(mv, Rep.BOOLEAN, target);
            return;
        }
        switch (u.kind()) {
            case LONG -> {
                emitAs(u.operand(), Rep.LONG);
                mv.visitInsn(LNEG);
                Coercions.coerce(mv, Rep.LONG, target);
            }
            case DOUBLE -> {
                emitAs(u.operand(), Rep.DOUBLE);
                mv.visitInsn(DNEG);
                Coercions.coerce(mv, Rep.DOUBLE, target);
            }
            default -> {
                emitAs(u.operand(), Rep.OBJECT);
                g.line(u.span());
                mv.visitMethodInsn(INVOKESTATIC, DYN, "neg", OO, false);
                Coercions.coerce(mv, Rep.OBJECT, target);
            }
        }
    }

    private void closure(TExpr.Closure c) {
        String cls = prog.closureClass(c.info());
        if (ClosureEmitter.isSingleton(c.info())) {
            mv.visitFieldInsn(GETSTATIC, cls, "INSTANCE", "L" + cls + ";");
        } else {
            mv.visitTypeInsn(NEW, cls);
            mv.visitInsn(DUP);
            StringBuilder desc = new StringBuilder("(");
            for (var cap : c.info().captures) {
                Rep slot = Rep.slot(cap.inner().type);
                emitValue(cap.source(), slot);
                desc.append(slot.descriptor());
            }
            mv.visitMethodInsn(INVOKESPECIAL, cls, "<init>", desc.append(")V").toString(), false);
        }
        Coercions.coerce(mv, Rep.ref(FN), Rep.of(c.type()));
    }

    /** An integer constant other than 0 and -1: {@code %} by it needs none of {@link dev.ngnc.rt.value.Num#mod}'s checks. */
    private static boolean isSafeDivisor(TExpr divisor) {
        return divisor instanceof TExpr.Const c && c.value() instanceof Long v && v != 0 && v != -1;
    }

    private void arith(TExpr.Arith a) {
        BinaryOp op = a.op();
        Rep result;
        OpKind kind = a.kind();
        if (kind == OpKind.STRING && op != BinaryOp.ADD) kind = OpKind.DYNAMIC;
        switch (kind) {
            case LONG -> {
                if (op == BinaryOp.POW) {
                    emitAs(a.left(), Rep.DOUBLE);
                    emitAs(a.right(), Rep.DOUBLE);
                    g.line(a.span());
                    mv.visitMethodInsn(INVOKESTATIC, NUM, "pow", "(DD)D", false);
                    result = Rep.DOUBLE;
                    break;
                }
                emitAs(a.left(), Rep.LONG);
                emitAs(a.right(), Rep.LONG);
                result = Rep.LONG;
                switch (op) {
                    case ADD -> mv.visitInsn(LADD);
                    case SUB -> mv.visitInsn(LSUB);
                    case MUL -> mv.visitInsn(LMUL);
                    case DIV -> {
                        g.line(a.span());
                        mv.visitMethodInsn(INVOKESTATIC, NUM, "div", "(JJ)D", false);
                        result = Rep.DOUBLE;
                    }
                    case MOD -> {
                        if (isSafeDivisor(a.right())) {
                            // what javac emits: no call to inline before the JIT's first tier
                            mv.visitInsn(LREM);
                        } else {
                            g.line(a.span());
                            mv.visitMethodInsn(INVOKESTATIC, NUM, "mod", "(JJ)J", false);
                        }
                    }
                    default -> throw new IllegalStateException("not arithmetic: " + op);
                }
            }
            case U8 -> {
                emitAs(a.left(), Rep.LONG);
                emitAs(a.right(), Rep.LONG);
                result = Rep.U8;
                switch (op) {
                    case ADD -> mv.visitInsn(LADD);
                    case SUB -> mv.visitInsn(LSUB);
                    case MUL -> mv.visitInsn(LMUL);
                    case DIV -> {
                        g.line(a.span());
                        mv.visitMethodInsn(INVOKESTATIC, NUM, "divU8", "(JJ)J", false);
                    }
                    case MOD -> {
                        g.line(a.span());
                        mv.visitMethodInsn(INVOKESTATIC, NUM, "modU8", "(JJ)J", false);
                    }
                    default -> throw new IllegalStateException("not u8 arithmetic: " + op);
                }
                if (op == BinaryOp.ADD || op == BinaryOp.SUB || op == BinaryOp.MUL) {
                    mv.visitLdcInsn(0xffL); // wrap to 8 bits
                    mv.visitInsn(LAND);
                }
            }
            case DOUBLE -> {
                emitAs(a.left(), Rep.DOUBLE);
                emitAs(a.right(), Rep.DOUBLE);
                result = Rep.DOUBLE;
                switch (op) {
                    case ADD -> mv.visitInsn(DADD);
                    case SUB -> mv.visitInsn(DSUB);
                    case MUL -> mv.visitInsn(DMUL);
                    case DIV, MOD, POW -> {
                        g.line(a.span());
                        String name = op == BinaryOp.DIV ? "div" : op == BinaryOp.MOD ? "mod" : "pow";
                        mv.visitMethodInsn(INVOKESTATIC, NUM, name, "(DD)D", false);
                    }
                    default -> throw new IllegalStateException("not arithmetic: " + op);
                }
            }
            case STRING -> {
                emitAs(a.left(), Rep.STRING);
                emitAs(a.right(), Rep.STRING);
                mv.visitMethodInsn(INVOKEVIRTUAL, STRING, "concat", "(Ljava/lang/String;)Ljava/lang/String;", false);
                result = Rep.STRING;
            }
            default -> {
                emitAs(a.left(), Rep.OBJECT);
                emitAs(a.right(), Rep.OBJECT);
                g.line(a.span());
                String name = switch (op) {
                    case ADD -> "add";
                    case SUB -> "sub";
                    case MUL -> "mul";
                    case DIV -> "div";
                    case MOD -> "mod";
                    case POW -> "pow";
                    default -> throw new IllegalStateException("not arithmetic: " + op);
                };
                mv.visitMethodInsn(INVOKESTATIC, DYN, name, OOO, false);
                result = Rep.OBJECT;
            }
        }
        Coercions.coerce(mv, result, Rep.of(a.type()));
    }

    /**
     * {@code m.get(k) ?? d} with a constant or local {@code d} of the result's representation: one runtime call
     * ({@code NgnMap.getOr}) and no {@code Value(v)} per lookup (bench/ngn/collections.ngn). A fallback with effects
     * keeps the general path, whose order (lookup, then fallback) an error in the lookup could reveal.
     */
    private boolean mapGetOr(TExpr.Coalesce c, Rep target) {
        if (!(c.maybe() instanceof TExpr.Builtin b) || !Types.isMaybe(b.type())) return false;
        RtMethod get = b.method();
        if (get.invoke() != RtMethod.Invoke.VIRTUAL || !get.owner().equals(MAP) || !get.name().equals("get")
                || b.operands().size() != 2) return false;
        if (!(c.fallback() instanceof TExpr.Const || c.fallback() instanceof TExpr.Local)) return false;
        if (target.isVoid() || !Rep.of(c.fallback().type()).equals(target)) return false;
        invokeRt(RtMethod.virt("NgnMap", "getOr", OOO), List.of(b.operands().get(0), b.operands().get(1), c.fallback()),
                c.type(), c.span());
        return true;
    }

    /** {@code maybe ?? fallback}: both sides evaluated, then Value(v) ⇒ v, Null ⇒ fallback, other ⇒ maybe. */
    private void coalesce(TExpr.Coalesce c) {
        Rep target = Rep.of(c.type());
        if (mapGetOr(c, target)) return;
        Rep enumRep = Rep.ref(ENUM);
        emitAs(c.maybe(), enumRep);
        int m = g.newTemp(enumRep);
        g.store(m, enumRep);
        emitAs(c.fallback(), target);
        int f = target.isVoid() ? -1 : g.newTemp(target);
        if (f >= 0) g.store(f, target);
        Label fallback = new Label();
        Label end = new Label();
        g.load(m, enumRep);
        mv.visitMethodInsn(INVOKEVIRTUAL, ENUM, "isPresent", "()Z", false);
        mv.visitJumpInsn(IFEQ, fallback);
        g.load(m, enumRep);
        mv.visitMethodInsn(INVOKEVIRTUAL, ENUM, "payload", "()Ljava/lang/Object;", false);
        Coercions.coerce(mv, Rep.OBJECT, target);
        mv.visitJumpInsn(GOTO, end);
        g.label(fallback);
        if (Types.isMaybe(c.maybe().type()) || !Types.isResult(c.maybe().type())) {
            if (!Types.isMaybe(c.maybe().type())) {
                // dynamic: only Null selects the fallback; Error and others yield the value itself
                Label isNull = new Label();
                g.load(m, enumRep);
                mv.visitMethodInsn(INVOKEVIRTUAL, ENUM, "isNull", "()Z", false);
                mv.visitJumpInsn(IFNE, isNull);
                g.load(m, enumRep);
                Coercions.coerce(mv, enumRep, target);
                mv.visitJumpInsn(GOTO, end);
                g.label(isNull);
            }
            if (f >= 0) g.load(f, target);
        } else {
            g.load(m, enumRep);
            Coercions.coerce(mv, enumRep, target);
        }
        g.label(end);
    }

    // ------------------------------------------------------------------ calls

    private void call(TExpr.Call c) {
        var fn = c.fn();
        if (fn.params.size() != c.args().size()) {
            throw new IllegalStateException("call of " + fn.name + " with " + c.args().size() + " arguments, expected "
                    + fn.params.size());
        }
        for (int i = 0; i < c.args().size(); i++) {
            TExpr a = c.args().get(i);
            if (Borrows.lends(prog.borrows, c, i)) emitAs(a, Rep.slot(fn.params.get(i).type));
            else emitValue(a, Rep.slot(fn.params.get(i).type));
        }
        g.line(c.span());
        mv.visitMethodInsn(INVOKESTATIC, fn.ownerInternalName, fn.jvmName, fn.descriptor(), false);
    }

    private void callValue(TExpr.CallValue c) {
        emitAs(c.callee(), Rep.ref(FN));
        int k = c.args().size();
        if (k == 1 && c.callee().type() instanceof dev.ngnc.types.Type.Fn f && f.params().size() == 1
                && f.params().get(0) == Prim.I64 && f.result() == Prim.I64 && c.args().get(0).type() == Prim.I64) {
            // fn<i64, i64> called with an i64: NgnFn.callJJ, unboxed when the closure is (i64) -> i64 and the
            // boxed call1 otherwise (NgnFn's default does what this site did before)
            emitAs(c.args().get(0), Rep.LONG);
            g.line(c.span());
            mv.visitMethodInsn(INVOKEVIRTUAL, FN, ClosureEmitter.JJ, ClosureEmitter.JJ_DESC, false);
            Coercions.coerce(mv, Rep.LONG, Rep.of(c.type()));
            return;
        }
        if (k <= 4) {
            for (TExpr a : c.args()) emitValue(a, Rep.OBJECT);
            g.line(c.span());
            mv.visitMethodInsn(INVOKEVIRTUAL, FN, "call" + k, "(" + D_OBJECT.repeat(k) + ")" + D_OBJECT, false);
        } else {
            objectArray(c.args());
            g.line(c.span());
            mv.visitMethodInsn(INVOKEVIRTUAL, FN, "callN", "([Ljava/lang/Object;)Ljava/lang/Object;", false);
        }
        Coercions.coerce(mv, Rep.OBJECT, Rep.of(c.type()));
    }

    /** Runtime classes whose static methods only read their operands (no need to share them). */
    private static boolean readOnlyOwner(String owner) {
        return owner.equals(FMT) || owner.equals(OUT) || owner.equals(STR) || owner.equals(NUM)
                || owner.equals(DYN) || owner.equals(MATHLIB);
    }

    /**
     * Calls a runtime-lib method: each operand is converted to the descriptor's parameter type (receiver
     * first for VIRTUAL), extra operands of a trailing {@code Object[]} parameter are packed, and the
     * result is converted to {@code type}.
     */
    void invokeRt(RtMethod m, List<TExpr> operands, Type type, dev.ngnc.source.Span span) {
        m = dynamicAssert(m, operands);
        List<Rep> params = RtDescriptors.params(m.descriptor());
        Rep ret = RtDescriptors.result(m.descriptor());
        boolean virtual = m.invoke() == RtMethod.Invoke.VIRTUAL;
        List<Rep> targets = new ArrayList<>();
        if (virtual) targets.add(Rep.ref(m.owner()));
        targets.addAll(params);
        boolean shareArgs = !(m.invoke() == RtMethod.Invoke.STATIC && readOnlyOwner(m.owner()));
        int n = operands.size();
        boolean pack = !targets.isEmpty() && targets.get(targets.size() - 1).equals(Rep.ref("[Ljava/lang/Object;"))
                && (n != targets.size() || !Rep.of(operands.get(n - 1).type()).internalOrEmpty().startsWith("["));
        int fixed = pack ? targets.size() - 1 : targets.size();
        if ((pack && n < fixed) || (!pack && n != fixed)) {
            throw new IllegalStateException(m.owner() + "." + m.name() + m.descriptor() + " given " + n + " operands");
        }
        for (int i = 0; i < fixed; i++) {
            TExpr op = operands.get(i);
            if (shareArgs && !(virtual && i == 0)) emitValue(op, targets.get(i));
            else emitAs(op, targets.get(i));
        }
        if (pack) objectArray(operands.subList(fixed, n));
        g.line(span);
        if (virtual) mv.visitMethodInsn(INVOKEVIRTUAL, m.owner(), m.name(), m.descriptor(), false);
        else mv.visitMethodInsn(INVOKESTATIC, m.owner(), m.name(), m.descriptor(), false);
        Coercions.coerce(mv, ret, Rep.of(type));
    }

    /**
     * {@code assert(c)} / {@code assert(c, msg)} with an untyped condition: the runtime's {@code (Object, String)}
     * overload reports a non-bool as {@code Type error: assert expects boolean condition} (spec 9.3) instead of the
     * generic unboxing error.
     */
    private static RtMethod dynamicAssert(RtMethod m, List<TExpr> operands) {
        if (m.owner().equals(TEST_ASSERT) && m.name().equals("check")
                && !operands.isEmpty() && Types.isDynamic(operands.get(0).type())) {
            return RtMethod.stat("TestAssert", "check", operands.size() == 1 ? "(Ljava/lang/Object;)V"
                    : "(Ljava/lang/Object;Ljava/lang/String;)V");
        }
        return m;
    }

    // ------------------------------------------------------------------ reads

    private void index(TExpr.Index i) {
        Type rt = i.receiver().type();
        boolean longIndex = Rep.of(i.index().type()).isLong();
        String owner = null;
        String desc = null;
        int op = INVOKEVIRTUAL;
        Rep result = Rep.OBJECT;
        if (longIndex) {
            if (rt instanceof Type.Array) {
                owner = ARRAY;
                desc = "(J)Ljava/lang/Object;";
            } else if (rt instanceof Type.Tuple) {
                owner = TUPLE;
                desc = "(J)Ljava/lang/Object;";
            } else if (rt == Prim.STRING) {
                owner = STR;
                op = INVOKESTATIC;
                desc = "(Ljava/lang/String;J)Ljava/lang/String;";
                result = Rep.STRING;
            } else if (rt == Prim.BYTES) {
                owner = BYTES;
                desc = "(J)J";
                result = Rep.LONG;
            }
        }
        if (owner == null) {
            emitAs(i.receiver(), Rep.OBJECT);
            emitAs(i.index(), Rep.OBJECT);
            g.line(i.span());
            mv.visitMethodInsn(INVOKESTATIC, DYN, "index", OOO, false);
        } else {
            emitAs(i.receiver(), Rep.ref(rt == Prim.STRING ? STRING : owner));
            emitAs(i.index(), Rep.LONG);
            g.line(i.span());
            mv.visitMethodInsn(op, owner, op == INVOKESTATIC ? "charAt" : "get", desc, false);
        }
        Coercions.coerce(mv, result, Rep.of(i.type()));
    }
}
