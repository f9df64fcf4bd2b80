package dev.ngnc.rt.llm;

import dev.ngnc.rt.value.NgnModel;

/**
 * The {@code LlmModel} value of {@code tbx::llm}: a loaded GGUF model. It has no ngn-visible fields; copies
 * made by value semantics share the one {@link Engine}, so a model loaded once (e.g. into a {@code global})
 * is one llama.cpp model for the whole process.
 */
public final class LlmModel extends NgnModel {
    private static final String[] NAMES = {};

    final Engine engine;

    /** {@code LlmModel {}} written in a program: a model that was never loaded (generating from it is an Error). */
    public LlmModel() {
        this(null);
    }

    LlmModel(Engine engine) {
        this.engine = engine;
    }

    @Override
    public String modelName() {
        return "LlmModel";
    }

    @Override
    public String[] fieldNames() {
        return NAMES;
    }

    @Override
    public Object fieldValue(int i) {
        throw new IndexOutOfBoundsException(i);
    }
}
