package dev.ngnc.rt.tbx;

import dev.ngnc.rt.value.NgnBytes;
import dev.ngnc.rt.base.NgnError;

import java.util.Base64;
import java.util.HexFormat;

/**
 * {@code tbx::encoding} (spec 11.6): hex and base64 (standard alphabet, padded, strict) between
 * {@code bytes} and strings. Invalid input ⇒ RT
 * {@code Type error: hexDecode() invalid hex string} / {@code … base64Decode() invalid base64 string}.
 */
public final class EncodingLib {
    private static final HexFormat HEX = HexFormat.of();

    private EncodingLib() {
    }

    /** ngn {@code hexEncode(b)}: two lowercase hex digits per byte. */
    public static String hexEncode(NgnBytes b) {
        return HEX.formatHex(b.toByteArray());
    }

    /** ngn {@code hexDecode(s)}: hex digits of either case, an even number of them. */
    public static NgnBytes hexDecode(String s) {
        try {
            return NgnBytes.wrap(HEX.parseHex(s));
        } catch (IllegalArgumentException e) {
            throw NgnError.runtime("Type error: hexDecode() invalid hex string");
        }
    }

    /** ngn {@code base64Encode(b)}: standard alphabet with {@code =} padding. */
    public static String base64Encode(NgnBytes b) {
        return Base64.getEncoder().encodeToString(b.toByteArray());
    }

    /**
     * ngn {@code base64Decode(s)}: only canonical standard base64 — padded to a multiple of 4,
     * no whitespace, unused trailing bits zero (Rust's base64 STANDARD engine).
     */
    public static NgnBytes base64Decode(String s) {
        byte[] data;
        try {
            data = Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw invalidBase64();
        }
        // Java's decoder also takes unpadded input and ignores non-zero trailing bits:
        // only the canonical encoding of the result is accepted.
        if (!Base64.getEncoder().encodeToString(data).equals(s)) {
            throw invalidBase64();
        }
        return NgnBytes.wrap(data);
    }

    private static NgnError invalidBase64() {
        return NgnError.runtime("Type error: base64Decode() invalid base64 string");
    }
}
