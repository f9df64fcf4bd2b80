package dev.ngnc.check;

import dev.ngnc.ast.Decl;
import dev.ngnc.source.Span;
import dev.ngnc.types.EnumInfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names one file imports and whether anything consulted them (docs/warnings.md, unused imports). Every lookup
 * that can reach an imported name marks it by its local name (functions, natives, namespaces, types through
 * {@link TypeResolver}, model literals, roles, globals of a default import); a bare enum variant marks its enum
 * by identity, since {@code Active} names no import. Marks only grow across re-checks: a use in any pass counts.
 */
final class ImportUses {
    /** One imported local name, where it is written, and the enum it brings in (its variants are uses too). */
    record Bound(String local, Span span, EnumInfo enumInfo) {}

    /** An unused import to report: the whole line when nothing on it is used, else the one name. */
    record Unused(Span span, String message, String hint) {}

    /** Import lines in source order (identity: two identical lines are still two lines) → what each binds. */
    private final Map<Decl.Import, List<Bound>> lines = new IdentityHashMap<>();
    private final List<Decl.Import> order = new ArrayList<>();
    /** Local names some lookup consulted (shared with TypeResolver). */
    final Set<String> names = new HashSet<>();
    private final Set<EnumInfo> enums = Collections.newSetFromMap(new IdentityHashMap<>());

    void use(String name) { names.add(name); }

    void use(EnumInfo info) { if (info != null) enums.add(info); }

    /**
     * Every type name written in {@code t}. For a file's own type aliases, which are resolved only where they are
     * used: {@code type Dist = Meters} uses the import of Meters even while Dist itself is unused.
     */
    void useTypeNames(dev.ngnc.ast.TypeExpr t) {
        switch (t) {
            case dev.ngnc.ast.TypeExpr.Named n -> {
                names.add(n.name());
                n.args().forEach(this::useTypeNames);
            }
            case dev.ngnc.ast.TypeExpr.Fn f -> f.args().forEach(this::useTypeNames);
            case dev.ngnc.ast.TypeExpr.Tuple tu -> tu.elements().forEach(this::useTypeNames);
            case dev.ngnc.ast.TypeExpr.Union u -> u.members().forEach(this::useTypeNames);
            case dev.ngnc.ast.TypeExpr.Optional o -> useTypeNames(o.inner());
            case dev.ngnc.ast.TypeExpr.Count c -> { }
        }
    }

    void bind(Decl.Import line, String local, Span span, EnumInfo enumInfo) {
        List<Bound> bound = lines.get(line);
        if (bound == null) {
            bound = new ArrayList<>();
            lines.put(line, bound);
            order.add(line);
        }
        bound.add(new Bound(local, span, enumInfo));
    }

    private boolean used(Bound b) {
        return names.contains(b.local()) || b.enumInfo() != null && enums.contains(b.enumInfo());
    }

    List<Unused> unused() {
        List<Unused> out = new ArrayList<>();
        for (Decl.Import line : order) {
            List<Bound> bound = lines.get(line);
            List<Bound> unused = bound.stream().filter(b -> !used(b)).toList();
            if (unused.isEmpty()) continue;
            if (unused.size() == bound.size()) {
                List<String> shown = unused.stream().map(b -> "'" + b.local() + "'").toList();
                out.add(new Unused(line.span(), (shown.size() == 1 ? "unused import " : "unused imports ")
                        + String.join(", ", shown), "nothing it imports from \"" + line.source()
                        + "\" is used: remove this import"));
                continue;
            }
            for (Bound b : unused) {
                out.add(new Unused(b.span(), "unused import '" + b.local() + "'",
                        "remove it from the import list"));
            }
        }
        return out;
    }
}
