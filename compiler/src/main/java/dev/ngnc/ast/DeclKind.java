package dev.ngnc.ast;

public enum DeclKind { VAR, CONST }
