package dev.ngnc.driver;

import java.util.Map;

/**
 * The result of compiling an ngn program: generated classes keyed by JVM internal name
 * (e.g. {@code ngn/main/Main}) and the internal name of the class whose
 * {@code public static void main(String[])} starts the program. Runtime-lib classes are not included.
 */
public record CompiledProgram(String mainClass, Map<String, byte[]> classes) {}
