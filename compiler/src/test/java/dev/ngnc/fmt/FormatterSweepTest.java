package dev.ngnc.fmt;

import dev.ngnc.ast.Program;
import dev.ngnc.source.SourceFile;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Properties 1, 2 and 4 of the formatter over every corpus program, example and docs example: formatting is
 * idempotent, keeps the syntax tree (spans aside) and keeps every comment.
 */
class FormatterSweepTest {

    @Test
    void everyProgramFormatsIdempotentlyToTheSameTreeWithItsComments() {
        Map<String, SourceFile> programs = Programs.all();
        Assumptions.assumeTrue(!programs.isEmpty(), "no corpus, examples or docs examples found");
        if (programs.keySet().stream().noneMatch(k -> k.startsWith("corpus:"))) {
            System.out.println("[fmt] conformance corpus not found at " + Programs.corpus() + "; sweeping the rest");
        }
        List<String> problems = new ArrayList<>();
        int swept = 0;
        int unparsable = 0;
        int changed = 0;
        int comments = 0;
        for (Map.Entry<String, SourceFile> e : programs.entrySet()) {
            SourceFile original = e.getValue();
            Program tree = Programs.parse(original);
            if (tree == null) { // the corpus' syntax-error programs: fmt refuses them
                unparsable++;
                if (Formatter.format(original).ok()) problems.add(e.getKey() + ": formatted although it does not parse");
                continue;
            }
            swept++;
            String once;
            try {
                once = Programs.format(original);
            } catch (AssertionError | RuntimeException ex) {
                problems.add(e.getKey() + ": " + ex.getMessage());
                continue;
            }
            if (!once.equals(original.text())) changed++;
            SourceFile formatted = Programs.withText(original, once);
            String twice = Programs.format(formatted);
            if (!twice.equals(once)) problems.add(e.getKey() + ": not idempotent\n" + firstDifference(once, twice));
            Program again = Programs.parse(formatted);
            String diff = again == null ? "does not parse" : AstEquality.difference(tree, again);
            if (diff != null) problems.add(e.getKey() + ": tree differs: " + diff);
            List<String> before = Programs.commentTexts(original);
            comments += before.size();
            if (!before.equals(Programs.commentTexts(formatted))) problems.add(e.getKey() + ": comments differ");
        }
        System.out.printf("[fmt] %d programs: %d swept (%d changed by formatting, %d comments), %d not parsing%n",
                programs.size(), swept, changed, comments, unparsable);
        if (!problems.isEmpty()) fail(problems.size() + " problems:\n" + String.join("\n", problems));
    }

    static String firstDifference(String a, String b) {
        String[] la = a.split("\n", -1);
        String[] lb = b.split("\n", -1);
        for (int i = 0; i < Math.max(la.length, lb.length); i++) {
            String x = i < la.length ? la[i] : "<none>";
            String y = i < lb.length ? lb[i] : "<none>";
            if (!x.equals(y)) return "  line " + (i + 1) + ":\n  - " + x + "\n  + " + y;
        }
        return "  (same lines)";
    }
}
