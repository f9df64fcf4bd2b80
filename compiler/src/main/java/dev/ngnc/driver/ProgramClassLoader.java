package dev.ngnc.driver;

import java.util.HashMap;
import java.util.Map;

/**
 * Defines the classes of an in-memory compiled program ({@code ngnc run}, {@code ngnc test}: one loader per program). Its parent is the loader
 * that has runtime-lib (and the compiler), so generated code links against the same runtime classes a
 * compiled jar bundles. Parent-first: program classes never shadow runtime classes.
 */
public final class ProgramClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    /** Binary name (e.g. {@code ngn.main.Main}) → class bytes. */
    private final Map<String, byte[]> classes = new HashMap<>();

    /** @param byInternalName generated classes keyed by JVM internal name ({@code ngn/main/Main}) */
    public ProgramClassLoader(Map<String, byte[]> byInternalName, ClassLoader parent) {
        super("ngn-program", parent);
        byInternalName.forEach((k, v) -> classes.put(k.replace('/', '.'), v));
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.get(name);
        if (b == null) throw new ClassNotFoundException(name);
        return defineClass(name, b, 0, b.length);
    }
}
