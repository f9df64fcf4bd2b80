package dev.ngnc.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A known-failures list as a ratchet, shared by the conformance corpus and the documentation examples: a run fails
 * on a failing case that is not listed (a regression) and on a listed case that passes (shrink the list), so the
 * list can only get shorter. Lines are {@code area/name}, {@code #} starts a comment, {@code ?area/name} marks a
 * flaky case whose result is ignored either way.
 */
final class Ratchet {
    private Ratchet() {}

    /** One case's result as the ratchet sees it. */
    record Outcome(boolean passed, String reason) {}

    record Known(Set<String> failing, Set<String> flaky) {
        static Known read(Path file) throws IOException {
            Set<String> failing = new TreeSet<>();
            Set<String> flaky = new TreeSet<>();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int hash = line.indexOf('#');
                    String s = (hash >= 0 ? line.substring(0, hash) : line).strip();
                    if (s.isEmpty()) continue;
                    if (s.startsWith("?")) flaky.add(s.substring(1).strip()); else failing.add(s);
                }
            }
            return new Known(failing, flaky);
        }

        Set<String> all() {
            Set<String> s = new TreeSet<>(failing);
            s.addAll(flaky);
            return s;
        }
    }

    /**
     * What a run means for the list. {@code stale}: listed names with no result although they are in scope (a
     * renamed or deleted case).
     */
    record Verdict(List<String> regressions, List<String> nowPassing, Set<String> stale) {
        boolean ok() { return regressions.isEmpty() && nowPassing.isEmpty(); }

        /** The failure message: {@code what} names the cases ("conformance case", "documentation example"). */
        String problems(String what, String listName) {
            StringBuilder b = new StringBuilder();
            if (!regressions.isEmpty()) {
                b.append(regressions.size()).append(' ').append(what).append("(s) fail that are not in ")
                        .append(listName).append(" (regressions):\n");
                regressions.forEach(s -> b.append("  ").append(s).append('\n'));
            }
            if (!nowPassing.isEmpty()) {
                b.append(nowPassing.size()).append(' ').append(what).append("(s) listed in ").append(listName)
                        .append(" pass now: remove them from the list:\n");
                nowPassing.forEach(s -> b.append("  ").append(s).append('\n'));
            }
            return b.toString();
        }
    }

    /** Compares the outcomes (by case name) with the list; {@code inScope} says which listed names this run covers. */
    static Verdict judge(Known known, Map<String, Outcome> outcomes, Predicate<String> inScope) {
        List<String> regressions = new ArrayList<>();
        List<String> nowPassing = new ArrayList<>();
        outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String name = e.getKey();
            Outcome o = e.getValue();
            if (known.flaky().contains(name)) return;
            if (!o.passed() && !known.failing().contains(name)) regressions.add(name + ": " + o.reason());
            if (o.passed() && known.failing().contains(name)) nowPassing.add(name);
        });
        Set<String> stale = new TreeSet<>();
        for (String k : known.all()) if (!outcomes.containsKey(k) && inScope.test(k)) stale.add(k);
        return new Verdict(regressions, nowPassing, stale);
    }
}
