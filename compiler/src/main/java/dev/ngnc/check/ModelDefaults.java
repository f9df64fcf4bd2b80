package dev.ngnc.check;

import dev.ngnc.tast.TExpr;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.Types;

import java.util.HashMap;
import java.util.Map;

/**
 * A model's field defaults ({@code x?: i64 = N}) as typed trees, checked once in the declaring module's top-level
 * scope, so {@code P {}} means the same in every function and every importing module. A field whose type mentions
 * the model's type parameters is typed where the literal fixes them (see {@link Models}).
 */
final class ModelDefaults {
    private final Checker declaring;
    private final Map<String, TExpr> typed = new HashMap<>();

    ModelDefaults(Checker declaring) {
        this.declaring = declaring;
    }

    static boolean ownedByModel(ModelInfo.FieldInfo f) {
        return f.defaultValue() != null && !Types.mentionsParam(f.type());
    }

    TExpr value(ModelInfo.FieldInfo f) {
        TExpr d = typed.get(f.name());
        if (d == null) {
            d = new BodyChecker(declaring).topLevelDefault(f.defaultValue(), f.type());
            typed.put(f.name(), d);
        }
        return d;
    }

    void checkAll(ModelInfo info) {
        for (ModelInfo.FieldInfo f : info.fields) if (ownedByModel(f)) value(f);
    }
}
