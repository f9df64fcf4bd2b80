package dev.ngnc.rt;

import dev.ngnc.rt.base.NgnError;

/**
 * {@code assert} of {@code tbx::test} (spec 9.3). Prints {@code ✅ <msg>} on success; on
 * failure prints {@code ❌ <msg>} then throws RT {@code Assertion failed: <msg>}.
 */
public final class TestAssert {
    /** Message printed for a passing assert without a message. */
    public static final String DEFAULT_PASS = "Assertion passed";
    /** Message printed for a failing assert without a message. */
    public static final String DEFAULT_FAIL = "Assertion failed";

    private TestAssert() {
    }

    /** ngn {@code assert(cond, msg)}. */
    public static void check(boolean cond, String msg) {
        if (msg == null) {
            check(cond);
            return;
        }
        if (cond) {
            Out.println("\u2705 " + msg);
            return;
        }
        Out.println("\u274C " + msg);
        throw NgnError.runtime("Assertion failed: " + msg);
    }

    /**
     * ngn {@code assert(cond)}: prints {@code ✅ Assertion passed}, or {@code ❌ Assertion failed}
     * and throws RT {@code Assertion failed: Assertion failed}.
     */
    public static void check(boolean cond) {
        check(cond, cond ? DEFAULT_PASS : DEFAULT_FAIL);
    }

    /**
     * ngn {@code assert} with an untyped condition; a non-bool ⇒ RT
     * {@code Type error: assert expects boolean condition}.
     */
    public static void check(Object cond, String msg) {
        if (!(cond instanceof Boolean b)) {
            throw NgnError.runtime("Type error: assert expects boolean condition");
        }
        if (msg == null) {
            check(b.booleanValue());
        } else {
            check(b.booleanValue(), msg);
        }
    }

    /** ngn {@code assert(cond)} with an untyped condition (see {@link #check(Object, String)}). */
    public static void check(Object cond) {
        check(cond, null);
    }

    // ---------------------------------------------------------------------------------------
    // What the compiler calls: the asserted expression's source text (and, for a comparison, both
    // operands' printed values) come along, so a failure says what failed. The stdout lines stay
    // those of spec 9.3; only the run-time error names the expression.

    /** {@code assert(cond)} of a non-comparison: fails with {@code Assertion failed: <text>}. */
    public static void that(boolean cond, String text) {
        if (cond) {
            Out.println("\u2705 " + DEFAULT_PASS);
            return;
        }
        Out.println("\u274C " + DEFAULT_FAIL);
        throw NgnError.runtime("Assertion failed: " + text);
    }

    /** {@code assert(cond, msg)} of a non-comparison: the message is what the failure shows (spec 9.3). */
    public static void that(boolean cond, String text, String msg) {
        check(cond, msg);
    }

    /** {@code assert(cond)} with an untyped condition. */
    public static void that(Object cond, String text) {
        that(bool(cond), text);
    }

    /** {@code assert(cond, msg)} with an untyped condition. */
    public static void that(Object cond, String text, String msg) {
        check(bool(cond), msg);
    }

    /**
     * {@code assert(l OP r)}: fails with {@code Assertion failed: <text>} and a second line
     * {@code   left: <l>, right: <r>}.
     */
    public static void compare(boolean cond, String text, String left, String right) {
        if (cond) {
            Out.println("\u2705 " + DEFAULT_PASS);
            return;
        }
        Out.println("\u274C " + DEFAULT_FAIL);
        throw NgnError.runtime("Assertion failed: " + text + operands(left, right));
    }

    /** {@code assert(l OP r, msg)}: the message, then the operands' values. */
    public static void compare(boolean cond, String text, String msg, String left, String right) {
        if (cond) {
            Out.println("\u2705 " + msg);
            return;
        }
        Out.println("\u274C " + msg);
        throw NgnError.runtime("Assertion failed: " + msg + operands(left, right));
    }

    /** A string operand as a failure shows it: in double quotes, with quotes, backslashes and line breaks escaped. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** The line under a failed comparison; every failure report starts it with two spaces. */
    static String operands(String left, String right) {
        return "\n  left: " + left + ", right: " + right;
    }

    private static boolean bool(Object cond) {
        if (!(cond instanceof Boolean b)) {
            throw NgnError.runtime("Type error: assert expects boolean condition");
        }
        return b;
    }
}
