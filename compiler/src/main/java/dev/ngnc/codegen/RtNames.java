package dev.ngnc.codegen;

import dev.ngnc.types.JvmTypes;

/** Internal names and descriptors of the runtime-lib members the emitter calls directly. */
final class RtNames {
    private RtNames() {}

    static final String RT = JvmTypes.RT;
    static final String OBJECT = JvmTypes.OBJECT;
    static final String STRING = JvmTypes.STRING;

    static final String UNIT = RT + "Unit";
    static final String VALUES = RT + "Values";
    static final String SHAREABLE = RT + "Shareable";
    static final String DYN = RT + "Dyn";
    static final String NUM = RT + "Num";
    static final String U8 = RT + "U8";
    static final String ARRAY = RT + "NgnArray";
    static final String TUPLE = RT + "NgnTuple";
    static final String OBJ = RT + "NgnObject";
    static final String ENUM = RT + "NgnEnum";
    static final String RANGE = RT + "NgnRange";
    static final String SET = RT + "NgnSet";
    static final String FN = RT + "NgnFn";
    static final String MODEL = RT + "NgnModel";
    static final String ERROR = RT + "NgnError";
    static final String STR = RT + "Str";
    static final String RTMAIN = RT + "Rt";
    static final String REGEX = RT + "NgnRegex";

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
