package dev.ngnc.bench;

import java.math.BigDecimal;

/** Formats values the way ngn's print does, so the Java twins print exactly what the ngn programs print. */
final class NgnFormat {
    private NgnFormat() {}

    /** f64 like Rust's {@code {}}: shortest round-trip digits, no exponent, no trailing {@code .0}. */
    static String f64(double d) {
        if (Double.isNaN(d)) return "NaN";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0" : "0";
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
}
