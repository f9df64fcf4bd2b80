package dev.ngnc.rt;

import dev.ngnc.rt.value.NgnArray;
import dev.ngnc.rt.value.NgnFn;
import dev.ngnc.rt.value.NgnModel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Helpers shared by the tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A model {@code Point { x: i64, tags: array<string> }} written as the code generator would. */
    public static final class Point extends NgnModel {
        private static final String[] NAMES = {"x", "tags"};
        public long x;
        public NgnArray tags;

        public Point(long x, NgnArray tags) {
            this.x = x;
            this.tags = tags;
        }

        @Override
        public String modelName() {
            return "Point";
        }

        @Override
        public String[] fieldNames() {
            return NAMES;
        }

        @Override
        public Object fieldValue(int i) {
            return switch (i) {
                case 0 -> x;
                case 1 -> tags;
                default -> throw new IndexOutOfBoundsException(i);
            };
        }
    }

    /** A one-parameter closure. */
    public static NgnFn fn1(Function<Object, Object> body) {
        return new NgnFn() {
            @Override
            public int arity() {
                return 1;
            }

            @Override
            public Object call1(Object a) {
                return body.apply(a);
            }
        };
    }

    /** Captures what {@link Out} prints while {@code body} runs. */
    public static String captureOut(Runnable body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Out.redirect(bytes);
        try {
            body.run();
        } finally {
            Out.flush();
            Out.redirect(new java.io.FileOutputStream(java.io.FileDescriptor.out));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    public static NgnArray longs(long... xs) {
        Object[] out = new Object[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = xs[i];
        }
        return NgnArray.of(out);
    }
}
