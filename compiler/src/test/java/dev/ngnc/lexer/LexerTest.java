package dev.ngnc.lexer;

import dev.ngnc.diag.Diagnostic;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.diag.Severity;
import dev.ngnc.source.SourceFile;
import dev.ngnc.source.Span;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static dev.ngnc.lexer.TokenKind.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LexerTest {

    private static List<Token> lex(String text, Diagnostics d) {
        return Lexer.lex(new SourceFile("t.ngn", Path.of("t.ngn"), text), d);
    }

    /** Lexes and asserts no diagnostics. */
    private static List<Token> lex(String text) {
        Diagnostics d = new Diagnostics();
        List<Token> tokens = lex(text, d);
        assertTrue(d.all().isEmpty(), () -> "unexpected diagnostics: " + d.all());
        return tokens;
    }

    private static List<TokenKind> kinds(String text) {
        return lex(text).stream().map(Token::kind).toList();
    }

    private static List<String> messages(String text) {
        Diagnostics d = new Diagnostics();
        lex(text, d);
        return d.all().stream().map(Diagnostic::message).toList();
    }

    // ---------------------------------------------------------------- basics

    @Test
    void emptyInputIsJustEof() {
        assertEquals(List.of(EOF), kinds(""));
    }

    @Test
    void newlinesAreTokensAndBlankLinesCollapse() {
        assertEquals(List.of(IDENT, NEWLINE, IDENT, NEWLINE, EOF), kinds("a\n\n\n  b\n"));
    }

    @Test
    void leadingNewlinesAreDropped() {
        assertEquals(List.of(IDENT, EOF), kinds("\n\n// only a comment\nx"));
    }

    @Test
    void lineCommentsRunToEndOfLineButKeepTheNewline() {
        assertEquals(List.of(IDENT, NEWLINE, IDENT, EOF), kinds("a // comment ( [ {\nb"));
    }

    @Test
    void blockCommentOnOneLineIsInvisible() {
        assertEquals(List.of(IDENT, IDENT, EOF), kinds("a /* x */ b"));
    }

    @Test
    void blockCommentSpanningLinesEndsTheStatement() {
        assertEquals(List.of(IDENT, NEWLINE, IDENT, EOF), kinds("a /* x\n y */ b"));
    }

    @Test
    void unterminatedBlockCommentRunsToEofWithAWarning() {
        Diagnostics d = new Diagnostics();
        List<Token> tokens = lex("a /* never closed\n b c", d);
        assertEquals(List.of(IDENT, NEWLINE, EOF), tokens.stream().map(Token::kind).toList());
        assertEquals(1, d.all().size());
        assertEquals(Severity.WARNING, d.all().get(0).severity());
        assertTrue(!d.hasErrors());
    }

    @Test
    void carriageReturnsAreWhitespace() {
        assertEquals(List.of(IDENT, NEWLINE, IDENT, EOF), kinds("a\r\nb"));
    }

    // ---------------------------------------------------------------- identifiers and keywords

    @Test
    void reservedWordsAreKeywords() {
        assertEquals(List.of(VAR, CONST, GLOBAL, FN, MATCH, THIS, PRINT, MAP, SET, STATE, EOF),
                kinds("var const global fn match this print map set state"));
    }

    @Test
    void predefinedNamesAreOrdinaryIdentifiers() {
        assertEquals(List.of(IDENT, IDENT, IDENT, IDENT, IDENT, IDENT, EOF), kinds("json spawn env Ok Error continue"));
    }

    @Test
    void unicodeLettersFormIdentifiers() {
        List<Token> tokens = lex("café größe 名前");
        assertEquals(List.of("café", "größe", "名前"), tokens.subList(0, 3).stream().map(Token::text).toList());
        assertTrue(tokens.subList(0, 3).stream().allMatch(t -> t.is(IDENT)));
    }

    @Test
    void emojiAreIdentifiersIncludingVariationSelectors() {
        List<Token> tokens = lex("🚀 ❤️ 🔥x");
        assertEquals(List.of("🚀", "❤️", "🔥x"), tokens.subList(0, 3).stream().map(Token::text).toList());
    }

    @Test
    void underscoreNeverStartsAnIdentifier() {
        List<Token> tokens = lex("_x a_b _");
        assertEquals(List.of(UNDERSCORE, IDENT, IDENT, UNDERSCORE, EOF), tokens.stream().map(Token::kind).toList());
        assertEquals("a_b", tokens.get(2).text());
    }

    @Test
    void identifiersContinueWithDigits() {
        assertEquals("x2y", lex("x2y").get(0).text());
    }

    // ---------------------------------------------------------------- numbers

    @Test
    void integerLiteralsDecodeToLong() {
        Token t = lex("9223372036854775807").get(0);
        assertEquals(INT, t.kind());
        assertEquals(Long.MAX_VALUE, t.intValue());
    }

    @Test
    void integerAboveI64MaxIsInvalidNumberLiteral() {
        assertEquals(List.of("Invalid number literal: 9223372036854775808"), messages("9223372036854775808"));
    }

    @Test
    void floatLiteralDecodesToDouble() {
        Token t = lex("3.25").get(0);
        assertEquals(FLOAT, t.kind());
        assertEquals(3.25, t.floatValue());
    }

    @Test
    void digitDotNonDigitIsAFloat() {
        List<Token> tokens = lex("5.isEven");
        assertEquals(FLOAT, tokens.get(0).kind());
        assertEquals(5.0, tokens.get(0).floatValue());
        assertEquals("5.", tokens.get(0).text());
        assertEquals(IDENT, tokens.get(1).kind());
    }

    @Test
    void floatFollowedByDotDotIsIntRange() {
        assertEquals(List.of(INT, DOT_DOT, INT, EOF), kinds("1..5"));
        assertEquals(List.of(INT, DOT_DOT_LT, INT, EOF), kinds("0..<3"));
    }

    @Test
    void exponentSuffixIsNotPartOfANumber() {
        assertEquals(List.of(INT, IDENT, EOF), kinds("1e5"));
    }

    @Test
    void leadingDotIsNotAFloat() {
        assertEquals(List.of(DOT, INT, EOF), kinds(".5"));
    }

    // ---------------------------------------------------------------- strings

    private static List<StringSegment> segments(String src) {
        Token t = lex(src).get(0);
        assertEquals(STRING, t.kind());
        return t.segments();
    }

    private static String text(StringSegment s) {
        return assertInstanceOf(StringSegment.Text.class, s).value();
    }

    @Test
    void bothQuoteStylesMakeStrings() {
        assertEquals("it's", text(segments("\"it's\"").get(0)));
        assertEquals("say \"hi\"", text(segments("'say \"hi\"'").get(0)));
    }

    @Test
    void emptyStringHasNoSegments() {
        assertEquals(List.of(), segments("\"\""));
    }

    @Test
    void escapesAreDecoded() {
        assertEquals("a\tb\nc\rd\\e\"f'g$h", text(segments("\"a\\tb\\nc\\rd\\\\e\\\"f\\'g\\$h\"").get(0)));
    }

    @Test
    void unknownEscapeStandsForTheCharacterItself() {
        assertEquals("qu", text(segments("\"\\q\\u\"").get(0)));
    }

    @Test
    void stringsMaySpanLines() {
        assertEquals("a\nb", text(segments("\"a\nb\"").get(0)));
    }

    @Test
    void escapedDollarBraceIsLiteralText() {
        List<StringSegment> segs = segments("\"x \\${y}\"");
        assertEquals(1, segs.size());
        assertEquals("x ${y}", text(segs.get(0)));
    }

    @Test
    void dollarWithoutBraceIsLiteral() {
        List<StringSegment> segs = segments("\"cost $5 and $n\"");
        assertEquals(1, segs.size());
        assertEquals("cost $5 and $n", text(segs.get(0)));
    }

    @Test
    void braceWithoutDollarIsLiteral() {
        assertEquals("{name}", text(segments("\"{name}\"").get(0)));
    }

    @Test
    void interpolationHoldsTheTokensOfItsExpression() {
        List<StringSegment> segs = segments("\"sum=${a + 1}!\"");
        assertEquals(3, segs.size());
        assertEquals("sum=", text(segs.get(0)));
        StringSegment.Interpolation interp = assertInstanceOf(StringSegment.Interpolation.class, segs.get(1));
        assertEquals(List.of(IDENT, PLUS, INT, EOF), interp.tokens().stream().map(Token::kind).toList());
        assertEquals("!", text(segs.get(2)));
    }

    @Test
    void nestedStringOfTheOtherQuoteInsideInterpolationWorks() {
        List<StringSegment> segs = segments("\"a ${'b'} c\"");
        assertEquals(3, segs.size());
        StringSegment.Interpolation interp = assertInstanceOf(StringSegment.Interpolation.class, segs.get(1));
        assertEquals(STRING, interp.tokens().get(0).kind());
        assertEquals(" c", text(segs.get(2)));
    }

    @Test
    void nestedStringOfTheSameQuoteInsideInterpolationWorks() {
        List<StringSegment> segs = segments("\"x ${\"in\" + \"${1}\"} y\"");
        assertEquals(3, segs.size());
        StringSegment.Interpolation interp = assertInstanceOf(StringSegment.Interpolation.class, segs.get(1));
        assertEquals(List.of(STRING, PLUS, STRING, EOF), interp.tokens().stream().map(Token::kind).toList());
    }

    @Test
    void bracesInsideInterpolationAreBalanced() {
        List<StringSegment> segs = segments("\"${ {a: 1}.a }\"");
        StringSegment.Interpolation interp = assertInstanceOf(StringSegment.Interpolation.class, segs.get(0));
        assertEquals(List.of(LBRACE, IDENT, COLON, INT, RBRACE, DOT, IDENT, EOF),
                interp.tokens().stream().map(Token::kind).toList());
    }

    @Test
    void unterminatedStringSwallowsTheRestAndIsReported() {
        Diagnostics d = new Diagnostics();
        List<Token> tokens = lex("x = \"abc\nfn main() {}", d);
        assertEquals(List.of(IDENT, EQ, STRING, EOF), tokens.stream().map(Token::kind).toList());
        assertEquals(List.of("Unterminated string literal"), d.all().stream().map(Diagnostic::message).toList());
    }

    @Test
    void unterminatedInterpolationIsReportedOnce() {
        assertEquals(List.of("Unterminated string literal"), messages("\"a ${b"));
    }

    // ---------------------------------------------------------------- regex

    @Test
    void slashAfterOpenParenStartsARegex() {
        List<Token> tokens = lex("replace(/[0-9]+/g, \"#\")");
        Token re = tokens.get(2);
        assertEquals(REGEX, re.kind());
        assertEquals("[0-9]+", re.regex().pattern());
        assertEquals("g", re.regex().flags());
    }

    @Test
    void regexEscapesKeepTheirBackslash() {
        Token re = lex("(/(\\d+)\\/x/)").get(1);
        assertEquals("(\\d+)\\/x", re.regex().pattern());
        assertEquals("", re.regex().flags());
    }

    @Test
    void slashAfterAValueDivides() {
        assertEquals(List.of(IDENT, SLASH, INT, EOF), kinds("a / 2"));
        assertEquals(List.of(RPAREN, SLASH, INT, EOF), kinds(") / 2"));
        assertEquals(List.of(INT, SLASH, INT, EOF), kinds("7 / 2"));
        assertEquals(List.of(IDENT, SLASH_EQ, INT, EOF), kinds("y /= 2"));
    }

    @Test
    void slashAfterPlaceholderDivides() {
        assertEquals(List.of(PIPE_GT, DOLLAR, SLASH, INT, EOF), kinds("|> $ / 2"));
    }

    @Test
    void unterminatedRegexIsReported() {
        assertEquals(List.of("Unterminated regex literal"), messages("(/abc\n"));
    }

    // ---------------------------------------------------------------- operators

    @Test
    void multiCharacterOperatorsUseLongestMatch() {
        assertEquals(List.of(DOT_DOT_LT, ELLIPSIS, DOT_DOT, QUESTION_DOT, QUESTION_QUESTION, QUESTION,
                        ARROW_LEFT_QUESTION, ARROW_LEFT, PIPE_GT, PIPE_PIPE, PIPE, COLON_COLON, COLON, FAT_ARROW,
                        STAR_STAR_EQ, STAR_STAR, CARET_EQ, CARET, AMP_AMP, EQ_EQ, BANG_EQ, LT_EQ, GT_EQ, EOF),
                kinds("..< ... .. ?. ?? ? <-? <- |> || | :: : => **= ** ^= ^ && == != <= >="));
    }

    @Test
    void sendArrowIsGreedy() {
        assertEquals(List.of(IDENT, ARROW_LEFT, INT, EOF), kinds("a<-1"));
        assertEquals(List.of(IDENT, LT, MINUS, INT, EOF), kinds("a < -1"));
    }

    @Test
    void countedReceiveLexesAsArrowThenNumber() {
        assertEquals(List.of(ARROW_LEFT, INT, IDENT, EOF), kinds("<-3 ch"));
    }

    @Test
    void placeholderCarriesItsIndex() {
        List<Token> tokens = lex("$ $1 $12");
        assertEquals(List.of(0, 1, 12), tokens.subList(0, 3).stream().map(Token::placeholderIndex).toList());
        assertTrue(tokens.subList(0, 3).stream().allMatch(t -> t.is(DOLLAR)));
    }

    @Test
    void hashIsAnUnknownCharacter() {
        assertEquals(List.of("Unknown character: #"), messages("# nope"));
    }

    @Test
    void semicolonIsAnUnknownCharacterWithAHint() {
        Diagnostics d = new Diagnostics();
        List<Token> tokens = lex("a; b", d);
        assertEquals(List.of(IDENT, IDENT, EOF), tokens.stream().map(Token::kind).toList());
        assertEquals("Unknown character: ;", d.all().get(0).message());
        assertTrue(d.all().get(0).hint().contains("semicolons"));
    }

    @Test
    void loneAmpersandIsAnUnknownCharacter() {
        assertEquals(List.of("Unknown character: &"), messages("a & b"));
        assertEquals(List.of(), messages("a && b"));
    }

    // ---------------------------------------------------------------- spans

    @Test
    void spansCarryOffsetsLineAndCodePointColumn() {
        List<Token> tokens = lex("x\n  😀y = 1");
        Token emoji = tokens.get(2);
        assertEquals(new Span(4, 7, 2, 3), emoji.span());
        Token eq = tokens.get(3);
        assertEquals(2, eq.span().line());
        assertEquals(6, eq.span().col());
    }

    @Test
    void tokenTextIsTheSourceSlice() {
        String src = "fn f(a: i64): i64 a ** 2 // c\nprint(\"${a}\")";
        for (Token t : lex(src)) {
            if (t.is(EOF)) continue;
            assertEquals(src.substring(t.span().start(), t.span().end()), t.text());
        }
    }

    @Test
    void alwaysEndsWithEofEvenAfterErrors() {
        Diagnostics d = new Diagnostics();
        List<Token> tokens = lex("#;&@ \"unterminated", d);
        assertEquals(EOF, tokens.get(tokens.size() - 1).kind());
        assertTrue(d.hasErrors());
    }
}
