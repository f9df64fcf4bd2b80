package dev.ngnc.lexer;

import dev.ngnc.diag.Diagnostics;
import dev.ngnc.source.SourceFile;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LexerPropertiesTest {

    private static List<Token> lexChecked(String text) {
        Diagnostics d = new Diagnostics();
        List<Token> tokens = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> Lexer.lex(new SourceFile("p.ngn", Path.of("p.ngn"), text), d));
        assertTrue(d.all().stream().noneMatch(x -> x.message().startsWith("internal")), d.all()::toString);
        return tokens;
    }

    @Property(tries = 500)
    void lexerNeverThrowsAndAlwaysEndsWithEof(@ForAll @StringLength(max = 200) String text) {
        List<Token> tokens = lexChecked(text);
        assertEquals(TokenKind.EOF, tokens.get(tokens.size() - 1).kind());
        assertEquals(1, tokens.stream().filter(t -> t.is(TokenKind.EOF)).count());
    }

    @Property(tries = 300)
    void lexerSurvivesRandomBytes(@ForAll byte[] bytes) {
        lexChecked(new String(bytes, StandardCharsets.UTF_8));
        lexChecked(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    @Property(tries = 500)
    void tokenSpansAreOrderedInBoundsAndMatchTheirText(@ForAll @StringLength(max = 200) String text) {
        int last = 0;
        for (Token t : lexChecked(text)) {
            assertTrue(t.span().start() >= last, () -> "overlapping token " + t);
            assertTrue(t.span().end() <= text.length() && t.span().start() <= t.span().end());
            assertTrue(t.span().line() >= 1 && t.span().col() >= 1);
            if (t.is(TokenKind.IDENT) || t.kind().isKeyword() || t.is(TokenKind.INT) || t.is(TokenKind.STRING)) {
                assertEquals(text.substring(t.span().start(), t.span().end()), t.text());
            }
            last = t.span().end();
        }
    }
}
