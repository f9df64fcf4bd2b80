package dev.ngnc.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OutTest {
    @Test
    void printlnAndPrintWriteUtf8() {
        String out = Fixtures.captureOut(() -> {
            Out.println("héllo");
            Out.print("a");
            Out.print("b");
            Out.println();
            Out.println("😀 end");
        });
        assertEquals("héllo\nab\n😀 end\n", out);
    }

    @Test
    void manyLinesAreBufferedAndComplete() {
        String out = Fixtures.captureOut(() -> {
            for (int i = 0; i < 200_000; i++) {
                Out.println(Long.toString(i));
            }
        });
        assertEquals(200_000, out.lines().count());
        assertEquals("199999", out.lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void longNonAsciiTextLargerThanTheBufferIsWritten() {
        String big = "é".repeat(100_000);
        assertEquals(big + "\n", Fixtures.captureOut(() -> Out.println(big)));
    }
}
