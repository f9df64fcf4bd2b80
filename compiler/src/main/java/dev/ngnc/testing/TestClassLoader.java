package dev.ngnc.testing;

import java.util.HashMap;
import java.util.Map;

/** Defines one test program's classes; parent-first, so they link against the runtime classes of this JVM. */
final class TestClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes = new HashMap<>();

    TestClassLoader(Map<String, byte[]> byInternalName, ClassLoader parent) {
        super("ngn-test", parent);
        byInternalName.forEach((k, v) -> classes.put(k.replace('/', '.'), v));
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.get(name);
        if (b == null) throw new ClassNotFoundException(name);
        return defineClass(name, b, 0, b.length);
    }
}
