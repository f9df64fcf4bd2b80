package dev.ngnc.rt.value;

import dev.ngnc.rt.base.NgnError;

/**
 * Base class of generated model classes ({@code model User { name: string, age: i64 }}).
 * Instances have value semantics via copy-on-write (see {@link Shareable}); they print as
 * {@code User {name: Ann, age: 3}} (declaration order) and compare structurally.
 *
 * <h2>What a generated model class must provide</h2>
 * <ul>
 *   <li>public (typed) instance fields, one per model field, assigned directly by generated
 *   code: {@code u = (User) u.writable(); u.name = "x"}.</li>
 *   <li>{@link #modelName()}: the model's ngn name.</li>
 *   <li>{@link #fieldNames()}: the field names in declaration order (return a constant array;
 *   callers must not modify it).</li>
 *   <li>{@link #fieldValue(int)}: field {@code i} (declaration order) boxed
 *   ({@code long ⇒ Long}, {@code double ⇒ Double}, {@code boolean ⇒ Boolean}).</li>
 * </ul>
 * Optional overrides: {@link #shallowCopy()} (the default uses {@link Object#clone()}, which
 * copies every field reference as is — exactly what is needed) and {@link #shareFields()}
 * (the default boxes each field through {@link #fieldValue(int)} and shares the
 * {@link Shareable} ones; a generated override may share only its reference-typed fields).
 * Generated classes should not override {@code equals}/{@code hashCode}/{@code toString}.
 */
public abstract class NgnModel implements Shareable, Cloneable {
    private boolean shared;

    /** For subclasses. */
    protected NgnModel() {
    }

    /** The model's ngn name, e.g. {@code User}. */
    public abstract String modelName();

    /** Field names in declaration order (a constant array; do not modify). */
    public abstract String[] fieldNames();

    /** Field {@code i} (declaration order), boxed. */
    public abstract Object fieldValue(int i);

    /**
     * A new instance of the same class whose fields hold the same references/values as this
     * one. The default implementation is {@link Object#clone()}.
     */
    protected NgnModel shallowCopy() {
        try {
            return (NgnModel) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** Calls {@link Shareable#share()} on every field value that is a {@link Shareable}. */
    protected void shareFields() {
        int n = fieldNames().length;
        for (int i = 0; i < n; i++) {
            Values.share(fieldValue(i));
        }
    }

    /** Marks this instance shared; O(1). Returns this. */
    @Override
    public final NgnModel share() {
        shared = true;
        return this;
    }

    /**
     * This instance if unshared, else {@link #shallowCopy()} (marked unshared) after
     * {@link #shareFields()} — the fields are now referenced by both instances.
     */
    @Override
    public final NgnModel writable() {
        if (!shared) {
            return this;
        }
        shareFields();
        NgnModel copy = shallowCopy();
        copy.shared = false;
        return copy;
    }

    @Override
    public final boolean isShared() {
        return shared;
    }

    /** Position of field {@code name} in declaration order, or -1. */
    public final int fieldIndex(String name) {
        String[] names = fieldNames();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Dynamic field read by name (the untyped path); unknown ⇒ RT
     * {@code Field 'name' not found in object}.
     */
    public final Object field(String name) {
        int i = fieldIndex(name);
        if (i < 0) {
            throw NgnError.runtime("Field '" + name + "' not found in object");
        }
        return fieldValue(i);
    }

    /**
     * Stores {@code value} (boxed) in field {@code i}; generated models override it. The untyped path
     * ({@code p.x = v} or {@code p.items.push(v)} where {@code p} has no static type) writes through it, on an
     * instance already made writable.
     */
    protected void setFieldValue(int i, Object value) {
        throw NgnError.runtime("Cannot assign to field '" + fieldNames()[i] + "' of " + modelName());
    }

    /** Dynamic field write by name; unknown ⇒ RT {@code Field 'name' not found in object}. */
    public final void setField(String name, Object value) {
        int i = fieldIndex(name);
        if (i < 0) {
            throw NgnError.runtime("Field '" + name + "' not found in object");
        }
        setFieldValue(i, value);
    }

    final boolean sameFields(NgnModel o) {
        if (this == o) {
            return true;
        }
        if (!modelName().equals(o.modelName())) {
            return false;
        }
        int n = fieldNames().length;
        if (n != o.fieldNames().length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!Values.equals(fieldValue(i), o.fieldValue(i))) {
                return false;
            }
        }
        return true;
    }

    final int fieldsHash() {
        int h = modelName().hashCode();
        int n = fieldNames().length;
        for (int i = 0; i < n; i++) {
            h = 31 * h + Values.hash(fieldValue(i));
        }
        return h;
    }

    /** ngn structural equality ({@link Values#equals}). */
    @Override
    public final boolean equals(Object o) {
        return o instanceof NgnModel m && sameFields(m);
    }

    @Override
    public final int hashCode() {
        return fieldsHash();
    }

    /** {@code fmt}: {@code Name {k: v, …}}. */
    @Override
    public final String toString() {
        return Fmt.str(this);
    }
}
