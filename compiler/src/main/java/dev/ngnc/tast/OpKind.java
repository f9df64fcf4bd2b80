package dev.ngnc.tast;

/** How a binary/unary operator is carried out, decided by the checker from operand types. */
public enum OpKind {
    /** Both operands as JVM long. */
    LONG,
    /** Both operands as JVM double. */
    DOUBLE,
    /** bool operands (== and != only). */
    BOOL,
    /** String operands (+ concatenates; == compares contents). */
    STRING,
    /** Any other case: boxed operands through dev.ngnc.rt.Dyn / Values.equals. */
    DYNAMIC
}
