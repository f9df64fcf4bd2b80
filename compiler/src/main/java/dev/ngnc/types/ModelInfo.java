package dev.ngnc.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A declared model: its fields in declaration order, type parameters and the JVM class generated for it. */
public final class ModelInfo {
    public final String name;
    public final List<String> typeParams;
    /** Declaration order matters: printing and construction follow it. */
    public final List<FieldInfo> fields = new ArrayList<>();
    public final Map<String, MethodInfo> methods = new LinkedHashMap<>();
    public final List<RoleInfo> roles = new ArrayList<>();
    /** JVM internal name of the generated class. */
    public final String internalName;

    public ModelInfo(String name, List<String> typeParams, String internalName) {
        this.name = name;
        this.typeParams = typeParams;
        this.internalName = internalName;
    }

    public FieldInfo field(String fieldName) {
        for (FieldInfo f : fields) if (f.name().equals(fieldName)) return f;
        return null;
    }

    public int fieldIndex(String fieldName) {
        for (int i = 0; i < fields.size(); i++) if (fields.get(i).name().equals(fieldName)) return i;
        return -1;
    }

    /**
     * A model field. {@code type} is the declared type (in terms of the model's type params);
     * optional fields read as {@code Maybe<type>} and are stored as such.
     */
    public record FieldInfo(String name, Type type, boolean optional, dev.ngnc.ast.Expr defaultValue) {}

    @Override public String toString() { return name; }
}
