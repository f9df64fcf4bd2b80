package dev.ngnc.rt;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runtime's packages form a DAG (docs/architecture.md, "Runtime packages"). */
class PackageCycleTest {

    @Test
    void runtimePackagesHaveNoCycle() throws URISyntaxException {
        Path classes = Path.of(Rt.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(classes.resolve("dev/ngnc/rt/fiber")), "expected target/classes, got " + classes);
        Map<String, Set<String>> graph = PackageGraph.read(classes);
        // the layout is there (so an empty graph cannot pass), and it points the documented way
        assertTrue(graph.keySet().containsAll(List.of("dev/ngnc/rt", "dev/ngnc/rt/base", "dev/ngnc/rt/fiber",
                "dev/ngnc/rt/value", "dev/ngnc/rt/channel", "dev/ngnc/rt/tbx")), graph.toString());
        assertTrue(graph.get("dev/ngnc/rt/value").contains("dev/ngnc/rt/fiber"), graph.toString());
        assertEquals(List.of(), PackageGraph.cycles(graph), "package cycles in runtime-lib; the graph: " + graph);
    }

    @Test
    void baseNamesNoOtherRuntimePackage() throws URISyntaxException {
        Path classes = Path.of(Rt.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertEquals(Set.of(), PackageGraph.read(classes).get("dev/ngnc/rt/base"));
    }

    @Test
    void findsACycleAndNamesIt() {
        Map<String, Set<String>> graph = Map.of(
                "a", Set.of("b"),
                "b", Set.of("c", "d"),
                "c", Set.of("a"),
                "d", Set.of());
        assertEquals(List.of("a -> b -> c -> a"), PackageGraph.cycles(graph));
    }

    @Test
    void findsEachCycleOnceAndIgnoresSelfLoops() {
        Map<String, Set<String>> graph = Map.of(
                "a", Set.of("a", "b"),
                "b", Set.of("a"),
                "x", Set.of("y"),
                "y", Set.of("x", "z"),
                "z", Set.of("z"));
        assertEquals(Set.of("a -> b -> a", "x -> y -> x"), Set.copyOf(PackageGraph.cycles(graph)));
    }

    @Test
    void acyclicGraphHasNoCycle() {
        Map<String, Set<String>> graph = Map.of(
                "top", Set.of("mid", "low"),
                "mid", Set.of("low"),
                "low", Set.of());
        assertEquals(List.of(), PackageGraph.cycles(graph));
    }

    @Test
    void readsDescriptorTypesAsDependencies() throws Exception {
        byte[] bytes;
        try (var in = Rt.class.getResourceAsStream("/dev/ngnc/rt/channel/NgnChannel.class")) {
            bytes = in.readAllBytes();
        }
        Set<String> refs = PackageGraph.referencedClasses(bytes);
        assertTrue(refs.contains("dev/ngnc/rt/fiber/FiberWaitSet"), refs.toString());
        assertTrue(refs.contains("dev/ngnc/rt/value/NgnArray"), refs.toString());
    }
}
