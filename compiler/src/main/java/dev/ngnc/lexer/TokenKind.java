package dev.ngnc.lexer;

import java.util.HashMap;
import java.util.Map;

/** Every kind of token the lexer produces. {@link #symbol} is how messages quote the kind. */
public enum TokenKind {
    // names and literals
    IDENT("identifier", Category.OTHER),
    INT("number", Category.OTHER),
    FLOAT("number", Category.OTHER),
    STRING("string", Category.OTHER),
    REGEX("regex", Category.OTHER),
    /** {@code $} or {@code $N}; the value is the index N (0 for a bare {@code $}). */
    DOLLAR("$", Category.PUNCT),
    /** A lone {@code _}: wildcard in match patterns (identifiers never start with it). */
    UNDERSCORE("_", Category.PUNCT),
    NEWLINE("newline", Category.OTHER),
    EOF("end of file", Category.OTHER),

    // reserved words
    VAR("var", Category.KEYWORD), CONST("const", Category.KEYWORD), GLOBAL("global", Category.KEYWORD),
    TYPE("type", Category.KEYWORD), FN("fn", Category.KEYWORD), RETURN("return", Category.KEYWORD),
    IF("if", Category.KEYWORD), WHILE("while", Category.KEYWORD), ONCE("once", Category.KEYWORD),
    LOOP("loop", Category.KEYWORD), FOR("for", Category.KEYWORD), IN("in", Category.KEYWORD),
    MATCH("match", Category.KEYWORD), NEXT("next", Category.KEYWORD), BREAK("break", Category.KEYWORD),
    IMPORT("import", Category.KEYWORD), EXPORT("export", Category.KEYWORD), DEFAULT("default", Category.KEYWORD),
    FROM("from", Category.KEYWORD), AS("as", Category.KEYWORD), ENUM("enum", Category.KEYWORD),
    MODEL("model", Category.KEYWORD), ROLE("role", Category.KEYWORD), EXTEND("extend", Category.KEYWORD),
    WITH("with", Category.KEYWORD), THIS("this", Category.KEYWORD), CHECK("check", Category.KEYWORD),
    NULL("null", Category.KEYWORD), TRUE("true", Category.KEYWORD), FALSE("false", Category.KEYWORD),
    PRINT("print", Category.KEYWORD), ECHO("echo", Category.KEYWORD), SLEEP("sleep", Category.KEYWORD),
    THREAD("thread", Category.KEYWORD), CHANNEL("channel", Category.KEYWORD), BYTES("bytes", Category.KEYWORD),
    STATE("state", Category.KEYWORD), MAP("map", Category.KEYWORD), SET("set", Category.KEYWORD),

    // brackets and punctuation
    LPAREN("(", Category.PUNCT), RPAREN(")", Category.PUNCT),
    LBRACKET("[", Category.PUNCT), RBRACKET("]", Category.PUNCT),
    LBRACE("{", Category.PUNCT), RBRACE("}", Category.PUNCT),
    COMMA(",", Category.PUNCT), DOT(".", Category.PUNCT), COLON(":", Category.PUNCT),
    COLON_COLON("::", Category.PUNCT), QUESTION("?", Category.PUNCT), QUESTION_DOT("?.", Category.PUNCT),
    QUESTION_QUESTION("??", Category.PUNCT), FAT_ARROW("=>", Category.PUNCT),
    PIPE("|", Category.PUNCT), PIPE_GT("|>", Category.PUNCT),
    DOT_DOT("..", Category.PUNCT), DOT_DOT_LT("..<", Category.PUNCT), ELLIPSIS("...", Category.PUNCT),
    /** {@code <-}: send when infix, receive when prefix. */
    ARROW_LEFT("<-", Category.PUNCT),
    /** {@code <-?}: non-blocking receive. */
    ARROW_LEFT_QUESTION("<-?", Category.PUNCT),

    // operators
    PLUS("+", Category.PUNCT), MINUS("-", Category.PUNCT), STAR("*", Category.PUNCT), SLASH("/", Category.PUNCT),
    PERCENT("%", Category.PUNCT), STAR_STAR("**", Category.PUNCT), CARET("^", Category.PUNCT),
    EQ("=", Category.PUNCT), PLUS_EQ("+=", Category.PUNCT), MINUS_EQ("-=", Category.PUNCT),
    STAR_EQ("*=", Category.PUNCT), SLASH_EQ("/=", Category.PUNCT), PERCENT_EQ("%=", Category.PUNCT),
    STAR_STAR_EQ("**=", Category.PUNCT), CARET_EQ("^=", Category.PUNCT),
    EQ_EQ("==", Category.PUNCT), BANG_EQ("!=", Category.PUNCT), LT("<", Category.PUNCT), GT(">", Category.PUNCT),
    LT_EQ("<=", Category.PUNCT), GT_EQ(">=", Category.PUNCT),
    AMP_AMP("&&", Category.PUNCT), PIPE_PIPE("||", Category.PUNCT), BANG("!", Category.PUNCT);

    private enum Category { KEYWORD, PUNCT, OTHER }

    /** Source spelling for keywords and punctuation, a description for the rest. */
    public final String symbol;
    private final Category category;

    TokenKind(String symbol, Category category) {
        this.symbol = symbol;
        this.category = category;
    }

    public boolean isKeyword() { return category == Category.KEYWORD; }

    /**
     * Reserved words that are still parsed as an ordinary name when they head a call:
     * {@code print(x)}, {@code channel<T>()}, {@code map<K, V>()}, {@code state(v)} …
     */
    public boolean isCallHead() {
        return switch (this) {
            case PRINT, ECHO, SLEEP, THREAD, CHANNEL, BYTES, STATE, MAP, SET -> true;
            default -> false;
        };
    }

    /** How a message names this kind when no particular token is at hand, e.g. {@code ')'} or {@code newline}. */
    public String quoted() {
        return category == Category.OTHER ? symbol : "'" + symbol + "'";
    }

    private static final Map<String, TokenKind> KEYWORDS = new HashMap<>();

    static {
        for (TokenKind k : values()) if (k.isKeyword()) KEYWORDS.put(k.symbol, k);
    }

    /** The reserved word spelled {@code word}, or null when it is an ordinary identifier. */
    public static TokenKind keyword(String word) {
        return KEYWORDS.get(word);
    }
}
