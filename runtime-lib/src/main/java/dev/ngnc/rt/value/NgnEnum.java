package dev.ngnc.rt.value;

import java.util.Objects;

/**
 * An immutable enum value: {@code Color::Red}, {@code Result::Ok (5)}. Also represents the
 * built-in {@code Maybe<T> { Value(T), Null }} and {@code Result<T, E> { Ok(T), Error(E) }}.
 * Enums carry at most one payload.
 */
public final class NgnEnum {
    /** Name of the built-in Maybe enum. */
    public static final String MAYBE = "Maybe";
    /** Name of the built-in Result enum. */
    public static final String RESULT = "Result";

    /** {@code Maybe::Null}, i.e. ngn {@code null}. */
    public static final NgnEnum NULL = new NgnEnum(MAYBE, "Null", null, false);

    private final String enumName;
    private final String variant;
    private final Object payload;
    private final boolean hasPayload;

    /**
     * A value of enum {@code enumName}, variant {@code variant}, with {@code payload} if
     * {@code hasPayload} (a payload-less variant ignores {@code payload}).
     */
    public NgnEnum(String enumName, String variant, Object payload, boolean hasPayload) {
        this.enumName = enumName;
        this.variant = variant;
        this.payload = hasPayload ? payload : null;
        this.hasPayload = hasPayload;
    }

    /** A payload-less variant, e.g. {@code Color::Red}. */
    public static NgnEnum unit(String enumName, String variant) {
        return new NgnEnum(enumName, variant, null, false);
    }

    /** {@code Value(x)} ({@code Maybe::Value (x)}). */
    public static NgnEnum value(Object x) {
        return new NgnEnum(MAYBE, "Value", x, true);
    }

    /** {@code Ok(x)} ({@code Result::Ok (x)}). */
    public static NgnEnum ok(Object x) {
        return new NgnEnum(RESULT, "Ok", x, true);
    }

    /** {@code Error(x)} ({@code Result::Error (x)}). */
    public static NgnEnum error(Object x) {
        return new NgnEnum(RESULT, "Error", x, true);
    }

    /**
     * What an optional model field ({@code nick?: string}) stores when assigned {@code x}: a Maybe as it is, any
     * other value as {@code Value(x)} (as a model literal does), so a read of the field always yields a Maybe.
     */
    public static NgnEnum optionalField(Object x) {
        return x instanceof NgnEnum e && e.isMaybe() ? e : value(x);
    }

    /** {@code Value(x)} if {@code present}, else {@code Null}. */
    public static NgnEnum maybe(boolean present, Object x) {
        return present ? value(x) : NULL;
    }

    /** Name of the enum ({@code Color}, {@code Maybe}, {@code Result}). */
    public String enumName() {
        return enumName;
    }

    /** Name of the variant ({@code Red}, {@code Value}, {@code Ok}). */
    public String variant() {
        return variant;
    }

    /** The payload, or {@code null} when {@link #hasPayload()} is false. */
    public Object payload() {
        return payload;
    }

    /** Whether this variant carries a payload. */
    public boolean hasPayload() {
        return hasPayload;
    }

    /** True for a value of the built-in Maybe enum. */
    public boolean isMaybe() {
        return enumName.equals(MAYBE);
    }

    /** True for a value of the built-in Result enum. */
    public boolean isResult() {
        return enumName.equals(RESULT);
    }

    /** True iff this is {@code Value(_)}. */
    public boolean isValue() {
        return this != NULL && isMaybe() && variant.equals("Value");
    }

    /** True iff this is {@code Null}. */
    public boolean isNull() {
        return this == NULL || (isMaybe() && variant.equals("Null"));
    }

    /** True iff this is {@code Ok(_)}. */
    public boolean isOk() {
        return isResult() && variant.equals("Ok");
    }

    /** True iff this is {@code Error(_)}. */
    public boolean isError() {
        return isResult() && variant.equals("Error");
    }

    /** ngn {@code x?}: true iff this is {@code Value(_)} or {@code Ok(_)}. */
    public boolean isPresent() {
        return isValue() || isOk();
    }

    /** True iff this value has variant {@code name} (unqualified match pattern). */
    public boolean is(String name) {
        return variant.equals(name);
    }

    /** True iff this value is {@code enumName::name} (qualified match pattern). */
    public boolean is(String enumName, String name) {
        return variant.equals(name) && this.enumName.equals(enumName);
    }

    /**
     * ngn {@code a ?? b}: the payload of {@code Value(v)}; {@code fallback} for {@code Null};
     * this value itself for anything else (including {@code Error}).
     */
    public Object orElse(Object fallback) {
        if (isValue()) {
            return payload;
        }
        return isNull() ? fallback : this;
    }

    boolean sameValue(NgnEnum o) {
        return this == o || (variant.equals(o.variant) && enumName.equals(o.enumName)
                && hasPayload == o.hasPayload && (!hasPayload || Values.equals(payload, o.payload)));
    }

    int valueHash() {
        if (isMaybe()) {
            return hasPayload ? Values.hash(payload) : 0x4e756c6c;
        }
        return Objects.hash(enumName, variant) * 31 + (hasPayload ? Values.hash(payload) : 0);
    }

    /** {@code fmt}: {@code Enum::Variant} or {@code Enum::Variant (payload)}. */
    @Override
    public String toString() {
        return Fmt.str(this);
    }
}
