package dev.ngnc.parser;

import dev.ngnc.ast.Decl;
import dev.ngnc.ast.Expr;
import dev.ngnc.ast.Program;
import dev.ngnc.ast.Stmt;
import dev.ngnc.diag.Diagnostic;
import dev.ngnc.diag.DiagnosticRenderer;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.source.SourceFile;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Helpers shared by the parser tests: parse snippets and dig out the interesting node. */
final class ParseSupport {
    private ParseSupport() {}

    record Result(Program program, Diagnostics diagnostics) {
        List<String> messages() {
            return diagnostics.all().stream().map(Diagnostic::message).toList();
        }

        String rendered() {
            return diagnostics.all().stream().map(DiagnosticRenderer::render).collect(Collectors.joining());
        }
    }

    static SourceFile source(String text) {
        return new SourceFile("test.ngn", Path.of("test.ngn"), text);
    }

    static Result parse(String text) {
        Diagnostics d = new Diagnostics();
        Program p = Parser.parse(source(text), d);
        return new Result(p, d);
    }

    /** Parses and asserts there were no diagnostics at all. */
    static Program parseClean(String text) {
        Result r = parse(text);
        assertTrue(r.diagnostics().all().isEmpty(), () -> "unexpected diagnostics:\n" + r.rendered());
        return r.program();
    }

    /** The statements of {@code fn main() { <body> }}. */
    static List<Stmt> mainBody(String body) {
        Program p = parseClean("fn main() {\n" + body + "\n}\n");
        Decl.Fn main = assertInstanceOf(Decl.Fn.class, p.items().get(0));
        return main.body().statements();
    }

    /** The single statement of a main body. */
    static Stmt stmt(String body) {
        List<Stmt> stmts = mainBody(body);
        assertEquals(1, stmts.size(), () -> "expected one statement, got " + stmts);
        return stmts.get(0);
    }

    /** The expression of a single expression statement in main. */
    static Expr expr(String source) {
        return assertInstanceOf(Stmt.ExprStmt.class, stmt(source)).expr();
    }
}
