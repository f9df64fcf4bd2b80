package dev.ngnc.tast;

import dev.ngnc.source.SourceFile;
import dev.ngnc.types.ModelInfo;

import java.util.List;

/**
 * A checked program, ready for emission: the program class (functions as static methods, globals as
 * static fields), the top-level statements that run before {@code main} in source order, models and
 * closures (each its own class).
 */
public record TProgram(SourceFile file, String mainClass, List<FnSymbol> functions, List<GlobalVar> globals,
                       List<TStmt> topLevel, FnSymbol entry, List<ModelInfo> models, List<ClosureInfo> closures) {}
