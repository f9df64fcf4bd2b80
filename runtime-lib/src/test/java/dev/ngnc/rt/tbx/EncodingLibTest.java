package dev.ngnc.rt.tbx;

import dev.ngnc.rt.value.NgnBytes;
import dev.ngnc.rt.base.NgnError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncodingLibTest {
    private static NgnBytes bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return NgnBytes.wrap(b);
    }

    // ---- conformance corpus: toolbox/encoding_hex_base64

    @Test
    void hexAndBase64EncodeAndDecodeText() {
        NgnBytes data = NgnBytes.of("hello");
        assertEquals("68656c6c6f", EncodingLib.hexEncode(data));
        assertEquals("hello", EncodingLib.hexDecode("68656c6c6f").toStringStrict());
        assertEquals("aGVsbG8=", EncodingLib.base64Encode(data));
        assertEquals("hello", EncodingLib.base64Decode("aGVsbG8=").toStringStrict());
        assertEquals("", EncodingLib.base64Encode(NgnBytes.empty()));
        assertEquals("000fff", EncodingLib.hexEncode(bytes(0, 15, 255)));
        assertEquals("YWI/", EncodingLib.base64Encode(NgnBytes.of("ab?")));
    }

    // ---- details

    @Test
    void hexDecodeTakesEitherCase() {
        assertEquals(bytes(0xab, 0xcd, 0xef), EncodingLib.hexDecode("ABcdEf"));
        assertEquals(NgnBytes.empty(), EncodingLib.hexDecode(""));
        assertEquals("", EncodingLib.hexEncode(NgnBytes.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "zz", "0x00", " 00", "00 ", "é0"})
    void invalidHexIsARuntimeError(String s) {
        NgnError e = assertThrows(NgnError.class, () -> EncodingLib.hexDecode(s));
        assertEquals("Runtime Error: Type error: hexDecode() invalid hex string", e.ngnMessage());
    }

    @Test
    void base64UsesTheStandardAlphabetWithPadding() {
        assertEquals("+/8=", EncodingLib.base64Encode(bytes(0xfb, 0xff)));
        assertEquals(bytes(0xfb, 0xff), EncodingLib.base64Decode("+/8="));
        assertEquals("YQ==", EncodingLib.base64Encode(NgnBytes.of("a")));
        assertEquals(NgnBytes.empty(), EncodingLib.base64Decode(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"YQ", "YWI", "-_8=", "YW I=", "YWI=\n", "Y===", "YR==", "YWJ=", "aGVsbG8=aGVsbG8=", "!!!!"})
    void nonCanonicalOrInvalidBase64IsARuntimeError(String s) {
        NgnError e = assertThrows(NgnError.class, () -> EncodingLib.base64Decode(s));
        assertEquals("Runtime Error: Type error: base64Decode() invalid base64 string", e.ngnMessage());
    }

    @Test
    void allByteValuesRoundTrip() {
        int[] all = new int[256];
        for (int i = 0; i < 256; i++) {
            all[i] = i;
        }
        NgnBytes b = bytes(all);
        assertEquals(b, EncodingLib.hexDecode(EncodingLib.hexEncode(b)));
        assertEquals(b, EncodingLib.base64Decode(EncodingLib.base64Encode(b)));
    }
}
