package dev.ngnc.rt.value;

import dev.ngnc.rt.base.NgnError;

/**
 * A function value: a closure or a named function used as a value. Generated subclasses
 * implement {@link #arity()} and override the {@code callK} matching their arity
 * ({@code call0}…{@code call4}), or {@link #callN(Object[])} for arity above 4 (overriding
 * both is fine). The defaults route {@code callK → callN → callK}: {@code callN} forwards to
 * the fixed-arity method only when the subclass overrides it, so a call with the wrong number
 * of arguments ends in RT {@code Function expects N arguments, got M} instead of looping.
 *
 * <p>Arguments are passed as they are; the caller shares them (see {@link Shareable}).
 * Prints as {@link #displayName()}: {@code <closure>} by default, {@code <fn name>} for named
 * functions (override).
 */
public abstract class NgnFn {
    private static final String[] NAMES = {"call0", "call1", "call2", "call3", "call4"};

    /** Per class: which of call0..call4 are overridden. */
    private static final ClassValue<boolean[]> OVERRIDES = new ClassValue<>() {
        @Override
        protected boolean[] computeValue(Class<?> type) {
            boolean[] out = new boolean[NAMES.length];
            for (int k = 0; k < NAMES.length; k++) {
                Class<?>[] params = new Class<?>[k];
                java.util.Arrays.fill(params, Object.class);
                out[k] = declaredBelowNgnFn(type, NAMES[k], params);
            }
            return out;
        }
    };

    private static boolean declaredBelowNgnFn(Class<?> type, String name, Class<?>[] params) {
        for (Class<?> c = type; c != null && c != NgnFn.class; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod(name, params);
                return true;
            } catch (NoSuchMethodException e) {
                // keep looking in the superclass
            }
        }
        return false;
    }

    /** For subclasses. */
    protected NgnFn() {
    }

    /** Number of parameters this function takes. */
    public abstract int arity();

    /** How the value prints: {@code <closure>} by default; named functions return {@code <fn name>}. */
    public String displayName() {
        return "<closure>";
    }

    /** Calls with no arguments. */
    public Object call0() {
        return callN(new Object[0]);
    }

    /** Calls with one argument. */
    public Object call1(Object a) {
        return callN(new Object[] {a});
    }

    /**
     * Calls with one i64 argument where the caller's static type is {@code fn<i64, i64>}: exactly what the boxed
     * call did (box, {@link #call1}, {@link Dyn#asLong} on the result). A closure declared {@code (i64) -> i64}
     * overrides it with its body, unboxed, and answers true to {@link #longToLong}.
     */
    public long callJJ(long a) {
        return Dyn.asLong(call1(a));
    }

    /** Does {@link #callJJ} run the body directly (the closure's own parameter and result are i64)? */
    public boolean longToLong() {
        return false;
    }

    /** Calls with two arguments. */
    public Object call2(Object a, Object b) {
        return callN(new Object[] {a, b});
    }

    /** Calls with three arguments. */
    public Object call3(Object a, Object b, Object c) {
        return callN(new Object[] {a, b, c});
    }

    /** Calls with four arguments. */
    public Object call4(Object a, Object b, Object c, Object d) {
        return callN(new Object[] {a, b, c, d});
    }

    /**
     * Calls with any number of arguments. The default forwards to the overridden
     * {@code callK} for {@code K = args.length}; otherwise RT
     * {@code Function expects <arity> arguments, got <K>}.
     */
    public Object callN(Object[] args) {
        int k = args.length;
        if (k < NAMES.length && OVERRIDES.get(getClass())[k]) {
            return switch (k) {
                case 0 -> call0();
                case 1 -> call1(args[0]);
                case 2 -> call2(args[0], args[1]);
                case 3 -> call3(args[0], args[1], args[2]);
                default -> call4(args[0], args[1], args[2], args[3]);
            };
        }
        throw NgnError.runtime("Function expects " + arity() + " arguments, got " + k);
    }

    /** {@code fmt}: {@link #displayName()}. */
    @Override
    public String toString() {
        return displayName();
    }

    /** The display name of a named function value: {@code <fn name>}. */
    public static String fnName(String name) {
        return "<fn " + name + ">";
    }
}
