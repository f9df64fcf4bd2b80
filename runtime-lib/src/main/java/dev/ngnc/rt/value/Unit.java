package dev.ngnc.rt.value;

/**
 * The ngn {@code void} value. There is exactly one instance, {@link #VOID}; it prints as
 * {@code void} and is equal only to itself.
 */
public final class Unit {
    /** The single {@code void} value. */
    public static final Unit VOID = new Unit();

    private Unit() {
    }

    /** Prints as ngn does: {@code void}. */
    @Override
    public String toString() {
        return "void";
    }
}
