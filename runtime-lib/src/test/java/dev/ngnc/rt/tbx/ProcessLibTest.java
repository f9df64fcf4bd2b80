package dev.ngnc.rt.tbx;

import dev.ngnc.rt.value.Fmt;
import dev.ngnc.rt.value.NgnBytes;
import dev.ngnc.rt.channel.NgnChannel;
import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.value.NgnObject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code tbx::process}: run, stream, streamRaw, options, timeouts and clean-up. */
@Timeout(60)
class ProcessLibTest {
    @TempDir
    Path dir;

    private static ProcessOutput ok(Object result) {
        NgnEnum e = (NgnEnum) result;
        assertTrue(e.isOk(), () -> "expected Ok, got " + Fmt.str(e));
        return (ProcessOutput) e.payload();
    }

    @Test
    void runCapturesOutputAndExitCode() {
        NgnChannel ch = ProcessLib.run("printf 'hi there'; echo oops 1>&2; exit 3");
        assertEquals("<channel process_run>", ch.toString());
        ProcessOutput out = ok(ch.receive());
        assertEquals(3, out.code);
        assertEquals("hi there", out.stdout);
        assertEquals("oops\n", out.stderr);
    }

    @Test
    void cwdOptionAndSpawnFailures() throws IOException {
        Files.writeString(dir.resolve("marker.txt"), "x");
        NgnObject opts = NgnObject.of(new String[] {"cwd"}, new Object[] {dir.toString()});
        assertEquals("marker.txt\n", ok(ProcessLib.run("ls", opts).receive()).stdout);
        NgnObject missing = NgnObject.of(new String[] {"cwd"}, new Object[] {dir.resolve("nope").toString()});
        NgnEnum e = (NgnEnum) ProcessLib.run("ls", missing).receive();
        assertTrue(e.isError());
        assertTrue(((String) e.payload()).startsWith("Failed to spawn process: No such file or directory"), Fmt.str(e));
        NgnEnum s = ProcessLib.stream("ls", missing);
        assertTrue(s.isError());
        ProcessOutput notFound = ok(ProcessLib.run("no-such-command-ngnc-test").receive());
        assertEquals(127, notFound.code, "a command that does not exist: the shell's 127");
        assertTrue(notFound.stderr.contains("not found"), notFound.stderr);
    }

    @Test
    void streamDeliversLinesThenDone() {
        ProcessStream p = (ProcessStream) ok2(ProcessLib.stream("printf 'a\\nb\\r\\nc'; echo err 1>&2"));
        List<Object> lines = new ArrayList<>();
        for (Object line : p.stdout) {
            lines.add(line);
        }
        assertEquals(List.of("a", "b", "c"), lines);
        assertEquals("err", p.stderr.receive());
        ProcessOutput done = ok(p.done.receive());
        assertEquals(0, done.code);
        assertEquals("", done.stdout);
    }

    private static Object ok2(NgnEnum e) {
        assertTrue(e.isOk(), () -> Fmt.str(e));
        return e.payload();
    }

    @Test
    void streamRawDeliversChunks() {
        ProcessStream p = (ProcessStream) ok2(ProcessLib.streamRaw("head -c 20000 /dev/zero"));
        long total = 0;
        for (Object chunk : p.stdout) {
            NgnBytes b = (NgnBytes) chunk;
            assertTrue(b.length() <= 8192);
            total += b.length();
        }
        assertEquals(20000, total);
        assertEquals(0, ok(p.done.receive()).code);
    }

    @Test
    void closingOutputChannelsEarlyDoesNotBlockTheChild() {
        // far more output than the channel (100 lines) and the pipe buffer hold
        ProcessStream p = (ProcessStream) ok2(ProcessLib.stream("seq 1 200000; seq 1 200000 1>&2"));
        assertEquals("1", p.stdout.receive());
        p.stdout.close();
        p.stderr.close();
        ProcessOutput done = ok(p.done.receive());
        assertEquals(0, done.code);
    }

    @Test
    void timeoutKillsTheWholeTree() throws Exception {
        String marker = "ngnc-timeout-" + ProcessHandle.current().pid();
        Path script = dir.resolve(marker + ".sh");
        Files.writeString(script, "sleep 30 &\nsleep 30\n");
        long t0 = System.nanoTime();
        NgnObject opts = NgnObject.of(new String[] {"timeoutMs"}, new Object[] {300L});
        NgnEnum r = (NgnEnum) ProcessLib.run("sh " + script + " & sh " + script + "; wait", opts).receive();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(r.isError());
        assertEquals("Process timed out", r.payload());
        assertTrue(ms < 5000, ms + " ms");
        Thread.sleep(200);
        assertFalse(ProcessHandle.allProcesses().anyMatch(h -> h.info().arguments()
                .map(a -> String.join(" ", a).contains(marker)).orElse(false)), "no process of the tree is left");

        ProcessStream p = (ProcessStream) ok2(ProcessLib.stream("echo first; sleep 30", opts));
        assertEquals("first", p.stdout.receive());
        NgnEnum done = (NgnEnum) p.done.receive();
        assertEquals("Process timed out", done.payload());
        assertTrue(p.stdout.isClosed());
    }
}
