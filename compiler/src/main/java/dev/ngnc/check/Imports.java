package dev.ngnc.check;

import dev.ngnc.ast.Decl;

import java.nio.file.Path;

/**
 * Resolves import declarations: toolbox modules ({@code tbx::…}) map to natives; file modules are
 * loaded (and checked) through the {@link ModuleGraph} and their exports bound under the imported names.
 */
final class Imports {
    private final Checker checker;

    Imports(Checker checker) { this.checker = checker; }

    void declare(Decl.Import i) {
        String source = i.source();
        if (source.startsWith("tbx::")) {
            toolbox(i, source.substring("tbx::".length()));
            return;
        }
        Path path = checker.graph.resolve(checker, source);
        ModuleExports module = checker.graph.load(checker, path, source, i.span());
        if (module == null) {
            // already reported at the import: do not report every use of its names again
            for (Decl.ImportName n : i.names()) checker.unavailable.add(n.alias() != null ? n.alias() : n.name());
            if (i.defaultName() != null) checker.unavailable.add(i.defaultName());
            if (i.namespace() != null) checker.unavailable.add(i.namespace());
            return;
        }
        if (i.namespace() != null) {
            checker.fileNamespaces.put(i.namespace(), module);
            checker.imports.bind(i, i.namespace(), i.span(), null);
            return;
        }
        if (i.defaultName() != null) {
            if (module.defaultFunction != null) {
                checker.importedFunctions.put(i.defaultName(), module.defaultFunction);
                checker.imports.bind(i, i.defaultName(), i.span(), null);
            } else if (module.defaultValue != null) {
                checker.globals.put(i.defaultName(), module.defaultValue);
                checker.imports.bind(i, i.defaultName(), i.span(), null);
            } else {
                checker.error(i.span(), "Module '" + source + "' has no default export");
            }
            return;
        }
        for (Decl.ImportName n : i.names()) bindName(i, n, module, source);
    }

    private void bindName(Decl.Import i, Decl.ImportName n, ModuleExports module, String source) {
        String local = n.alias() != null ? n.alias() : n.name();
        if (checker.function(local) != null || checker.types.isTypeName(local)) {
            checker.error(n.span(), "'" + local + "' already defined in this scope");
            return;
        }
        boolean found = false;
        if (checker.index != null) indexImport(n, module);
        if (module.functions.containsKey(n.name())) {
            checker.importedFunctions.put(local, module.functions.get(n.name()));
            found = true;
        }
        if (module.models.containsKey(n.name())) {
            checker.types.models.put(local, module.models.get(n.name()));
            found = true;
        }
        if (module.enums.containsKey(n.name())) {
            checker.registerEnum(local, module.enums.get(n.name()));
            found = true;
        }
        if (module.roles.containsKey(n.name())) {
            checker.types.roles.put(local, module.roles.get(n.name()));
            found = true;
        }
        if (module.aliases.containsKey(n.name())) {
            checker.types.defineAlias(local, module.aliases.get(n.name()));
            found = true;
        }
        if (found) checker.imports.bind(i, local, n.span(), module.enums.get(n.name()));
        if (!found && module.incomplete) {
            checker.unavailable.add(local); // the module's syntax errors explain it: one mistake, one error
        } else if (!found) {
            java.util.Set<String> exported = new java.util.TreeSet<>(module.functions.keySet());
            exported.addAll(module.models.keySet());
            exported.addAll(module.enums.keySet());
            exported.addAll(module.roles.keySet());
            exported.addAll(module.aliases.keySet());
            checker.error(n.span(), "'" + n.name() + "' is not exported from '" + source + "'",
                    Suggestions.didYouMean(n.name(), exported));
            checker.unavailable.add(local);
        }
    }

    /** The name in {@code import { n }} is a use of the declaration it imports (go to definition, rename). */
    private void indexImport(Decl.ImportName n, ModuleExports module) {
        Object target = module.functions.get(n.name());
        if (target == null) target = module.models.get(n.name());
        if (target == null) target = module.enums.get(n.name());
        if (target == null) target = module.roles.get(n.name());
        if (target != null) checker.index.useNamed(checker.file, n.name(), n.span().start(), n.span().end(), target);
    }

    /** Documented toolbox modules ngnc does not provide yet (issue 14): not a typo, so no "did you mean". */
    private static final java.util.Set<String> DOCUMENTED_BUT_MISSING = java.util.Set.of("llm");

    private void toolbox(Decl.Import i, String module) {
        String source = "tbx::" + module;
        if (!Natives.isModule(module)) {
            String close = Suggestions.closest(module, Natives.MODULES);
            if (DOCUMENTED_BUT_MISSING.contains(module) || close == null) {
                checker.error(i.span(), "toolbox module '" + source + "' is not supported by this version of ngnc yet",
                        DOCUMENTED_BUT_MISSING.contains(module) ? null
                                : "the toolbox has " + String.join(", ", Natives.MODULES.stream().map(m -> "tbx::" + m).toList()));
            } else {
                checker.error(i.span(), "unknown toolbox module '" + source + "'", "did you mean 'tbx::" + close + "'?");
            }
            for (Decl.ImportName n : i.names()) checker.unavailable.add(n.alias() != null ? n.alias() : n.name());
            if (i.namespace() != null) checker.unavailable.add(i.namespace());
            if (i.defaultName() != null) checker.unavailable.add(i.defaultName());
            return;
        }
        if (i.namespace() != null) {
            checker.namespaces.put(i.namespace(), module);
            checker.imports.bind(i, i.namespace(), i.span(), null);
            return;
        }
        if (i.defaultName() != null) {
            checker.error(i.span(), "Module '" + source + "' has no default export",
                    "use `import { name } from \"" + source + "\"` or `import * as " + i.defaultName() + " from \""
                            + source + "\"`");
            return;
        }
        for (Decl.ImportName n : i.names()) {
            if (!Natives.exists(module, n.name())) {
                checker.error(n.span(), "Toolbox error: " + n.name() + " not found in " + source,
                        Suggestions.didYouMean(n.name(), Natives.members(module)));
                checker.unavailable.add(n.alias() != null ? n.alias() : n.name());
                continue;
            }
            String local = n.alias() != null ? n.alias() : n.name();
            checker.importedNatives.put(local, new Natives.Native(module, n.name()));
            checker.imports.bind(i, local, n.span(), null);
        }
    }
}
