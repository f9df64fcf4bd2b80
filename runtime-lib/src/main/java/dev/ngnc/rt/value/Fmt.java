package dev.ngnc.rt.value;


/**
 * ngn's {@code fmt}: how {@code print}, {@code echo}, interpolation and {@code tuple.join}
 * turn values into text (spec 5). Strings are raw at every nesting level.
 */
public final class Fmt {
    private Fmt() {
    }

    /** {@code fmt} of an integer: decimal. */
    public static String str(long v) {
        return Long.toString(v);
    }

    /** {@code fmt} of a bool: {@code true} / {@code false}. */
    public static String str(boolean v) {
        return v ? "true" : "false";
    }

    /**
     * {@code fmt} of a float, like Rust's {@code {}}: the shortest digits that round-trip, in
     * plain positional notation (never an exponent), no {@code .0} for integral values
     * ({@code 2.0 ⇒ 2}, {@code 1e21 ⇒ 1000000000000000000000}, {@code 1e-7 ⇒ 0.0000001}),
     * {@code NaN}, {@code inf}, {@code -inf}, and {@code -0} for negative zero.
     */
    public static String str(double v) {
        if (v != v) {
            return "NaN";
        }
        if (v == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        if (v == 0) {
            return Double.doubleToRawLongBits(v) < 0 ? "-0" : "0";
        }
        if (v > -1e15 && v < 1e15 && (double) (long) v == v) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        if (Math.abs(v) < Double.MIN_NORMAL) {
            s = shortestSubnormal(v, s);
        }
        int e = s.indexOf('E');
        if (e < 0) {
            return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
        }
        return expandExponent(s, e);
    }

    /**
     * Java prints at least two significant digits ({@code 4.9E-324}) where Rust prints the
     * shortest one ({@code 5e-324}); this only matters for subnormals.
     */
    private static String shortestSubnormal(double v, String s) {
        java.math.BigDecimal bd = new java.math.BigDecimal(s);
        if (bd.precision() != 2) {
            return s;
        }
        for (java.math.RoundingMode mode : new java.math.RoundingMode[] {
                java.math.RoundingMode.HALF_UP, java.math.RoundingMode.DOWN, java.math.RoundingMode.UP}) {
            java.math.BigDecimal r = bd.round(new java.math.MathContext(1, mode));
            if (r.doubleValue() == v) {
                return sci(r);
            }
        }
        return s;
    }

    /** {@code d.dEnn} text for a one-digit decimal (as Double.toString would write it). */
    private static String sci(java.math.BigDecimal r) {
        java.math.BigInteger unscaled = r.unscaledValue();
        String digits = unscaled.abs().toString();
        int exp = digits.length() - 1 - r.scale();
        return (r.signum() < 0 ? "-" : "") + digits.charAt(0) + ".0E" + exp;
    }

    /** Rewrites Java's {@code d.dddEnn} into plain positional notation. */
    private static String expandExponent(String s, int e) {
        boolean neg = s.charAt(0) == '-';
        int start = neg ? 1 : 0;
        int exp = Integer.parseInt(s.substring(e + 1));
        StringBuilder digits = new StringBuilder(e);
        for (int i = start; i < e; i++) {
            char c = s.charAt(i);
            if (c != '.') {
                digits.append(c);
            }
        }
        int len = digits.length();
        while (len > 1 && digits.charAt(len - 1) == '0') {
            len--;
        }
        digits.setLength(len);
        int point = 1 + exp; // position of the decimal point within digits
        StringBuilder out = new StringBuilder(len + Math.abs(exp) + 3);
        if (neg) {
            out.append('-');
        }
        if (point >= len) {
            out.append(digits);
            out.repeat('0', point - len);
        } else if (point <= 0) {
            out.append("0.");
            out.repeat('0', -point);
            out.append(digits);
        } else {
            out.append(digits, 0, point).append('.').append(digits, point, len);
        }
        return out.toString();
    }

    /** {@code fmt} of any ngn value (see the class comment and spec 5). */
    public static String str(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Long l) {
            return Long.toString(l);
        }
        if (v instanceof U8 u) {
            return u.toString();
        }
        if (v instanceof Double d) {
            return str(d.doubleValue());
        }
        if (v instanceof Boolean b) {
            return str(b.booleanValue());
        }
        StringBuilder sb = new StringBuilder();
        append(sb, v);
        return sb.toString();
    }

    /** Appends {@code fmt(v)} to {@code sb}. */
    public static void append(StringBuilder sb, Object v) {
        if (v instanceof String s) {
            sb.append(s);
        } else if (v instanceof Long l) {
            sb.append(l.longValue());
        } else if (v instanceof U8 u) {
            sb.append(u.value());
        } else if (v instanceof Double d) {
            sb.append(str(d.doubleValue()));
        } else if (v instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (v instanceof NgnArray a) {
            sb.append('[');
            appendAll(sb, a.rawElements(), a.length());
            sb.append(']');
        } else if (v instanceof NgnTuple t) {
            sb.append('(');
            appendAll(sb, t.rawElements(), t.length());
            sb.append(')');
        } else if (v instanceof NgnEnum e) {
            sb.append(e.enumName()).append("::").append(e.variant());
            if (e.hasPayload()) {
                sb.append(" (");
                append(sb, e.payload());
                sb.append(')');
            }
        } else if (v instanceof NgnObject o) {
            sb.append('{');
            appendFields(sb, o.rawKeys(), o.rawValues(), o.fieldCount());
            sb.append('}');
        } else if (v instanceof Formatted f) {
            f.appendFmt(sb);
        } else if (v instanceof NgnModel m) {
            sb.append(m.modelName()).append(" {");
            String[] names = m.fieldNames();
            for (int i = 0; i < names.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(names[i]).append(": ");
                append(sb, m.fieldValue(i));
            }
            sb.append('}');
        } else if (v instanceof NgnMap m) {
            sb.append("map{");
            m.appendEntries(sb);
            sb.append('}');
        } else if (v instanceof NgnSet s) {
            sb.append("set{");
            Object[] elems = s.toArray();
            appendAll(sb, elems, elems.length);
            sb.append('}');
        } else if (v instanceof NgnState st) {
            append(sb, st.peek());
        } else if (v == null || v instanceof Unit) {
            sb.append("void");
        } else if (v instanceof NgnFn f) {
            sb.append(f.displayName());
        } else if (v instanceof NgnBytes b) {
            sb.append("<bytes len=").append(b.length()).append('>');
        } else {
            // NgnRange, NgnRegex and classes defined elsewhere (channels…) print via toString()
            sb.append(v);
        }
    }

    private static void appendAll(StringBuilder sb, Object[] elems, int n) {
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            append(sb, elems[i]);
        }
    }

    private static void appendFields(StringBuilder sb, String[] keys, Object[] values, int n) {
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(keys[i]).append(": ");
            append(sb, values[i]);
        }
    }

    /**
     * A value that prints itself (tbx's {@code Response}): lets a package above {@code rt.value} choose its text
     * without this package naming it (no package cycle). Checked before {@link NgnModel}.
     */
    public interface Formatted {
        void appendFmt(StringBuilder sb);
    }
}
