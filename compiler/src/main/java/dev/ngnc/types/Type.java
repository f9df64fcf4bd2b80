package dev.ngnc.types;

import java.util.List;

/**
 * Checked ngn types. Numeric types, bool, string, void and bytes are {@link Prim}; everything else is a record.
 * The JVM representation of each type is decided in one place: {@link JvmTypes}.
 */
public sealed interface Type permits Prim, Type.Array, Type.Tuple, Type.MapT, Type.SetT, Type.Channel,
        Type.State, Type.Fn, Type.Model, Type.Enum, Type.Object, Type.Range, Type.Regex, Type.Any,
        Type.Union, Type.Param, Type.Role, Type.Error {

    record Array(Type element) implements Type {}
    record Tuple(List<Type> elements) implements Type {}
    record MapT(Type key, Type value) implements Type {}
    record SetT(Type element) implements Type {}
    record Channel(Type element) implements Type {}
    record State(Type value) implements Type {}
    /** A function or closure value: {@code fn<A, B, R>}. */
    record Fn(List<Type> params, Type result) implements Type {}
    /** An instance of a user model; {@code args} instantiate its type parameters. */
    record Model(ModelInfo info, List<Type> args) implements Type {}
    /** A value of an enum, including the built-in {@code Maybe<T>} and {@code Result<T, E>}. */
    record Enum(EnumInfo info, List<Type> args) implements Type {}
    /**
     * An anonymous object. Field types are what the literal had; fields not listed are read
     * dynamically (and fail at run time when absent), as in the reference.
     */
    record Object(java.util.Map<String, Type> fields) implements Type {}
    record Range() implements Type {}
    record Regex() implements Type {}
    /** A dynamically typed value (untyped parameters, json values, object fields). */
    record Any() implements Type {}
    record Union(List<Type> members) implements Type {}
    /** A type parameter of a generic model or enum, e.g. the {@code T} of {@code Box<T>}. */
    record Param(String name) implements Type {}
    /** A role used as a parameter type: accepts every model extended with it. */
    record Role(RoleInfo info) implements Type {}
    /** The type of an expression that already failed to check; compatible with everything, so errors do not cascade. */
    record Error() implements Type {}

    Any ANY = new Any();
    Error ERROR = new Error();
    Range RANGE = new Range();
    Regex REGEX = new Regex();
}
