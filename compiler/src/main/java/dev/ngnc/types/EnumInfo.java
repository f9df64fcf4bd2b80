package dev.ngnc.types;

import java.util.List;

/** A declared enum (or the built-in Maybe / Result): variants in declaration order. */
public final class EnumInfo {
    public final String name;
    public final List<String> typeParams;
    public final List<VariantInfo> variants;

    public EnumInfo(String name, List<String> typeParams, List<VariantInfo> variants) {
        this.name = name;
        this.typeParams = typeParams;
        this.variants = variants;
    }

    /** By name; the index is rebuilt when variants were added (enums of 100k generated variants stay linear). */
    public VariantInfo variant(String variantName) {
        if (indexedCount != variants.size()) {
            java.util.Map<String, VariantInfo> m = new java.util.HashMap<>();
            for (VariantInfo v : variants) m.putIfAbsent(v.name(), v);
            byName = m;
            indexedCount = variants.size();
        }
        return byName.get(variantName);
    }

    private java.util.Map<String, VariantInfo> byName = java.util.Map.of();
    private int indexedCount;

    /** {@code payload} is null for a unit variant; may mention the enum's type params. */
    public record VariantInfo(String name, Type payload) {}

    public static final EnumInfo MAYBE = new EnumInfo("Maybe", List.of("T"),
            List.of(new VariantInfo("Value", new Type.Param("T")), new VariantInfo("Null", null)));
    public static final EnumInfo RESULT = new EnumInfo("Result", List.of("T", "E"),
            List.of(new VariantInfo("Ok", new Type.Param("T")), new VariantInfo("Error", new Type.Param("E"))));

    @Override public String toString() { return name; }
}
