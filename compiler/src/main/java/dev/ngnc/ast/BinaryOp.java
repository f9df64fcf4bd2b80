package dev.ngnc.ast;

public enum BinaryOp {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"), POW("**"),
    EQ("=="), NE("!="), LT("<"), GT(">"), LE("<="), GE(">="),
    AND("&&"), OR("||"), COALESCE("??");

    public final String symbol;

    BinaryOp(String symbol) { this.symbol = symbol; }

    public boolean isArithmetic() { return ordinal() <= POW.ordinal(); }
    public boolean isComparison() { return this == LT || this == GT || this == LE || this == GE; }
    public boolean isEquality() { return this == EQ || this == NE; }
}
