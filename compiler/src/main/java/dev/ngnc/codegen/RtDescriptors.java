package dev.ngnc.codegen;

import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.List;

/** Parses runtime-lib method descriptors into {@link Rep}s. */
final class RtDescriptors {
    private RtDescriptors() {}

    static List<Rep> params(String methodDescriptor) {
        List<Rep> out = new ArrayList<>();
        for (Type t : Type.getArgumentTypes(methodDescriptor)) out.add(Rep.fromDescriptor(t.getDescriptor()));
        return out;
    }

    static Rep result(String methodDescriptor) {
        return Rep.fromDescriptor(Type.getReturnType(methodDescriptor).getDescriptor());
    }
}
