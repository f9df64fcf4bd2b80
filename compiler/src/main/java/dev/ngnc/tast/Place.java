package dev.ngnc.tast;

import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.Type;

/**
 * An assignable location. Writes through a field path are read-modify-write on the root local:
 * every container on the path is made writable (copy-on-write) and stored back.
 */
public sealed interface Place {
    Type type();

    record Local(LocalVar var) implements Place {
        public Type type() { return var.type; }
    }

    /** A field of a model instance (a JVM field of its generated class). */
    record ModelField(Place parent, ModelInfo model, String field, Type type) implements Place {}

    /** A key of an anonymous object ({@code NgnObject}), or a field of a dynamically typed value. */
    record DynField(Place parent, String field, Type type) implements Place {}
}
