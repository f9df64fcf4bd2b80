package dev.ngnc.codegen;

import dev.ngnc.types.JvmTypes;
import dev.ngnc.types.Type;

/** Which ngn types hold copy-on-write values (spec 4.1), as far as the emitter is concerned. */
final class Cow {
    private Cow() {}

    /**
     * {@link JvmTypes#isShareable} plus role-typed values (always models at run time): a duplicated
     * reference of such a type must be {@code share()}d.
     */
    static boolean isCow(Type t) {
        return JvmTypes.isShareable(t) || t instanceof Type.Role;
    }
}
