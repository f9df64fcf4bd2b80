package dev.ngnc.check;

import dev.ngnc.ast.Param;
import dev.ngnc.tast.ArgumentDefaults;
import dev.ngnc.tast.TExpr;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import java.util.List;

/**
 * The defaults of a top-level function or method, typed on first use in the declaring module's top-level scope
 * (its globals and functions, whatever the caller has in scope) and reported against the declaring file.
 */
final class DeclaredDefaults implements ArgumentDefaults {
    private final Checker declaring;
    private final List<Param> params;
    private final List<Type> types;
    private final TExpr[] typed;

    /** @param types the declared parameter types (optional ones as {@code Maybe<T>}), receiver excluded */
    DeclaredDefaults(Checker declaring, List<Param> params, List<Type> types) {
        this.declaring = declaring;
        this.params = params;
        this.types = types;
        this.typed = new TExpr[params.size()];
    }

    @Override public int declared() { return params.size(); }

    @Override public boolean optional(int i) { return params.get(i).optional(); }

    @Override public boolean owned(int i) { return params.get(i).owned(); }

    @Override public boolean hasDefault(int i) { return params.get(i).defaultValue() != null; }

    @Override
    public TExpr value(int i) {
        if (typed[i] == null) {
            Param p = params.get(i);
            Type target = p.optional() ? Types.presentPayload(types.get(i)) : types.get(i);
            typed[i] = new BodyChecker(declaring).topLevelDefault(p.defaultValue(), target);
        }
        return typed[i];
    }

    /** Types every default now, so one in a function nobody calls is still checked (and reported once). */
    void checkAll() {
        for (int i = 0; i < params.size(); i++) if (hasDefault(i)) value(i);
    }
}
