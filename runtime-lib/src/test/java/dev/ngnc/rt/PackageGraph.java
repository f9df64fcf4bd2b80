package dev.ngnc.rt;

import org.objectweb.asm.ClassReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The runtime's package dependency graph read from class files, and a cycle finder over it. A class depends on
 * every runtime class its constant pool names: class entries and the types inside descriptors and signatures
 * (a parameter type is a dependency even when the method never loads the class).
 */
final class PackageGraph {
    private PackageGraph() {
    }

    private static final String ROOT = "dev/ngnc/rt/";
    private static final String SHADED = ROOT + "shaded/";
    /** A runtime type inside a descriptor or signature: {@code Ldev/ngnc/rt/…;} or {@code …<}. */
    private static final Pattern IN_DESCRIPTOR = Pattern.compile("L(dev/ngnc/rt/[\\w/$]+)[;<]");

    /** Package (internal form, e.g. {@code dev/ngnc/rt/value}) → the other runtime packages its classes name. */
    static Map<String, Set<String>> read(Path classesRoot) {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classesRoot)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String name = classesRoot.relativize(f).toString().replace('\\', '/');
                if (!name.startsWith(ROOT) || name.startsWith(SHADED) || name.endsWith("package-info.class")) {
                    continue;
                }
                String from = packageOf(name);
                Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
                for (String ref : referencedClasses(Files.readAllBytes(f))) {
                    if (ref.startsWith(ROOT) && !ref.startsWith(SHADED) && !packageOf(ref).equals(from)) {
                        to.add(packageOf(ref));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    private static String packageOf(String internalName) {
        return internalName.substring(0, internalName.lastIndexOf('/'));
    }

    /** Internal names of the classes named by a class file's constant pool. */
    static Set<String> referencedClasses(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        char[] buf = new char[reader.getMaxStringLength()];
        Set<String> out = new HashSet<>();
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0) {
                continue; // the second slot of a long or double
            }
            switch (classFile[offset - 1]) {
                case 7 -> { // CONSTANT_Class: a name, or an array descriptor
                    String n = reader.readUTF8(offset, buf);
                    if (n.startsWith("[")) {
                        addDescriptorTypes(n, out);
                    } else {
                        out.add(n);
                    }
                }
                case 1 -> { // CONSTANT_Utf8: descriptors and signatures among them
                    int len = ((classFile[offset] & 0xFF) << 8) | (classFile[offset + 1] & 0xFF);
                    addDescriptorTypes(new String(classFile, offset + 2, len, StandardCharsets.ISO_8859_1), out);
                }
                default -> { }
            }
        }
        return out;
    }

    private static void addDescriptorTypes(String s, Set<String> out) {
        Matcher m = IN_DESCRIPTOR.matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
    }

    /**
     * Every elementary cycle's witness: for each strongly connected component of more than one package, one cycle
     * through it, written {@code a -> b -> a} (a package naming itself is not a cycle). Empty when acyclic.
     */
    static List<String> cycles(Map<String, Set<String>> graph) {
        List<String> out = new ArrayList<>();
        for (Set<String> component : stronglyConnected(graph)) {
            if (component.size() > 1) {
                out.add(String.join(" -> ", cycleThrough(graph, component)));
            }
        }
        return out;
    }

    /** Tarjan's algorithm (recursive: runtime package graphs are tiny). */
    private static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        List<String> stack = new ArrayList<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> out = new ArrayList<>();
        for (String v : new TreeSet<>(graph.keySet())) {
            if (!index.containsKey(v)) {
                strongConnect(v, graph, index, low, stack, onStack, out);
            }
        }
        return out;
    }

    private static void strongConnect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
                                      Map<String, Integer> low, List<String> stack, Set<String> onStack,
                                      List<Set<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.add(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                strongConnect(w, graph, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.remove(stack.size() - 1);
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            out.add(component);
        }
    }

    /** A path from the component's first package back to itself, staying inside the component (breadth-first). */
    private static List<String> cycleThrough(Map<String, Set<String>> graph, Set<String> component) {
        String start = component.iterator().next();
        Map<String, String> parent = new HashMap<>();
        List<String> queue = new ArrayList<>(List.of(start));
        for (int i = 0; i < queue.size(); i++) {
            String v = queue.get(i);
            for (String w : new TreeSet<>(graph.getOrDefault(v, Set.of()))) {
                if (!component.contains(w) || w.equals(v)) {
                    continue; // leaves the component, or a self-loop (not a package cycle)
                }
                if (w.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String u = v; !u.equals(start); u = parent.get(u)) {
                        path.add(1, u);
                    }
                    path.add(start);
                    return path;
                }
                if (!parent.containsKey(w)) {
                    parent.put(w, v);
                    queue.add(w);
                }
            }
        }
        throw new IllegalStateException("no cycle in a strongly connected component " + component);
    }
}
