package dev.ngnc.codegen;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.Location;
import com.sun.jdi.LongValue;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;

import dev.ngnc.diag.Diagnostics;
import dev.ngnc.driver.CompiledProgram;
import dev.ngnc.driver.Compiler;
import dev.ngnc.jar.JarBuilder;
import dev.ngnc.source.SourceFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * End to end: a jar from {@code ngnc compile} runs under JDWP (loopback, a free port) and a JDI
 * debugger in this JVM stops at a breakpoint on a {@code main.ngn} line and reads ngn variables by
 * name — what IntelliJ, VS Code Java or jdb do.
 */
class DebuggerTest {
    private static final String PROGRAM = """
            fn sum(n: i64): i64 {
              var total = 0
              for (i in 1..n) {
                total = total + i
              }
              return total
            }

            fn main() {
              print(sum(4))
            }
            """;
    /** The line of {@code return total}. */
    private static final int BREAK_LINE = 6;
    private static final Pattern LISTENING = Pattern.compile("Listening for transport dt_socket at address: (\\d+)");

    @Test
    @Timeout(60)
    void aDebuggerStopsOnAnNgnLineAndShowsNgnVariables(@TempDir Path dir) throws Exception {
        Diagnostics d = new Diagnostics();
        CompiledProgram program = Compiler.compile(new SourceFile("main.ngn", dir.resolve("main.ngn"), PROGRAM), d);
        assertNotNull(program, () -> d.all().toString());
        Path jar = dir.resolve("app.jar");
        JarBuilder.write(program, jar);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path err = dir.resolve("stderr.txt");
        Process target = new ProcessBuilder(java,
                "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:0", "-jar", jar.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(err.toFile()).start();
        VirtualMachine vm = null;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8));
            int port = listeningPort(out);
            // the rest of stdout is the program's output
            CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> {
                StringBuilder sb = new StringBuilder();
                out.lines().forEach(l -> sb.append(l).append('\n'));
                return sb.toString();
            });
            vm = attach(port);

            // the program class is not loaded yet (suspend=y): break once it is
            String mainClass = program.mainClass().replace('/', '.');
            ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
            prepare.addClassFilter(mainClass);
            prepare.enable();
            vm.resume();
            ReferenceType type = ((ClassPrepareEvent) next(vm, ClassPrepareEvent.class)).referenceType();
            assertEquals("main.ngn", type.sourceName());
            List<Location> at = type.locationsOfLine(BREAK_LINE);
            assertFalse(at.isEmpty(), "no code for main.ngn line " + BREAK_LINE);
            BreakpointRequest bp = vm.eventRequestManager().createBreakpointRequest(at.get(0));
            bp.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
            bp.enable();
            vm.resume();

            BreakpointEvent hit = (BreakpointEvent) next(vm, BreakpointEvent.class);
            StackFrame frame = hit.thread().frame(0);
            assertEquals("main.ngn", frame.location().sourceName());
            assertEquals(BREAK_LINE, frame.location().lineNumber());
            LocalVariable total = frame.visibleVariableByName("total");
            assertNotNull(total, "the debugger does not see 'total'");
            assertEquals("long", total.typeName());
            assertEquals(10L, ((LongValue) frame.getValue(total)).value());
            assertEquals(4L, ((LongValue) frame.getValue(frame.visibleVariableByName("n"))).value());
            assertTrue(frame.visibleVariableByName("n").isArgument());
            // the loop item's scope has ended; no compiler temporaries show up
            assertNull(frame.visibleVariableByName("i"));
            assertEquals(List.of("n", "total"), frame.visibleVariables().stream().map(LocalVariable::name).sorted().toList());

            bp.disable();
            vm.resume();
            assertTrue(target.waitFor(20, TimeUnit.SECONDS), "the program did not end after the breakpoint");
            assertEquals(0, target.exitValue(), () -> "stderr: " + readQuietly(err));
            assertEquals("10\n", rest.get(10, TimeUnit.SECONDS));
        } finally {
            if (vm != null) {
                try {
                    vm.dispose();
                } catch (VMDisconnectedException e) {
                    // the program has ended
                }
            }
            target.destroyForcibly();
        }
    }

    private static String readQuietly(Path p) {
        try {
            return java.nio.file.Files.readString(p);
        } catch (java.io.IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Reads the JDWP agent's first stdout line, which names the port it listens on. */
    private static int listeningPort(BufferedReader out) throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String l = line.get(20, TimeUnit.SECONDS);
        Matcher m = l == null ? null : LISTENING.matcher(l);
        if (m == null || !m.find()) fail("no JDWP listening line, got: " + l);
        return Integer.parseInt(m.group(1));
    }

    private static VirtualMachine attach(int port) throws Exception {
        AttachingConnector socket = Bootstrap.virtualMachineManager().attachingConnectors().stream()
                .filter(c -> c.name().equals("com.sun.jdi.SocketAttach")).findFirst()
                .orElseThrow(() -> new AssertionError("no SocketAttach connector"));
        Map<String, Connector.Argument> args = socket.defaultArguments();
        args.get("hostname").setValue("127.0.0.1");
        args.get("port").setValue(Integer.toString(port));
        args.get("timeout").setValue("10000");
        return socket.attach(args);
    }

    /** The next event of {@code kind}, resuming past others (VM start, …); fails after 20 s. */
    private static Event next(VirtualMachine vm, Class<? extends Event> kind) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            EventSet set = vm.eventQueue().remove(1000);
            if (set == null) continue;
            for (Event e : set) {
                if (kind.isInstance(e)) return e;
            }
            set.resume();
        }
        throw new AssertionError("no " + kind.getSimpleName() + " within 20 s");
    }
}
