package dev.ngnc.tast;

import dev.ngnc.ast.BinaryOp;
import dev.ngnc.ast.UnaryOp;
import dev.ngnc.source.Span;
import dev.ngnc.types.EnumInfo;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;

import java.util.List;

/**
 * Checked expressions: names resolved, overloads chosen, every node typed. The emitter converts a
 * child's value to the type its parent needs ({@code Emitter.coerce}); the checker guarantees that
 * conversion exists (numeric widening, boxing, run-time checked unboxing from dynamic types).
 */
public sealed interface TExpr {
    Type type();
    Span span();

    /** A constant: Long, Double, Boolean, String, or dev.ngnc.rt.value.Unit (void) — {@code type} says which. */
    record Const(Object value, Type type, Span span) implements TExpr {}
    /** {@code Maybe::Null} of a known Maybe type. */
    record NullConst(Type type, Span span) implements TExpr {}
    /** String interpolation; every part is already of type string. */
    record Concat(List<TExpr> parts, Span span) implements TExpr {
        public Type type() { return Prim.STRING; }
    }
    record Regex(String pattern, String flags, Span span) implements TExpr {
        public Type type() { return Type.REGEX; }
    }

    record Local(LocalVar var, Span span) implements TExpr {
        public Type type() { return var.type; }
    }
    record Global(GlobalVar global, Span span) implements TExpr {
        public Type type() { return global.type; }
    }
    /** A top-level function used as a value ({@code <fn name>}). */
    record FnValue(FnSymbol fn, Type type, Span span) implements TExpr {}

    record ArrayLit(List<TExpr> elements, Type type, Span span) implements TExpr {}
    record TupleLit(List<TExpr> elements, Type type, Span span) implements TExpr {}
    record ObjectLit(List<String> keys, List<TExpr> values, Type type, Span span) implements TExpr {}
    /** {@code M} of {@code import * as M from "file"} used as a value: an {@code rt.NgnModule} of these members. */
    record ModuleObject(List<String> names, List<TExpr> members, Type type, Span span) implements TExpr {}
    /** A model instance; {@code values} follow the model's field order (defaults and Null already filled in). */
    record ModelLit(ModelInfo model, List<TExpr> values, Type type, Span span) implements TExpr {}
    /** An enum value; {@code payload} is null for unit variants. */
    record EnumLit(EnumInfo info, String variant, TExpr payload, Type type, Span span) implements TExpr {}
    record RangeLit(TExpr from, TExpr to, boolean inclusive, Span span) implements TExpr {
        public Type type() { return Type.RANGE; }
    }
    record Closure(ClosureInfo info, Type type, Span span) implements TExpr {}

    /** NEG (LONG/DOUBLE/DYNAMIC) or NOT (BOOL; on a Maybe/Result operand: "is absent"). */
    record Unary(UnaryOp op, TExpr operand, OpKind kind, Type type, Span span) implements TExpr {}
    /** Arithmetic {@code + - * / % **}. */
    record Arith(BinaryOp op, TExpr left, TExpr right, OpKind kind, Type type, Span span) implements TExpr {}
    /** {@code == != < > <= >=}, result bool. */
    record Compare(BinaryOp op, TExpr left, TExpr right, OpKind kind, Span span) implements TExpr {
        public Type type() { return Prim.BOOL; }
    }
    /** Short-circuit {@code &&} / {@code ||}. */
    record Logical(boolean isAnd, TExpr left, TExpr right, Span span) implements TExpr {
        public Type type() { return Prim.BOOL; }
    }
    /** {@code maybe ?? fallback}: both sides are always evaluated (spec 7.3). */
    record Coalesce(TExpr maybe, TExpr fallback, Type type, Span span) implements TExpr {}
    /** {@code x?}: true for Value/Ok. */
    record IsPresent(TExpr operand, Span span) implements TExpr {
        public Type type() { return Prim.BOOL; }
    }
    /** The payload of a Value/Ok/Error known to be there (after a check); {@code type} is the payload type. */
    record Payload(TExpr operand, Type type, Span span) implements TExpr {}

    /** Direct call of a top-level function or extend method: invokestatic with complete, ordered arguments. */
    record Call(FnSymbol fn, List<TExpr> args, Span span) implements TExpr {
        public Type type() { return fn.result; }
    }
    /** Call of a function value (closure, nested function, parameter of fn type): NgnFn.callK. */
    record CallValue(TExpr callee, List<TExpr> args, Type type, Span span) implements TExpr {}
    /** A built-in operation implemented by a runtime-lib method; operands include the receiver first. */
    record Builtin(RtMethod method, List<TExpr> operands, Type type, Span span) implements TExpr {}
    /**
     * A mutating built-in method on a place ({@code xs.push(1)}, {@code s.slice(0, 2)}): the place is made
     * writable, the method runs on it, and the (possibly copied) container is stored back.
     * {@code method}'s first parameter is the receiver.
     */
    record Mutate(Place place, RtMethod method, List<TExpr> args, Type type, Span span) implements TExpr {}
    /**
     * {@code s.slice(a, b)} on a string variable: the value is {@code taken(s, args…)} and the variable
     * becomes {@code rest(s, args…)}; arguments are evaluated once.
     */
    record StringSlice(Place place, RtMethod taken, RtMethod rest, List<TExpr> args, Span span) implements TExpr {
        /** string, or bytes when the place holds bytes ({@code b.slice(…)} works the same way). */
        public Type type() { return place.type() == Prim.BYTES ? Prim.BYTES : Prim.STRING; }
    }

    /** {@code place = value} (compound forms are desugared by the checker). Value of the expression: void. */
    record Assign(Place place, TExpr value, Span span) implements TExpr {
        public Type type() { return Prim.VOID; }
    }

    /**
     * {@code x.m(args)} where x's static type is dynamic: the program's dispatcher for (m, argc) tests the run-time
     * kind of x against each {@code branches} entry (a built-in or user method of that kind, from the checker's
     * tables) and calls the first that fits; none fits ⇒ RT "Cannot call method 'm' on <kind>". Result: any.
     * When some candidate mutates its receiver, {@code place} is where x lives: the arguments are evaluated, the
     * value at the place is made writable (unshared) and stored back, then dispatched on, so in-place changes
     * land in the place and in no alias of it. {@code replacing} are candidates for immutable kinds (string and
     * bytes {@code slice}) that instead store {@code rest} into the place and yield {@code method}'s result.
     */
    record DynCall(String name, TExpr receiver, List<TExpr> args, List<DynBranch> branches, Place place,
                   List<DynBranch> replacing, Span span) implements TExpr {
        public Type type() { return Type.ANY; }
    }

    /**
     * One candidate of a {@link DynCall}: when the receiver is an instance of {@code receiverClass} (internal name),
     * call {@code method} (virtual on that class, or static taking the receiver first — unless
     * {@code receiverless}: a user method that never reads {@code this} is static over its arguments only).
     * {@code rest} is only set on {@link DynCall#replacing} candidates.
     */
    record DynBranch(String receiverClass, RtMethod method, RtMethod rest, boolean receiverless) {
        public DynBranch(String receiverClass, RtMethod method) { this(receiverClass, method, null, false); }
        public DynBranch(String receiverClass, RtMethod method, RtMethod rest) { this(receiverClass, method, rest, false); }
    }

    /** Read of a model field (a JVM getfield). */
    record ModelField(TExpr receiver, ModelInfo model, String field, Type type, Span span) implements TExpr {}
    /** Read of an anonymous-object field or a field of a dynamic value (run-time lookup by name). */
    record DynField(TExpr receiver, String field, Type type, Span span) implements TExpr {}
    /**
     * {@code a?.f} where {@code a} (or the Maybe's payload) is dynamic or an object without a static field {@code f}:
     * run-time lookup giving {@code Null} (receiver Null/Error, field missing) or {@code Value(field)}; typed
     * {@code Maybe<…>}.
     */
    record OptionalField(TExpr receiver, String field, Type type, Span span) implements TExpr {}
    /** {@code a[i]} on array, tuple, string or bytes (decided by the receiver's type); dynamic receivers go through Dyn.index. */
    record Index(TExpr receiver, TExpr index, Type type, Span span) implements TExpr {}

    /** Evaluates {@code effects} (values discarded) in order, then {@code value}, whose value this is. */
    record Seq(List<TExpr> effects, TExpr value, Span span) implements TExpr {
        public Type type() { return value.type(); }
    }
    /** Stores {@code init} in {@code var} (a fresh hidden local), then evaluates {@code body}. */
    record LetIn(LocalVar var, TExpr init, TExpr body, Span span) implements TExpr {
        public Type type() { return body.type(); }
    }
    /** {@code condition ? then : otherwise}, both branches converted to {@code type}. */
    record Cond(TExpr condition, TExpr then, TExpr otherwise, Type type, Span span) implements TExpr {}
    /**
     * A method call through a role-typed receiver: {@code invokeinterface role.jvmMethod(descriptor)}; every
     * model extended with the role implements that interface method by calling its extend method.
     */
    record RoleCall(dev.ngnc.types.RoleInfo role, String jvmMethod, String descriptor, TExpr receiver,
                    List<TExpr> args, Type type, Span span) implements TExpr {}

    /** The checker already reported an error here; never reaches the emitter. */
    record Invalid(Span span) implements TExpr {
        public Type type() { return Type.ERROR; }
    }
}
