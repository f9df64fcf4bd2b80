package dev.ngnc.rt.value;

/**
 * The value of {@code M} after {@code import * as M from "file.ngn"} when used as a value (not in
 * {@code M.f(…)}, which the compiler calls directly): the module's exported functions (and
 * {@code default}) in declaration order, printed as {@code Module {f: <fn f>, g: <fn g>}} (spec 5).
 * Read-only; its members are read like model fields ({@code m.f} through {@link Dyn#field}).
 */
public final class NgnModule extends NgnModel {
    private final String[] names;
    private final Object[] values;

    private NgnModule(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    /** A module object with these members ({@code names[i]} ⇒ {@code values[i]}); the arrays are kept. */
    public static NgnModule of(String[] names, Object[] values) {
        return new NgnModule(names, values);
    }

    @Override
    public String modelName() {
        return "Module";
    }

    @Override
    public String[] fieldNames() {
        return names;
    }

    @Override
    public Object fieldValue(int i) {
        return values[i];
    }
}
