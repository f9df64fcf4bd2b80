package dev.ngnc.rt.tbx;

import dev.ngnc.rt.value.Dyn;
import dev.ngnc.rt.value.Fmt;
import dev.ngnc.rt.base.NgnError;
import dev.ngnc.rt.value.U8;

/**
 * {@code tbx::math} (spec 11.5). {@code abs round floor ceil trunc} keep the argument kind
 * (integers stay integers); everything else returns a float.
 */
public final class MathLib {
    private MathLib() {
    }

    /** ngn {@code abs(n)} for an integer; wraps ({@code abs(MIN) == MIN}). */
    public static long abs(long x) {
        return x < 0 ? -x : x;
    }

    /** ngn {@code abs(x)} for a float. */
    public static double abs(double x) {
        return Math.abs(x);
    }

    /** ngn {@code round(n)} for an integer: unchanged. */
    public static long round(long x) {
        return x;
    }

    /** ngn {@code round(x)}: nearest integer, halves away from zero ({@code round(-2.5) ⇒ -3}). */
    public static double round(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        double a = Math.abs(x);
        double f = Math.floor(a);
        double r = a - f >= 0.5 ? f + 1 : f;
        return Math.copySign(r, x);
    }

    /** ngn {@code floor(n)} for an integer: unchanged. */
    public static long floor(long x) {
        return x;
    }

    /** ngn {@code floor(x)}. */
    public static double floor(double x) {
        return Math.floor(x);
    }

    /** ngn {@code ceil(n)} for an integer: unchanged. */
    public static long ceil(long x) {
        return x;
    }

    /** ngn {@code ceil(x)}. */
    public static double ceil(double x) {
        return Math.ceil(x);
    }

    /** ngn {@code trunc(n)} for an integer: unchanged. */
    public static long trunc(long x) {
        return x;
    }

    /** ngn {@code trunc(x)}: rounds toward zero. */
    public static double trunc(double x) {
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }

    /** Dynamic {@code abs}: a {@code Long} stays a {@code Long}, a {@code Double} a {@code Double}, a u8 itself. */
    public static Object abs(Object x) {
        if (x instanceof U8) {
            return x;
        }
        return x instanceof Long l ? (Object) abs((long) l) : (Object) abs(Dyn.asDouble(x));
    }

    /** Dynamic {@code round} (kind-preserving). */
    public static Object round(Object x) {
        return Dyn.isInt(x) ? x : (Object) round(Dyn.asDouble(x));
    }

    /** Dynamic {@code floor} (kind-preserving). */
    public static Object floor(Object x) {
        return Dyn.isInt(x) ? x : (Object) floor(Dyn.asDouble(x));
    }

    /** Dynamic {@code ceil} (kind-preserving). */
    public static Object ceil(Object x) {
        return Dyn.isInt(x) ? x : (Object) ceil(Dyn.asDouble(x));
    }

    /** Dynamic {@code trunc} (kind-preserving). */
    public static Object trunc(Object x) {
        return Dyn.isInt(x) ? x : (Object) trunc(Dyn.asDouble(x));
    }

    /** ngn {@code sign(x)}: -1.0, 0.0 or 1.0 (NaN stays NaN). */
    public static double sign(double x) {
        if (x > 0) {
            return 1.0;
        }
        if (x < 0) {
            return -1.0;
        }
        return x == 0 ? 0.0 : x;
    }

    /** ngn {@code min(a, b)}: the smaller as a float; a NaN argument is ignored (Rust {@code f64::min}). */
    public static double min(double a, double b) {
        if (a != a) {
            return b;
        }
        if (b != b) {
            return a;
        }
        return Math.min(a, b);
    }

    /** ngn {@code min(a, b, …)} (2–5 arguments; arity is checked by the compiler). */
    public static double min(double... xs) {
        double m = xs[0];
        for (int i = 1; i < xs.length; i++) {
            m = min(m, xs[i]);
        }
        return m;
    }

    /** ngn {@code max(a, b)}: the larger as a float; a NaN argument is ignored. */
    public static double max(double a, double b) {
        if (a != a) {
            return b;
        }
        if (b != b) {
            return a;
        }
        return Math.max(a, b);
    }

    /** ngn {@code max(a, b, …)} (2–5 arguments). */
    public static double max(double... xs) {
        double m = xs[0];
        for (int i = 1; i < xs.length; i++) {
            m = max(m, xs[i]);
        }
        return m;
    }

    /**
     * ngn {@code clamp(x, lo, hi)} as a float; {@code lo > hi} or a NaN bound ⇒ Internal
     * {@code min > max, or either was NaN. min = lo, max = hi} (Rust {@code f64::clamp}).
     */
    public static double clamp(double x, double lo, double hi) {
        if (!(lo <= hi)) {
            throw NgnError.internal("min > max, or either was NaN. min = " + rustDebug(lo)
                    + ", max = " + rustDebug(hi));
        }
        if (x < lo) {
            return lo;
        }
        return x > hi ? hi : x;
    }

    private static String rustDebug(double d) {
        String s = Fmt.str(d);
        return s.indexOf('.') >= 0 || s.equals("NaN") || s.endsWith("inf") ? s : s + ".0";
    }

    /** ngn {@code sqrt(x)} (negative ⇒ NaN). */
    public static double sqrt(double x) {
        return Math.sqrt(x);
    }

    /** ngn {@code pow(a, b)}. */
    public static double pow(double a, double b) {
        return Math.pow(a, b);
    }

    /** ngn {@code exp(x)}. */
    public static double exp(double x) {
        return Math.exp(x);
    }

    /** ngn {@code log(x)}: natural logarithm. */
    public static double log(double x) {
        return Math.log(x);
    }

    /** ngn {@code log10(x)}. */
    public static double log10(double x) {
        return Math.log10(x);
    }

    /** ngn {@code log2(x)}: exact for powers of two. */
    public static double log2(double x) {
        if (x > 0 && x < Double.POSITIVE_INFINITY) {
            int e = Math.getExponent(x);
            if (e >= Double.MIN_EXPONENT && x == Math.scalb(1.0, e)) {
                return e;
            }
            if (e >= Double.MIN_EXPONENT) {
                double m = Math.scalb(x, -e); // in [1, 2)
                return e + Math.log(m) / Math.log(2.0);
            }
        }
        return Math.log(x) / Math.log(2.0);
    }

    /** ngn {@code sin(x)}. */
    public static double sin(double x) {
        return Math.sin(x);
    }

    /** ngn {@code cos(x)}. */
    public static double cos(double x) {
        return Math.cos(x);
    }

    /** ngn {@code tan(x)}. */
    public static double tan(double x) {
        return Math.tan(x);
    }

    /** ngn {@code asin(x)}. */
    public static double asin(double x) {
        return Math.asin(x);
    }

    /** ngn {@code acos(x)}. */
    public static double acos(double x) {
        return Math.acos(x);
    }

    /** ngn {@code atan(x)}. */
    public static double atan(double x) {
        return Math.atan(x);
    }

    /** ngn {@code atan2(y, x)}. */
    public static double atan2(double y, double x) {
        return Math.atan2(y, x);
    }

    /** ngn {@code PI()}. */
    public static double PI() {
        return Math.PI;
    }
}
