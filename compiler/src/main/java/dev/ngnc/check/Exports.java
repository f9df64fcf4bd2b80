package dev.ngnc.check;

import dev.ngnc.ast.Decl;
import dev.ngnc.ast.Expr;
import dev.ngnc.ast.Program;
import dev.ngnc.tast.TStmt;

import java.util.List;

/** Collects what a checked module exports ({@code export fn|model|enum|role|type}, {@code export default}). */
final class Exports {
    private final Checker checker;

    Exports(Checker checker) { this.checker = checker; }

    void collect(Program program, List<TStmt> topLevel) {
        ModuleExports out = checker.exports;
        for (Decl d : program.items()) {
            switch (d) {
                case Decl.Fn f when f.exported() -> {
                    var sym = checker.functions.get(f.name());
                    if (sym != null && out.functions.put(f.name(), sym) == null) out.valueOrder.add(f.name());
                }
                case Decl.Model m when m.exported() -> {
                    var info = checker.types.models.get(m.name());
                    if (info != null) out.models.put(m.name(), info);
                }
                case Decl.Enum e when e.exported() -> {
                    var info = checker.types.enums.get(e.name());
                    if (info != null) out.enums.put(e.name(), info);
                }
                case Decl.Role r when r.exported() -> {
                    var info = checker.types.roles.get(r.name());
                    if (info != null) out.roles.put(r.name(), info);
                }
                case Decl.TypeAlias a when a.exported() -> out.aliases.put(a.name(), checker.types.resolve(a.type()));
                case Decl.ExportDefault ed -> {
                    if (!out.valueOrder.contains("default")) out.valueOrder.add("default");
                    if (ed.value() instanceof Expr.Name n && checker.function(n.name()) != null) {
                        out.defaultFunction = checker.function(n.name());
                    } else {
                        out.defaultValue = checker.globals.get("$default");
                    }
                }
                default -> { }
            }
        }
    }
}
