package dev.ngnc.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatchetTest {
    private static Ratchet.Outcome pass() { return new Ratchet.Outcome(true, ""); }
    private static Ratchet.Outcome fail(String why) { return new Ratchet.Outcome(false, why); }

    @Test
    void listReadsCasesCommentsAndFlakyMarks(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("known.txt");
        Files.writeString(list, "# header\na/one  # why\n\n?b/two\n");
        Ratchet.Known known = Ratchet.Known.read(list);
        assertEquals(Set.of("a/one"), known.failing());
        assertEquals(Set.of("b/two"), known.flaky());
        assertEquals(Set.of("a/one", "b/two"), known.all());
    }

    @Test
    void anUnlistedFailureIsARegressionAndAListedPassMustLeaveTheList() {
        Ratchet.Known known = new Ratchet.Known(Set.of("a/listed-pass", "a/listed-fail"), Set.of("a/flaky"));
        Ratchet.Verdict v = Ratchet.judge(known, Map.of(
                "a/listed-pass", pass(), "a/listed-fail", fail("x"), "a/flaky", fail("y"),
                "a/new-fail", fail("exit 1"), "a/ok", pass()), name -> true);
        assertEquals(List.of("a/new-fail: exit 1"), v.regressions());
        assertEquals(List.of("a/listed-pass"), v.nowPassing());
        assertFalse(v.ok());
        String text = v.problems("case", "known.txt");
        assertTrue(text.contains("1 case(s) fail that are not in known.txt"), text);
        assertTrue(text.contains("pass now: remove them from the list"), text);
    }

    @Test
    void aRunThatMatchesTheListIsOkAndStaleNamesAreOnlyThoseInScope() {
        Ratchet.Known known = new Ratchet.Known(Set.of("a/fails", "a/gone", "b/elsewhere"), Set.of());
        Ratchet.Verdict v = Ratchet.judge(known, Map.of("a/fails", fail("x"), "a/ok", pass()), name -> name.startsWith("a/"));
        assertTrue(v.ok());
        assertEquals("", v.problems("case", "known.txt"));
        assertEquals(Set.of("a/gone"), v.stale());
    }
}
