package dev.ngnc.codegen;

import org.junit.jupiter.api.Test;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Things the ngn docs promise that the reference lacks, which ngnc provides (docs/decisions.md). */
class DocumentedExtrasTest {

    @Test
    void stringToBytesIsItsUtf8Bytes() throws Exception {
        assertEquals("6\n68c3a96c6c6f\nhéllo\ntrue\n", compileAndRun("""
                import { hexEncode } from "tbx::encoding"
                fn main() {
                  const data = "héllo".toBytes()
                  print(data.length())
                  print(hexEncode(data))
                  print(data.toStringStrict())
                  print(data == bytes("héllo"))
                }
                """).out());
    }
}
