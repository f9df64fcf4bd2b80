package dev.ngnc.tast;

import dev.ngnc.source.SourceFile;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.RoleInfo;

import java.util.List;

/**
 * A checked program, ready for emission: the program class (functions as static methods, globals as
 * static fields), the top-level statements that run before {@code main} in source order, models and
 * closures (each its own class), how models implement role interfaces, the classes of imported
 * modules whose top-level code must run first (in order), and — for an entry file with
 * {@code export default { fetch, config? }} and no {@code main} — the global holding that server object
 * ({@code serverExport}; {@code $run} then serves it).
 */
public record TProgram(SourceFile file, String mainClass, List<FnSymbol> functions, List<GlobalVar> globals,
                       List<TStmt> topLevel, FnSymbol entry, List<ModelInfo> models, List<ClosureInfo> closures,
                       List<RoleBinding> roleBindings, List<String> moduleInits, GlobalVar serverExport) {

    public TProgram(SourceFile file, String mainClass, List<FnSymbol> functions, List<GlobalVar> globals,
                    List<TStmt> topLevel, FnSymbol entry, List<ModelInfo> models, List<ClosureInfo> closures,
                    List<RoleBinding> roleBindings, List<String> moduleInits) {
        this(file, mainClass, functions, globals, topLevel, entry, models, closures, roleBindings, moduleInits, null);
    }

    public TProgram(SourceFile file, String mainClass, List<FnSymbol> functions, List<GlobalVar> globals,
                    List<TStmt> topLevel, FnSymbol entry, List<ModelInfo> models, List<ClosureInfo> closures) {
        this(file, mainClass, functions, globals, topLevel, entry, models, closures, List.of(), List.of());
    }

    /**
     * Model {@code model} implements {@code role}'s method {@code method} with {@code impl} (an extend method
     * or a role default body checked for this model).
     */
    public record RoleBinding(ModelInfo model, RoleInfo role, String method, FnSymbol impl) {}
}
