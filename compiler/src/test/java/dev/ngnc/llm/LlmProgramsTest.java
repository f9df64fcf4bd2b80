package dev.ngnc.llm;

import dev.ngnc.driver.CompiledProgram;
import dev.ngnc.jar.Proc;
import dev.ngnc.jar.SourcePrograms;
import dev.ngnc.rt.llm.TinyGguf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * tbx::llm end to end: ngn programs compiled into jars (and run by {@code ngnc run}) doing real llama.cpp
 * inference on the tiny generated GGUF ({@link TinyGguf}). {@code threads: 1}: on a loaded machine
 * llama.cpp's spinning worker threads are several times slower than one.
 */
@Timeout(300)
class LlmProgramsTest {
    @TempDir
    static Path tmp;

    @BeforeAll
    static void model() {
        TinyGguf.write(tmp.resolve("tiny.gguf"));
    }

    private static CompiledProgram compile(String name, String source) throws IOException {
        return SourcePrograms.compile(tmp, name, source);
    }

    private static Path jar(String name, String source) throws IOException {
        return SourcePrograms.jar(tmp, name, source);
    }

    private static Proc runJar(Path jar, String... jvmOptions) {
        List<String> cmd = new ArrayList<>(List.of(Proc.currentJava()));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-jar", jar.toString()));
        return Proc.run(cmd, tmp);
    }

    static final String GENERATE = """
            import { load, generate, stream } from "tbx::llm"

            fn main() {
              match (load("./tiny.gguf", { threads: 1, context: 256 })) {
                Ok(m) => {
                  const opts = { max_tokens: 20, temperature: 0, seed: 11 }
                  var whole = ""
                  match (generate(m, "once upon a time", opts)) {
                    Ok(s) => {
                      whole = s
                      print("generate ${s.length()}: ${s}")
                    },
                    Error(e) => print("error: ${e}")
                  }
                  var joined = ""
                  var chunks = 0
                  for (c in stream(m, "once upon a time", opts)) {
                    joined = joined + c
                    chunks = chunks + 1
                  }
                  print("stream same: ${joined == whole}, several chunks: ${chunks > 1}")
                  match (generate(m, "once upon a time", { max_tokens: 7, temperature: 0, seed: 11 })) {
                    Ok(s) => print("short ${s.length()}"),
                    Error(e) => print("error: ${e}")
                  }
                },
                Error(e) => print("load error: ${e}")
              }
            }
            """;

    @Test
    void generateIsDeterministicAndStreamYieldsTheSameText() throws IOException {
        Path jar = jar("gen", GENERATE);
        Proc first = runJar(jar);
        Proc second = runJar(jar);
        assertEquals(0, first.exit(), first.err());
        assertEquals("", first.err(), "no JVM native-access warning, no llama.cpp log");
        List<String> lines = first.out().lines().toList();
        assertTrue(lines.get(0).matches("generate 20: .{20}"), first.out());
        assertEquals("stream same: true, several chunks: true", lines.get(1));
        assertEquals("short 7", lines.get(2));
        assertEquals(first.out(), second.out(), "temperature 0 with a fixed seed: the same text on every run");
    }

    @Test
    void otherFibersRunWhileModelsGenerateAndOneModelServesTwoFibers() throws IOException {
        Proc p = runJar(jar("fibers", """
                import { load, generate, stream } from "tbx::llm"

                global MODEL = load("./tiny.gguf", { threads: 1 })

                fn main() {
                  match (MODEL) {
                    Ok(m) => {
                      const done = channel<string>()
                      const ticks = state(0)
                      const stop = state(false)
                      thread(|| {
                        while (!stop.read()) {
                          sleep(2)
                          ticks.update(|t| t + 1)
                        }
                      })
                      thread(|| {
                        match (generate(m, "first", { max_tokens: 300, temperature: 0, seed: 1 })) {
                          Ok(s) => done <- "generate ${s.length()}",
                          Error(e) => done <- "error ${e}"
                        }
                      })
                      thread(|| {
                        var text = ""
                        for (c in stream(m, "second", { max_tokens: 300, temperature: 0, seed: 1 })) {
                          text = text + c
                        }
                        done <- "stream ${text.length()}"
                      })
                      const a = <- done
                      const seen = ticks.read()
                      const b = <- done
                      stop.write(true)
                      print(a)
                      print(b)
                      print("ticked while generating: ${seen >= 5}")
                    },
                    Error(e) => print(e)
                  }
                }
                """));
        assertEquals(0, p.exit(), p.err());
        List<String> lines = p.out().lines().toList();
        assertEquals(3, lines.size(), p.out());
        assertEquals(java.util.Set.of("generate 300", "stream 300"), java.util.Set.copyOf(lines.subList(0, 2)));
        assertEquals("ticked while generating: true", lines.get(2));
        assertEquals("", p.err());
    }

    @Test
    void closingTheStreamCancelsTheGeneration() throws IOException {
        // a million tokens would outlast Proc's 120 s limit: the program ends only if the close stops them
        Proc p = runJar(jar("cancel", """
                import { load, generate, stream } from "tbx::llm"

                fn main() {
                  match (load("./tiny.gguf", { threads: 1 })) {
                    Ok(m) => {
                      const ch = stream(m, "go on", { max_tokens: 1000000, temperature: 0 })
                      const a = <- ch
                      const b = <- ch
                      ch.close()
                      print("got two: ${(a + b).length()}")
                      match (generate(m, "next", { max_tokens: 4, temperature: 0 })) {
                        Ok(s) => print("model free again: ${s.length()}"),
                        Error(e) => print(e)
                      }
                    },
                    Error(e) => print(e)
                  }
                }
                """));
        assertEquals(0, p.exit(), p.err());
        assertEquals("got two: 2\nmodel free again: 4\n", p.out());
    }

    static final String BAD_INPUT = """
            import { load } from "tbx::llm"

            fn main() {
              for (path in ["./missing.gguf", ".", "./notes.txt", "./half.gguf", "./empty.gguf"]) {
                match (load(path)) {
                  Ok(m) => print("loaded ${path}?"),
                  Error(e) => print(e)
                }
              }
              print("still running")
            }
            """;

    @Test
    void badModelFilesAreErrorValues() throws IOException {
        Files.writeString(tmp.resolve("notes.txt"), "not a model at all, only text");
        byte[] whole = Files.readAllBytes(tmp.resolve("tiny.gguf"));
        Files.write(tmp.resolve("half.gguf"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.write(tmp.resolve("empty.gguf"), new byte[0]);
        Proc p = runJar(jar("bad", BAD_INPUT));
        assertEquals(0, p.exit(), p.err());
        assertEquals("", p.err());
        assertEquals(String.join("\n",
                "Model file not found: ./missing.gguf",
                "Model path is a directory, not a GGUF file: .",
                "Not a GGUF model file: ./notes.txt",
                "Truncated GGUF file ./half.gguf: the tensor data needs " + whole.length + " bytes, the file has "
                        + whole.length / 2,
                "Not a GGUF model file: ./empty.gguf",
                "still running", ""), p.out());
    }

    @Test
    void aPlatformWithoutTheNativeLibraryGetsAnError() throws IOException {
        Proc p = runJar(jar("noarch", """
                import { load } from "tbx::llm"

                fn main() {
                  match (load("./tiny.gguf")) {
                    Ok(m) => print("loaded"),
                    Error(e) => print(e)
                  }
                  print("the rest runs")
                }
                """), "-Dos.arch=sparcv9");
        assertEquals(0, p.exit(), p.err());
        assertEquals("llama.cpp is not available on linux/sparcv9: the llama.cpp binding has no native library for "
                + "this platform\nthe rest runs\n", p.out());
    }

    @Test
    void ngncRunLoadsTheLlmRuntime() throws IOException {
        Path src = tmp.resolve("viaRun.ngn");
        Files.writeString(src, GENERATE);
        Proc p = Proc.run(List.of(Proc.currentJava(), "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.ngnc.cli.Ngnc", "run", src.toString()), tmp);
        assertEquals(0, p.exit(), p.err());
        assertEquals(runJar(jar("gen2", GENERATE)).out(), p.out(), "ngnc run and the jar agree");
    }

    @Test
    void onlyLlmProgramsCarryTheEngine() throws IOException {
        Path hello = jar("hello", "fn main() { print(\"hi\") }\n");
        Path llm = jar("llmjar", BAD_INPUT);
        try (ZipFile h = new ZipFile(hello.toFile()); ZipFile l = new ZipFile(llm.toFile())) {
            assertTrue(h.stream().noneMatch(e -> e.getName().startsWith("dev/ngnc/rt/llm/")
                    || e.getName().startsWith("de/kherud/")), "hello.jar has no LLM runtime");
            assertFalse(new String(h.getInputStream(h.getEntry("META-INF/MANIFEST.MF")).readAllBytes())
                    .contains("Enable-Native-Access"));
            assertNotNull(l.getEntry("dev/ngnc/rt/llm/Llm.class"));
            assertNotNull(l.getEntry("de/kherud/llama/Linux/x86_64/libjllama.so"));
            assertTrue(new String(l.getInputStream(l.getEntry("META-INF/MANIFEST.MF")).readAllBytes())
                    .contains("Enable-Native-Access: ALL-UNNAMED"));
        }
        System.out.println("jar sizes: hello " + Files.size(hello) + " bytes, llm program " + Files.size(llm) + " bytes");
        assertTrue(Files.size(hello) < 1_000_000, "hello.jar stays small: " + Files.size(hello));
        assertTrue(compile("h2", "fn main() { print(1) }\n").usesLlm() == false);
        assertTrue(compile("l2", BAD_INPUT).usesLlm());
    }
}
