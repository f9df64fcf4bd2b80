package dev.ngnc.codegen;

import dev.ngnc.types.JvmTypes;
import dev.ngnc.types.RtApi;

/** Internal names and descriptors of the runtime-lib members the emitter calls directly (names from {@link RtApi}). */
final class RtNames {
    private RtNames() {}

    static final String OBJECT = JvmTypes.OBJECT;
    static final String STRING = JvmTypes.STRING;

    static final String UNIT = RtApi.cls("Unit");
    static final String VALUES = RtApi.cls("Values");
    static final String SHAREABLE = RtApi.cls("Shareable");
    static final String DYN = RtApi.cls("Dyn");
    static final String NUM = RtApi.cls("Num");
    static final String U8 = RtApi.cls("U8");
    static final String ARRAY = RtApi.cls("NgnArray");
    static final String TUPLE = RtApi.cls("NgnTuple");
    static final String OBJ = RtApi.cls("NgnObject");
    static final String ENUM = RtApi.cls("NgnEnum");
    static final String RANGE = RtApi.cls("NgnRange");
    static final String SET = RtApi.cls("NgnSet");
    static final String MAP = RtApi.cls("NgnMap");
    static final String FN = RtApi.cls("NgnFn");
    static final String MODEL = RtApi.cls("NgnModel");
    static final String ERROR = RtApi.cls("NgnError");
    static final String STR = RtApi.cls("Str");
    static final String RTMAIN = RtApi.cls("Rt");
    static final String REGEX = RtApi.cls("NgnRegex");
    static final String FMT = RtApi.cls("Fmt");
    static final String OUT = RtApi.cls("Out");
    static final String MATHLIB = RtApi.cls("MathLib");
    static final String BYTES = RtApi.cls("NgnBytes");
    static final String CHANNEL = RtApi.cls("NgnChannel");
    static final String MODULE = RtApi.cls("NgnModule");
    static final String TEST_ASSERT = RtApi.cls("TestAssert");

    static final String D_OBJECT = "Ljava/lang/Object;";
    static final String D_STRING = "Ljava/lang/String;";
    static final String D_UNIT = "L" + UNIT + ";";
    static final String D_ENUM = "L" + ENUM + ";";

    /** Object → Object. */
    static final String OO = "(Ljava/lang/Object;)Ljava/lang/Object;";
    /** (Object, Object) → Object. */
    static final String OOO = "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;";
    /** (Object, Object) → boolean. */
    static final String OOZ = "(Ljava/lang/Object;Ljava/lang/Object;)Z";
}
