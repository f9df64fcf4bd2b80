package dev.ngnc.rt.llm;

/** Byte sizes of ggml tensor types (ggml.c's type traits: elements per block, bytes per block). */
final class TensorTypes {
    private TensorTypes() {}

    // index = ggml_type; {block size, type size}; {0, 0} = removed or unknown in the bundled llama.cpp
    private static final int[][] SIZES = {
        {1, 4}, {1, 2}, {32, 18}, {32, 20}, {0, 0}, {0, 0}, {32, 22}, {32, 24}, {32, 34}, {32, 36}, // 0-9
        {256, 84}, {256, 110}, {256, 144}, {256, 176}, {256, 210}, {256, 292},                       // 10-15 K-quants
        {256, 66}, {256, 74}, {256, 98}, {256, 50}, {32, 18}, {256, 110}, {256, 82}, {256, 136},     // 16-23 IQ
        {1, 1}, {1, 2}, {1, 4}, {1, 8}, {1, 8}, {256, 56}, {1, 2},                                   // 24-30
        {0, 0}, {0, 0}, {0, 0}, {256, 54}, {256, 66},                                                // 31-35
    };

    /** Bytes of {@code elements} values of {@code type}; -1 for a type this engine does not know. */
    static long bytes(int type, long elements) {
        if (type < 0 || type >= SIZES.length || SIZES[type][0] == 0) return -1;
        long blocks = (elements + SIZES[type][0] - 1) / SIZES[type][0];
        if (blocks > Long.MAX_VALUE / SIZES[type][1]) return Long.MAX_VALUE;
        return blocks * SIZES[type][1];
    }
}
