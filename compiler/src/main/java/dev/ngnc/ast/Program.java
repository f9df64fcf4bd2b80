package dev.ngnc.ast;

import dev.ngnc.source.SourceFile;

import java.util.List;

/** The syntax tree of one source file. */
public record Program(SourceFile file, List<Decl> items) {}
