package dev.ngnc.rt.value;

import dev.ngnc.rt.base.NgnError;

/**
 * Arithmetic with ngn's rules on primitives (spec 3.2). {@code + - *} on integers are plain
 * wrapping Java operations and need no helper; int {@code /} int always yields a float.
 */
public final class Num {
    private Num() {
    }

    /** ngn int {@code /} int: a float; zero divisor ⇒ RT {@code Division failed}. */
    public static double div(long a, long b) {
        if (b == 0) {
            throw NgnError.runtime("Division failed");
        }
        return (double) a / (double) b;
    }

    /** ngn float {@code /}: zero divisor (also {@code -0.0}) ⇒ RT {@code Division failed}. */
    public static double div(double a, double b) {
        if (b == 0) {
            throw NgnError.runtime("Division failed");
        }
        return a / b;
    }

    /**
     * ngn int {@code %} int: truncated remainder (sign of the dividend); {@code % 0} ⇒ RT
     * {@code Modulo failed}; {@code MIN % -1} ⇒ Internal
     * {@code attempt to calculate the remainder with overflow}.
     */
    public static long mod(long a, long b) {
        if (b == 0) {
            throw NgnError.runtime("Modulo failed");
        }
        if (b == -1) {
            if (a == Long.MIN_VALUE) {
                throw NgnError.internal("attempt to calculate the remainder with overflow");
            }
            return 0;
        }
        return a % b;
    }

    /**
     * ngn u8 {@code /} u8 (both 0..255): truncating, a u8 (spec 3.2 {@code 7/2 ⇒ 3}); zero divisor ⇒
     * Internal {@code attempt to divide by zero}.
     */
    public static long divU8(long a, long b) {
        if (b == 0) {
            throw NgnError.internal("attempt to divide by zero");
        }
        return a / b;
    }

    /**
     * ngn u8 {@code %} u8 (both 0..255); zero divisor ⇒ Internal
     * {@code attempt to calculate the remainder with a divisor of zero}.
     */
    public static long modU8(long a, long b) {
        if (b == 0) {
            throw NgnError.internal("attempt to calculate the remainder with a divisor of zero");
        }
        return a % b;
    }

    /** ngn float {@code %}: C {@code fmod} ({@code 10.5 % 3 ⇒ 1.5}, {@code x % 0.0 ⇒ NaN}). */
    public static double mod(double a, double b) {
        return a % b;
    }

    /** ngn {@code **} / {@code ^}: always a float ({@code 2 ** -1 ⇒ 0.5}). */
    public static double pow(double a, double b) {
        return Math.pow(a, b);
    }
}
