package dev.ngnc.check;

import dev.ngnc.ast.Program;
import dev.ngnc.diag.Diagnostics;
import dev.ngnc.source.Span;
import dev.ngnc.tast.TProgram;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All modules of one program: each file is parsed and checked once, into its own program class; import
 * cycles are errors. {@link #initOrder()} lists module classes dependencies-first, so their top-level code
 * runs before the code of the modules that import them.
 */
final class ModuleGraph {
    private final ModuleSource source;
    final Diagnostics diagnostics;
    private final Path entryDir;
    private final Map<Path, ModuleExports> done = new HashMap<>();
    private final Deque<Path> inProgress = new ArrayDeque<>();
    /** Modules that could not be used (unreadable, syntax or type errors): reported once, not per import. */
    private final java.util.Set<Path> failed = new java.util.HashSet<>();
    private final List<TProgram> programs = new ArrayList<>();
    private int counter;
    /** Field defaults of every model of the compilation, typed by the module that declares the model. */
    final Map<dev.ngnc.types.ModelInfo, ModelDefaults> modelDefaults = new HashMap<>();
    /** What the checkers resolved, for tools; null (nothing recorded) in a plain compilation. */
    SymbolIndex index;

    ModuleGraph(ModuleSource source, Diagnostics diagnostics, Path entryFile) {
        this.source = source;
        this.diagnostics = diagnostics;
        Path abs = entryFile.toAbsolutePath().normalize();
        this.entryDir = abs.getParent() == null ? abs : abs.getParent();
        inProgress.push(abs);
    }

    List<TProgram> programs() { return programs; }

    List<String> initOrder() { return programs.stream().map(TProgram::mainClass).toList(); }

    /**
     * Resolves {@code spec} as written in an import of {@code importer}: {@code ./} and {@code ../} paths are
     * relative to the importing file, other paths to the entry file's directory (docs).
     */
    Path resolve(Checker importer, String spec) {
        if (spec.startsWith("./") || spec.startsWith("../")) {
            Path dir = importer.file.path().toAbsolutePath().getParent();
            return dir.resolve(spec).normalize();
        }
        return entryDir.resolve(spec).normalize();
    }

    /** {@code "; did you mean './lib.ngn'?"} when a sibling .ngn file has a name close to the missing one, else "". */
    private static String similarFile(Path path, String spec) {
        Path dir = path.getParent();
        if (dir == null || !java.nio.file.Files.isDirectory(dir)) return "";
        List<String> siblings = new ArrayList<>();
        try (var files = java.nio.file.Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".ngn")).forEach(siblings::add);
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
        String missing = path.getFileName().toString();
        String close = Suggestions.closest(missing, siblings);
        if (close == null) return "";
        int slash = spec.lastIndexOf('/');
        return "; did you mean '" + (slash >= 0 ? spec.substring(0, slash + 1) : "") + close + "'?";
    }

    /** Loads and checks the module at {@code path}; null (after reporting) when it cannot be used. */
    ModuleExports load(Checker importer, Path path, String spec, Span span) {
        ModuleExports cached = done.get(path);
        if (cached != null) return cached;
        if (failed.contains(path)) return null; // its errors were reported at the first import

        if (inProgress.contains(path)) {
            List<String> cycle = new ArrayList<>();
            for (Path p : inProgress) cycle.add(0, displayPath(p));
            cycle.add(displayPath(path));
            importer.error(span, "import cycle: " + String.join(" → ", cycle),
                    "move the shared declarations into a module both can import");
            return null;
        }
        if (!java.nio.file.Files.isRegularFile(path)) {
            importer.error(span, "Could not read module: " + spec, "no file at " + displayPath(path) + similarFile(path, spec));
            return null;
        }
        Program program = source.load(path, displayPath(path), diagnostics);
        if (program == null) { // the reader reported why
            failed.add(path);
            return null;
        }
        inProgress.push(path);
        try {
            String prefix = "ngn/m" + (++counter) + "_" + sanitize(path.getFileName().toString()) + "/";
            Checker module = new Checker(program.file(), diagnostics, prefix, this, false);
            module.exports.incomplete = module.hadSyntaxErrors();
            TProgram checked = module.run(program);
            if (checked == null) {
                failed.add(path);
                return null;
            }
            programs.add(checked);
            done.put(path, module.exports);
            return module.exports;
        } finally {
            inProgress.pop();
        }
    }

    /** {@code path} relative to the entry file's directory when it lies below it (shorter messages). */
    String displayPath(Path path) {
        return path.startsWith(entryDir) ? entryDir.relativize(path).toString() : path.toString();
    }

    private static String sanitize(String name) {
        String stem = name.endsWith(".ngn") ? name.substring(0, name.length() - 4) : name;
        StringBuilder sb = new StringBuilder();
        for (char c : stem.toCharArray()) sb.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
        return sb.toString();
    }
}
