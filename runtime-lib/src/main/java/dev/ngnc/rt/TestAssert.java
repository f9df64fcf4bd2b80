package dev.ngnc.rt;

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
}
