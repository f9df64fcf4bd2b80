package dev.ngnc.codegen;

import dev.ngnc.tast.TProgram;

import java.util.Map;

/**
 * The JVM back end: turns a checked program into class files.
 *
 * <p>Generated classes (all carrying {@code SourceFile=<program file name>} and line numbers, so a
 * run-time error's stack trace names {@code main.ngn:LINE}; with debug info, the default, also a
 * LocalVariableTable naming the ngn locals for debuggers):
 * <ul>
 *   <li>the program class {@code program.mainClass()}: one {@code public static} method per function
 *   (descriptor {@link dev.ngnc.tast.FnSymbol#descriptor()}), one {@code public static} field per
 *   global, {@code public static void $toplevel()} (top-level statements in order),
 *   {@code public static void $run()} (top level, then the ngn {@code main}) and
 *   {@code public static void main(String[])} which calls {@code Rt.runMain(<$run>)};</li>
 *   <li>one class per model ({@code ModelInfo.internalName}, extends {@code NgnModel}), an interface
 *   per role a model implements, one class per closure (extends {@code NgnFn}) and one adapter class
 *   per top-level function used as a value.</li>
 * </ul>
 */
public final class Emitter {
    private Emitter() {}

    /** Internal class name → class file bytes for every class generated for {@code program}, with debug info. */
    public static Map<String, byte[]> emit(TProgram program) {
        return emit(program, true);
    }

    /**
     * As {@link #emit(TProgram)}; {@code debugInfo} false leaves out the LocalVariableTables (line
     * numbers and the source file name stay: run-time errors need them).
     */
    public static Map<String, byte[]> emit(TProgram program, boolean debugInfo) {
        return new ProgramEmitter(program, debugInfo).emit();
    }

    /** Name of the generated static method that runs the whole program on the calling thread. */
    public static final String RUN_METHOD = ProgramEmitter.RUN;
}
