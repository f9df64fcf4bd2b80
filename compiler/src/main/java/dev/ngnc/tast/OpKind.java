package dev.ngnc.tast;

/** How a binary/unary operator is carried out, decided by the checker from operand types. */
public enum OpKind {
    /** Both operands as JVM long. */
    LONG,
    /**
     * Arithmetic of two u8 values read from bytes (longs in 0..255): the result is a u8, {@code + - *} wrap at
     * 8 bits, {@code /} truncates, {@code /} and {@code %} by zero are Internal errors (spec 3.2).
     */
    U8,
    /** Both operands as JVM double. */
    DOUBLE,
    /** bool operands (== and != only). */
    BOOL,
    /** String operands (+ concatenates; == compares contents). */
    STRING,
    /** Any other case: boxed operands through dev.ngnc.rt.value.Dyn / Values.equals. */
    DYNAMIC
}
