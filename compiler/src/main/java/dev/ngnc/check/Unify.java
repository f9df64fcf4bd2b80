package dev.ngnc.check;

import dev.ngnc.types.Prim;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

/** Least common type of two branches/elements, used for array literals and inferred closure results. */
final class Unify {
    private Unify() {}

    /** The common type of {@code a} and {@code b}, or null when they have none. */
    static Type joinOrNull(Type a, Type b) {
        if (a.equals(b)) return a;
        if (a instanceof Type.Error) return b;
        if (b instanceof Type.Error) return a;
        if (Types.isInt(a) && Types.isInt(b)) return Prim.I64;
        if (Types.isNumeric(a) && Types.isNumeric(b)) return Prim.F64;
        if (a instanceof Type.Any || b instanceof Type.Any) return Type.ANY;
        if (a instanceof Type.Enum ea && b instanceof Type.Enum eb && ea.info() == eb.info()) {
            // e.g. Value(1) and Null: prefer the one with more specific arguments
            return ea.args().stream().anyMatch(t -> t instanceof Type.Any) ? b : a;
        }
        if (Types.assignable(a, b) && !(a instanceof Type.Param)) return a;
        if (Types.assignable(b, a)) return b;
        return null;
    }

    static Type join(Type a, Type b) {
        Type j = joinOrNull(a, b);
        return j == null ? Type.ANY : j;
    }
}
