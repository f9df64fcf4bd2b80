package dev.ngnc.fmt;

import dev.ngnc.ast.Program;
import dev.ngnc.source.Span;

import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Compares two syntax trees with every {@link Span} ignored, generically over the AST records' components:
 * {@link #difference} names the first place where they differ, or returns null when they are equal.
 */
final class AstEquality {
    private AstEquality() {}

    static String difference(Program a, Program b) {
        return diff(a.items(), b.items(), "items");
    }

    private static String diff(Object a, Object b, String path) {
        if (a == null || b == null) return a == b ? null : path + ": " + a + " vs " + b;
        if (a instanceof Span && b instanceof Span) return null;
        if (a.getClass() != b.getClass()) {
            return path + ": " + a.getClass().getSimpleName() + " vs " + b.getClass().getSimpleName();
        }
        if (a instanceof List<?> la) {
            List<?> lb = (List<?>) b;
            if (la.size() != lb.size()) return path + ": " + la.size() + " vs " + lb.size() + " elements";
            for (int i = 0; i < la.size(); i++) {
                String d = diff(la.get(i), lb.get(i), path + "[" + i + "]");
                if (d != null) return d;
            }
            return null;
        }
        if (a instanceof Record) {
            for (RecordComponent rc : a.getClass().getRecordComponents()) {
                if (rc.getType() == Span.class) continue;
                try {
                    String d = diff(rc.getAccessor().invoke(a), rc.getAccessor().invoke(b),
                            path + "." + a.getClass().getSimpleName() + "." + rc.getName());
                    if (d != null) return d;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return null;
        }
        return a.equals(b) ? null : path + ": " + a + " vs " + b;
    }
}
