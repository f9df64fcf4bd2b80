package dev.ngnc.lexer;

/**
 * Which code points may start or continue an identifier. Beyond Unicode letters, ngn accepts a
 * fixed set of emoji blocks so that names like {@code 🚀} or {@code ❤️} are identifiers.
 */
public final class IdentifierChars {
    private IdentifierChars() {}

    public static boolean isStart(int cp) {
        // '_' is deliberately excluded: "_x" lexes as the wildcard '_' followed by 'x'.
        return Character.isAlphabetic(cp) || isEmoji(cp);
    }

    public static boolean isContinue(int cp) {
        return Character.isAlphabetic(cp) || isNumeric(cp) || cp == '_' || isEmoji(cp) || isEmojiJoiner(cp);
    }

    /** Unicode "numeric" in the broad sense (decimal digits, letter numbers, other numbers). */
    private static boolean isNumeric(int cp) {
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** Does the name start with an emoji ({@code 🏠})? Such names may name models, like uppercase ones. */
    public static boolean startsWithEmoji(String name) {
        return !name.isEmpty() && isEmoji(name.codePointAt(0));
    }

    static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1F02F)
                || (cp >= 0x1F0A0 && cp <= 0x1F0FF)
                || (cp >= 0x1F1E6 && cp <= 0x1F1FF)
                || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F680 && cp <= 0x1FAFF)
                || (cp >= 0x2300 && cp <= 0x23FF)
                || (cp >= 0x2600 && cp <= 0x27BF)
                || (cp >= 0x2B00 && cp <= 0x2BFF);
    }

    /** Variation selectors, zero-width joiner and the keycap mark glue multi-code-point emoji together. */
    private static boolean isEmojiJoiner(int cp) {
        return cp == 0xFE0F || cp == 0xFE0E || cp == 0x200D || cp == 0x20E3;
    }
}
