package dev.ngnc.driver;

import java.util.Map;

/**
 * The result of compiling an ngn program: generated classes keyed by JVM internal name
 * (e.g. {@code ngn/main/Main}), the internal name of the class whose
 * {@code public static void main(String[])} starts the program, and which optional parts of the runtime the
 * classes refer to ({@link RuntimeUse}: the HTTP server, tbx::llm, the JSON and regex libraries, fibers), which
 * decide what a compiled jar bundles. Runtime classes are not included.
 */
public record CompiledProgram(String mainClass, Map<String, byte[]> classes, RuntimeUse uses) {

    /** A program whose runtime use is read from its classes ({@link RuntimeUse#of}, one pass). */
    public CompiledProgram(String mainClass, Map<String, byte[]> classes) {
        this(mainClass, classes, RuntimeUse.of(classes == null ? java.util.List.of() : classes.values()));
    }

    /**
     * True when some class refers to a class of runtime-http ({@code serve}, an {@code export default} server, or a
     * server model such as {@code Request} or {@code StreamingResponse}): then a compiled jar must bundle it.
     */
    public boolean usesHttpServer() {
        return uses.http();
    }

    /**
     * True when some class refers to runtime-llm ({@code tbx::llm}, package {@code dev/ngnc/rt/llm/}): then a
     * compiled jar bundles it with llama.cpp's natives (~12 MB) and {@code ngnc run} loads it (driver.LlmRuntime).
     */
    public boolean usesLlm() {
        return uses.llm();
    }
}
