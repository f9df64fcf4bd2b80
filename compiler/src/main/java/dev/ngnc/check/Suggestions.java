package dev.ngnc.check;

import dev.ngnc.types.Type;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * "Did you mean …?" hints for unknown names: the closest candidate by edit distance (insertions, deletions,
 * substitutions and swaps of neighbours, each 1), if it is close enough to be a likely typo — none for names of one or
 * two characters (any other short name would do), at most 1 edit for
 * names of up to 4 characters, 2 up to 8, 3 beyond. Candidates come from what is in scope at the mistake.
 */
final class Suggestions {
    private Suggestions() { }

    /** Every built-in method name of some kind; {@link BuiltinMethods#exists} picks those of a receiver. */
    private static final List<String> BUILTIN_METHODS = List.of("add", "clear", "clone", "close", "copy", "each",
            "ends", "formData", "get", "has", "includes", "index", "isClosed", "join", "json", "keys", "length",
            "lower", "pop", "push", "read", "remove", "repeat", "replace", "set", "size", "slice", "splice", "split",
            "starts", "text", "toArray", "toBytes", "toString", "trim", "update", "upper", "values", "write");

    /** The hint for {@code name}, or null when nothing is close. */
    static String didYouMean(String name, Collection<String> candidates) {
        String best = closest(name, candidates);
        return best == null ? null : "did you mean '" + best + "'?";
    }

    /** The candidate {@code name} is most likely a typo of, or null when nothing is close. */
    static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : new TreeSet<>(candidates)) {
            if (c.equals(name) || c.startsWith("$")) continue;
            int d = distance(name, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = name.length() <= 2 ? 0 : name.length() <= 4 ? 1 : name.length() <= 8 ? 2 : 3;
        return best != null && bestDistance <= allowed ? best : null;
    }

    /** Names visible as values at this point of {@code body}: locals of this and enclosing bodies, globals, functions. */
    static java.util.Set<String> valueNames(BodyChecker body) {
        java.util.Set<String> names = new TreeSet<>();
        for (BodyContext c = body.ctx; c != null; c = c.parent) {
            for (Map<String, BodyContext.Binding> scope : c.scopes) names.addAll(scope.keySet());
        }
        Checker checker = body.checker;
        names.addAll(checker.globals.keySet());
        names.addAll(checker.functions.keySet());
        names.addAll(checker.importedFunctions.keySet());
        return names;
    }

    /** Method names a value of type {@code t} has: built-in ones and its extend methods. */
    static java.util.Set<String> methodNames(Checker checker, Type t) {
        java.util.Set<String> names = new TreeSet<>();
        for (String m : BUILTIN_METHODS) if (BuiltinMethods.exists(t, m)) names.add(m);
        String key = Extensions.key(t);
        if (key != null && checker.extensions.get(key) != null) names.addAll(checker.extensions.get(key).keySet());
        return names;
    }

    /** Optimal string alignment distance. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
