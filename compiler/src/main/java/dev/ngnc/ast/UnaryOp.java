package dev.ngnc.ast;

public enum UnaryOp { NEG, NOT }
