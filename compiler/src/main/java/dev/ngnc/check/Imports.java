package dev.ngnc.check;

import dev.ngnc.ast.Decl;

/** Resolves import declarations. Toolbox modules ({@code tbx::…}) map to natives; file modules come later. */
final class Imports {
    private final Checker checker;

    Imports(Checker checker) { this.checker = checker; }

    void declare(Decl.Import i) {
        String source = i.source();
        if (!source.startsWith("tbx::")) {
            checker.error(i.span(), "Error: importing other files is not supported by this version of ngnc yet");
            return;
        }
        String module = source.substring("tbx::".length());
        if (!module.equals("math") && !module.equals("test")) {
            checker.error(i.span(), "Error: toolbox module '" + source + "' is not supported by this version of ngnc yet");
            return;
        }
        if (i.namespace() != null) {
            checker.namespaces.put(i.namespace(), module);
            return;
        }
        if (i.defaultName() != null) {
            checker.error(i.span(), "Import Error: Module '" + source + "' has no default export",
                    "use `import { name } from \"" + source + "\"` or `import * as " + i.defaultName() + " from \""
                            + source + "\"`");
            return;
        }
        for (Decl.ImportName n : i.names()) {
            if (!Natives.exists(module, n.name())) {
                checker.error(n.span(), "Toolbox error: " + n.name() + " not found in " + source);
                continue;
            }
            String local = n.alias() != null ? n.alias() : n.name();
            checker.importedNatives.put(local, new Natives.Native(module, n.name()));
        }
    }
}
