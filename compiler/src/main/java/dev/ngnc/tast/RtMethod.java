package dev.ngnc.tast;

import dev.ngnc.types.RtApi;

/**
 * A runtime-lib method that implements a built-in operation. The emitter evaluates the operands,
 * converts each to the JVM type of the matching descriptor parameter (receiver first for
 * {@link Invoke#VIRTUAL}), invokes, then converts the descriptor's result to the node's ngn type.
 */
public record RtMethod(Invoke invoke, String owner, String name, String descriptor) {
    public enum Invoke { STATIC, VIRTUAL }

    /** A static method of the runtime entry class {@code rtClass} (a simple name, resolved by {@link RtApi}). */
    public static RtMethod stat(String rtClass, String name, String descriptor) {
        return new RtMethod(Invoke.STATIC, RtApi.cls(rtClass), name, descriptor);
    }

    public static RtMethod virt(String rtClass, String name, String descriptor) {
        return new RtMethod(Invoke.VIRTUAL, RtApi.cls(rtClass), name, descriptor);
    }
}
