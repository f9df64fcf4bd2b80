package dev.ngnc.check;

import dev.ngnc.ast.Expr;
import dev.ngnc.ast.ObjectField;
import dev.ngnc.tast.TExpr;
import dev.ngnc.types.EnumInfo;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.Type;
import dev.ngnc.types.Types;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Model instances {@code Name { field: value }}: field checks, defaults, generic inference. */
final class Models {
    private final ExprChecker exprs;

    Models(ExprChecker exprs) { this.exprs = exprs; }

    /** The type a field reads as on an instance of {@code m}: type params substituted, Maybe for optional fields. */
    static Type fieldType(Type.Model m, ModelInfo.FieldInfo f) {
        Map<String, Type> bindings = new HashMap<>();
        for (int i = 0; i < m.info().typeParams.size() && i < m.args().size(); i++) {
            bindings.put(m.info().typeParams.get(i), m.args().get(i));
        }
        Type t = Types.substitute(f.type(), bindings);
        if (t instanceof Type.Param) t = Type.ANY;
        return f.optional() ? Types.maybe(t) : t;
    }

    TExpr literal(Expr.ModelLit lit, Type expected) {
        ModelInfo info = exprs.checker.types.models.get(lit.model());
        exprs.checker.imports.use(lit.model());
        if (info == null) {
            exprs.error(lit.span(), "Type Error: Unknown model '" + lit.model() + "'",
                    Suggestions.didYouMean(lit.model(), exprs.checker.types.models.keySet()));
            for (ObjectField f : lit.fields()) exprs.check(f.value());
            return new TExpr.Invalid(lit.span());
        }
        Map<String, Type> bindings = new HashMap<>();
        if (expected instanceof Type.Model em && em.info() == info) {
            for (int i = 0; i < info.typeParams.size() && i < em.args().size(); i++) {
                if (!(em.args().get(i) instanceof Type.Any)) bindings.put(info.typeParams.get(i), em.args().get(i));
            }
        }
        Map<String, TExpr> given = new HashMap<>();
        java.util.Set<String> misspelled = new java.util.HashSet<>(); // fields an unknown one was probably meant as
        for (ObjectField f : lit.fields()) {
            ModelInfo.FieldInfo fi = info.field(f.key());
            if (fi == null) {
                List<String> names = info.fields.stream().map(ModelInfo.FieldInfo::name).toList();
                String meant = Suggestions.closest(f.key(), names);
                if (meant != null) misspelled.add(meant);
                exprs.error(f.span(), "Type Error: Unknown field '" + f.key() + "' in instantiation of model '"
                        + info.name + "'", meant == null ? null : "did you mean '" + meant + "'?");
                exprs.check(f.value());
                continue;
            }
            if (given.containsKey(fi.name())) {
                exprs.error(f.span(), "Type Error: Field '" + f.key() + "' is given twice in instantiation of model '"
                        + info.name + "'");
                exprs.check(f.value());
                continue;
            }
            Type declared = Types.substitute(fi.type(), bindings);
            TExpr v = exprs.checkExpecting(f.value(), declared instanceof Type.Param ? null : declared);
            if (fi.type() instanceof Type.Param p && !bindings.containsKey(p.name())) {
                bindings.put(p.name(), v.type());
            } else if (!Types.assignable(declared, v.type())) {
                exprs.error(f.value().span(), "Type Error: Cannot assign " + Types.display(v.type()) + " to field '"
                        + fi.name() + "' of type " + Types.display(declared), ExprChecker.integerDivisionHint(declared, v));
            }
            given.put(fi.name(), v);
        }
        List<TExpr> values = new ArrayList<>();
        for (ModelInfo.FieldInfo fi : info.fields) {
            TExpr v = given.get(fi.name());
            Type declared = Types.substitute(fi.type(), bindings);
            if (fi.optional()) {
                Type maybe = Types.maybe(declared instanceof Type.Param ? Type.ANY : declared);
                if (v != null) {
                    values.add(new TExpr.EnumLit(EnumInfo.MAYBE, "Value", v, maybe, v.span()));
                } else if (fi.defaultValue() != null) {
                    TExpr d = fieldDefault(info, fi, declared);
                    values.add(new TExpr.EnumLit(EnumInfo.MAYBE, "Value", d, maybe, d.span()));
                } else {
                    values.add(new TExpr.NullConst(maybe, lit.span()));
                }
            } else if (v != null) {
                values.add(v);
            } else if (fi.defaultValue() != null) {
                values.add(fieldDefault(info, fi, declared));
            } else {
                // one mistake, one error: a misspelled field is not also reported missing
                if (!misspelled.contains(fi.name())) {
                    exprs.error(lit.span(), "Type Error: Missing required field '" + fi.name()
                            + "' in instantiation of model '" + info.name + "'");
                }
                values.add(new TExpr.Invalid(lit.span()));
            }
        }
        List<Type> args = new ArrayList<>();
        for (String p : info.typeParams) args.add(bindings.getOrDefault(p, Type.ANY));
        return new TExpr.ModelLit(info, values, new Type.Model(info, args), lit.span());
    }

    /** The declaring module's typed default; a generic field's default is typed here, where its type is known. */
    private TExpr fieldDefault(ModelInfo info, ModelInfo.FieldInfo fi, Type declared) {
        ModelDefaults owner = exprs.checker.graph.modelDefaults.get(info);
        if (owner != null && ModelDefaults.ownedByModel(fi)) return owner.value(fi);
        return exprs.checkExpecting(fi.defaultValue(), declared);
    }
}
