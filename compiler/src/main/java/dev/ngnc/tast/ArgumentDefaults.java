package dev.ngnc.tast;

/**
 * How a call completes the arguments it leaves out: which declared parameters (a method's receiver not counted)
 * are optional ({@code x?: T}, passed as {@code Null}) and which have a default ({@code x: T = expr}). A default is
 * a typed tree owned by the function, checked once in the scope that declares the function, so it means the same
 * at every call site, in every importing module.
 */
public interface ArgumentDefaults {
    int declared();

    boolean optional(int i);

    boolean owned(int i);

    boolean hasDefault(int i);

    /** The default of parameter {@code i}; only when {@link #hasDefault}. */
    TExpr value(int i);
}
