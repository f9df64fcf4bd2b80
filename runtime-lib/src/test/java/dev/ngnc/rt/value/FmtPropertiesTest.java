package dev.ngnc.rt.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FmtPropertiesTest {
    @Provide
    Arbitrary<Double> anyFiniteDouble() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(Double::longBitsToDouble)
                        .filter(d -> !Double.isNaN(d) && !Double.isInfinite(d)),
                Arbitraries.doubles(),
                Arbitraries.longs().map(l -> (double) l));
    }

    @Property(tries = 5000)
    void floatTextParsesBackToTheSameDouble(@ForAll("anyFiniteDouble") double d) {
        String s = Fmt.str(d);
        assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(Double.parseDouble(s)), s);
    }

    @Property(tries = 5000)
    void floatTextNeverUsesAnExponentOrTrailingPointZero(@ForAll("anyFiniteDouble") double d) {
        String s = Fmt.str(d);
        assertFalse(s.contains("E") || s.contains("e"), s);
        assertFalse(s.endsWith(".0"), s);
        assertFalse(s.contains(".") && s.endsWith("0"), s);
    }
}
