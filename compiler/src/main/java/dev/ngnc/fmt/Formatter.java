package dev.ngnc.fmt;

import dev.ngnc.ast.Program;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.lexer.Lexer;
import dev.ngnc.parser.Parser;
import dev.ngnc.source.SourceFile;
import dev.ngnc.source.Span;

/**
 * The canonical formatter (docs/fmt.md): parses the file with the compiler's parser, reprints the tree with the
 * comments the lexer recorded on the side, and re-parses the result as a safety net, so a file that does not
 * parse (before or after) is never given new text. The entry point for the CLI ({@code ngnc fmt}) and the
 * language server.
 */
public final class Formatter {
    /** Groups (argument lists, literals) are broken over lines when they would pass this column. */
    public static final int WIDTH = 100;

    private Formatter() {}

    public static FormatResult format(SourceFile file) {
        Diagnostics diags = new Diagnostics();
        Program program = Parser.parse(file, diags);
        if (diags.hasErrors()) return FormatResult.failed(diags.inSourceOrder());
        String text;
        try {
            text = print(program, file.text() == null ? "" : file.text(), file);
        } catch (StackOverflowError e) {
            // the printer recurses like the parser; callers on a small stack get a message, not a crash
            Diagnostics deep = new Diagnostics();
            deep.error(file, Span.NONE, "code is nested too deeply to format");
            return FormatResult.failed(deep.all());
        }
        Diagnostics again = new Diagnostics();
        Parser.parse(new SourceFile(file.displayPath(), file.path(), text), again);
        if (again.hasErrors()) {
            // a formatter bug: say so instead of handing out text that does not parse
            Diagnostics internal = new Diagnostics();
            internal.error(file, Span.NONE, "internal formatter error: the formatted text does not parse ("
                    + again.inSourceOrder().get(0).fullMessage() + ")");
            return FormatResult.failed(internal.all());
        }
        return new FormatResult(text, !text.equals(file.text()), java.util.List.of());
    }

    private static String print(Program program, String src, SourceFile file) {
        CommentQueue comments = new CommentQueue(Lexer.comments(file), src);
        ExprPrinter exprs = new ExprPrinter(src, comments);
        StmtPrinter stmts = new StmtPrinter(src, comments, exprs);
        DeclPrinter decls = new DeclPrinter(src, comments, exprs, stmts);
        exprs.setStatements(stmts);
        stmts.setDeclarations(decls);
        String out = Doc.Layout.render(decls.program(program), WIDTH);
        return out.isEmpty() ? "" : out + "\n";
    }
}
