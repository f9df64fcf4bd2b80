package dev.ngnc.codegen;

import dev.ngnc.tast.Place;
import dev.ngnc.tast.RtMethod;
import dev.ngnc.tast.TExpr;
import dev.ngnc.types.Type;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static dev.ngnc.codegen.RtNames.*;

/**
 * Writes through {@link Place}s. A local is stored directly. A field path is read-modify-write on
 * its root local: the root is replaced by its {@code writable()} version, then each container on
 * the path is loaded, made writable and stored back into its parent, so a copy-on-write copy never
 * leaks into other aliases of the old value. Right-hand sides and arguments are evaluated (and shared)
 * before the path is made writable, so {@code a.b = a} or {@code xs.push(xs)} copy as they must.
 */
final class PlaceEmitter implements Opcodes {
    private final ExprEmitter ex;
    private final MethodGen g;
    private final MethodVisitor mv;

    PlaceEmitter(ExprEmitter ex) {
        this.ex = ex;
        this.g = ex.g;
        this.mv = ex.mv;
    }

    /** {@code place = value}; leaves nothing on the stack. */
    void assign(TExpr.Assign a) {
        store(a.place(), target -> ex.emitValue(a.value(), target));
    }

    /** How a value is held by the JVM slot/field behind {@code p}. */
    static Rep slotRep(Place p) {
        return switch (p) {
            case Place.Local l -> Rep.slot(l.var().type);
            case Place.ModelField f -> Rep.slot(ModelEmitter.fieldType(f.model(), f.field()));
            case Place.DynField d -> Rep.OBJECT;
        };
    }

    /**
     * Stores into {@code p} the value pushed by {@code push} (called with the representation to push).
     * The value is computed before any container on the path is made writable.
     */
    void store(Place p, Consumer<Rep> push) {
        Rep rep = slotRep(p);
        switch (p) {
            case Place.Local l -> {
                push.accept(rep);
                g.store(l.var());
            }
            case Place.ModelField f -> {
                push.accept(rep);
                int tmp = g.newTemp(rep);
                g.store(tmp, rep);
                Rep parent = writable(f.parent());
                Coercions.coerce(mv, parent, Rep.ref(f.model().internalName));
                g.load(tmp, rep);
                mv.visitFieldInsn(PUTFIELD, f.model().internalName, f.field(), rep.descriptor());
            }
            case Place.DynField d -> {
                push.accept(Rep.OBJECT);
                int tmp = g.newTemp(Rep.OBJECT);
                g.store(tmp, Rep.OBJECT);
                Rep parent = writable(d.parent());
                Coercions.coerce(mv, parent, Rep.OBJECT); // an object or a model: Dyn decides at run time
                mv.visitLdcInsn(d.field());
                g.load(tmp, Rep.OBJECT);
                mv.visitMethodInsn(INVOKESTATIC, DYN, "setField", "(Ljava/lang/Object;Ljava/lang/String;Ljava/lang/Object;)V",
                        false);
            }
        }
    }

    /**
     * Pushes the writable (unshared) value held at {@code p}, after storing it back where it lives.
     * Returns its representation ({@link #slotRep}).
     */
    Rep writable(Place p) {
        Rep rep = slotRep(p);
        switch (p) {
            case Place.Local l -> {
                g.load(l.var());
                Coercions.writable(mv, rep, l.var().type);
                mv.visitInsn(DUP);
                g.store(l.var());
            }
            case Place.ModelField f -> {
                Type decl = ModelEmitter.fieldType(f.model(), f.field());
                Rep parent = writable(f.parent());
                Coercions.coerce(mv, parent, Rep.ref(f.model().internalName));
                mv.visitInsn(DUP);
                mv.visitFieldInsn(GETFIELD, f.model().internalName, f.field(), rep.descriptor());
                Coercions.writable(mv, rep, writableType(decl, f.type()));
                if (rep.isWide()) throw new IllegalStateException("primitive field used as a container: " + f.field());
                mv.visitInsn(DUP_X1);
                mv.visitFieldInsn(PUTFIELD, f.model().internalName, f.field(), rep.descriptor());
            }
            case Place.DynField d -> {
                Rep parent = writable(d.parent());
                Coercions.coerce(mv, parent, Rep.OBJECT);
                mv.visitLdcInsn(d.field());
                mv.visitMethodInsn(INVOKESTATIC, DYN, "writableField", "(Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/Object;",
                        false);
            }
        }
        return rep;
    }

    /** The type deciding how to make a field writable: the declared one unless it is a type parameter. */
    private static Type writableType(Type decl, Type actual) {
        return Cow.isCow(decl) ? decl : actual;
    }

    /** Pushes the current value of {@code p} as {@link Rep#of}({@code p.type()}) without changing anything. */
    void load(Place p) {
        switch (p) {
            case Place.Local l -> {
                if (!Rep.of(l.type()).isVoid()) g.load(l.var());
            }
            case Place.ModelField f -> {
                load(f.parent());
                Coercions.coerce(mv, Rep.of(f.parent().type()), Rep.ref(f.model().internalName));
                Rep rep = slotRep(f);
                mv.visitFieldInsn(GETFIELD, f.model().internalName, f.field(), rep.descriptor());
                Coercions.coerce(mv, rep, Rep.of(f.type()));
            }
            case Place.DynField d -> {
                load(d.parent());
                Coercions.coerce(mv, Rep.of(d.parent().type()), Rep.OBJECT);
                mv.visitLdcInsn(d.field());
                mv.visitMethodInsn(INVOKESTATIC, DYN, "field", "(Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/Object;",
                        false);
                Coercions.coerce(mv, Rep.OBJECT, Rep.of(d.type()));
            }
        }
    }

    /** A mutating built-in on a place: arguments first, then the writable receiver, then the call. */
    void mutate(TExpr.Mutate m) {
        RtMethod method = m.method();
        List<Rep> params = RtDescriptors.params(method.descriptor());
        boolean virtual = method.invoke() == RtMethod.Invoke.VIRTUAL;
        Rep receiver = virtual ? Rep.ref(method.owner()) : params.get(0);
        List<Rep> argReps = virtual ? params : params.subList(1, params.size());
        if (argReps.size() != m.args().size()) {
            throw new IllegalStateException(method + " given " + m.args().size() + " arguments");
        }
        int[] temps = new int[argReps.size()];
        for (int i = 0; i < temps.length; i++) {
            ex.emitValue(m.args().get(i), argReps.get(i));
            temps[i] = g.newTemp(argReps.get(i));
            g.store(temps[i], argReps.get(i));
        }
        Rep held = writable(m.place());
        Coercions.coerce(mv, held, receiver);
        for (int i = 0; i < temps.length; i++) g.load(temps[i], argReps.get(i));
        g.line(m.span());
        mv.visitMethodInsn(virtual ? INVOKEVIRTUAL : INVOKESTATIC, method.owner(), method.name(), method.descriptor(),
                false);
        Coercions.coerce(mv, RtDescriptors.result(method.descriptor()), Rep.of(m.type()));
    }

    /**
     * A dynamic call that may mutate its receiver ({@link TExpr.DynCall#place}): arguments first, then the
     * writable receiver (stored back into the place), then either a replacing candidate inline (the place gets
     * its {@code rest}) or the program's dispatcher, which mutates the writable receiver in place. Pushes an Object.
     */
    void dynMutate(TExpr.DynCall d) {
        int argc = d.args().size();
        int[] temps = new int[argc];
        for (int i = 0; i < argc; i++) {
            ex.emitValue(d.args().get(i), Rep.OBJECT);
            temps[i] = g.newTemp(Rep.OBJECT);
            g.store(temps[i], Rep.OBJECT);
        }
        Rep held = writable(d.place());
        Coercions.coerce(mv, held, Rep.OBJECT);
        int recv = g.newTemp(Rep.OBJECT);
        g.store(recv, Rep.OBJECT);
        org.objectweb.asm.Label done = new org.objectweb.asm.Label();
        for (TExpr.DynBranch b : d.replacing()) {
            org.objectweb.asm.Label next = new org.objectweb.asm.Label();
            g.load(recv, Rep.OBJECT);
            mv.visitTypeInsn(INSTANCEOF, b.receiverClass());
            mv.visitJumpInsn(IFEQ, next);
            g.line(d.span());
            replacingCall(b.method(), b.receiverClass(), recv, temps);
            int taken = g.newTemp(Rep.OBJECT);
            g.store(taken, Rep.OBJECT);
            store(d.place(), target -> {
                replacingCall(b.rest(), b.receiverClass(), recv, temps);
                Coercions.coerce(mv, Rep.OBJECT, target);
            });
            g.load(taken, Rep.OBJECT);
            mv.visitJumpInsn(GOTO, done);
            mv.visitLabel(next);
        }
        String owner = ex.prog.dynDispatcher(d);
        g.load(recv, Rep.OBJECT);
        for (int t : temps) g.load(t, Rep.OBJECT);
        g.line(d.span());
        mv.visitMethodInsn(INVOKESTATIC, owner, DynDispatch.name(d.name(), argc), DynDispatch.descriptor(argc), false);
        mv.visitLabel(done);
    }

    /** Calls {@code m} on the receiver in {@code recv} (known to be a {@code cls}) with the Object arguments; pushes an Object. */
    private void replacingCall(RtMethod m, String cls, int recv, int[] temps) {
        boolean virtual = m.invoke() == RtMethod.Invoke.VIRTUAL;
        List<Rep> params = RtDescriptors.params(m.descriptor());
        List<Rep> argReps = virtual ? params : params.subList(1, params.size());
        g.load(recv, Rep.OBJECT);
        mv.visitTypeInsn(CHECKCAST, cls);
        for (int i = 0; i < temps.length; i++) {
            g.load(temps[i], Rep.OBJECT);
            DynDispatch.argument(mv, argReps.get(i));
        }
        invoke(m);
        Coercions.coerce(mv, RtDescriptors.result(m.descriptor()), Rep.OBJECT);
    }

    /**
     * {@code s.slice(a, b)} on a string place: value {@code taken(s, args)}, and the place becomes
     * {@code rest(s, args)}; the arguments are evaluated once.
     */
    void stringSlice(TExpr.StringSlice s) {
        List<Rep> params = RtDescriptors.params(s.taken().descriptor());
        boolean virtual = s.taken().invoke() == RtMethod.Invoke.VIRTUAL;
        Rep receiver = virtual ? Rep.ref(s.taken().owner()) : params.get(0);
        List<Rep> argReps = new ArrayList<>(virtual ? params : params.subList(1, params.size()));
        if (argReps.size() != s.args().size()) {
            throw new IllegalStateException(s.taken() + " given " + s.args().size() + " arguments");
        }
        int[] temps = new int[argReps.size()];
        for (int i = 0; i < temps.length; i++) {
            ex.emitAs(s.args().get(i), argReps.get(i));
            temps[i] = g.newTemp(argReps.get(i));
            g.store(temps[i], argReps.get(i));
        }
        load(s.place());
        Coercions.coerce(mv, Rep.of(s.place().type()), receiver);
        int str = g.newTemp(receiver);
        g.store(str, receiver);
        // taken
        g.load(str, receiver);
        for (int i = 0; i < temps.length; i++) g.load(temps[i], argReps.get(i));
        g.line(s.span());
        invoke(s.taken());
        Rep result = Rep.of(s.type());
        Coercions.coerce(mv, RtDescriptors.result(s.taken().descriptor()), result);
        int taken = g.newTemp(result);
        g.store(taken, result);
        // rest → place
        store(s.place(), target -> {
            g.load(str, receiver);
            for (int i = 0; i < temps.length; i++) g.load(temps[i], argReps.get(i));
            invoke(s.rest());
            Coercions.coerce(mv, RtDescriptors.result(s.rest().descriptor()), target);
        });
        g.load(taken, result);
    }

    private void invoke(RtMethod m) {
        mv.visitMethodInsn(m.invoke() == RtMethod.Invoke.VIRTUAL ? INVOKEVIRTUAL : INVOKESTATIC, m.owner(), m.name(),
                m.descriptor(), false);
    }
}
