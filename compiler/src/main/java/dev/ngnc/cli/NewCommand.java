package dev.ngnc.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ngnc new NAME}: writes a Maven project skeleton {@code NAME/} that builds with ngn-maven-plugin of this
 * ngnc version: a pom, {@code src/main/ngn/main.ngn}, a test {@code src/test/ngn/main_test.ngn} that imports the
 * main code, {@code .gitignore} and a README. Refuses an existing non-empty directory and names that are not
 * usable as a directory and Maven artifactId.
 */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create a Maven project NAME/ for an ngn program (pom with ngn-maven-plugin, main program, a test).")
final class NewCommand implements Callable<Integer> {
    /** A Maven artifactId that is also a portable directory name. */
    static final Pattern VALID_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    @Parameters(index = "0", paramLabel = "NAME", description = "Project (and directory) name: letters, digits, '-', '_', '.'; starts with a letter.")
    String name;

    @Option(names = {"-C", "--directory"}, paramLabel = "DIR", defaultValue = ".",
            description = "Create NAME/ inside DIR (default: the current directory).")
    String parent;

    private final PrintStream out;
    private final PrintStream err;

    NewCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (!VALID_NAME.matcher(name).matches() || name.length() > 100) {
            err.println("ngnc: error: invalid project name '" + name + "': use letters, digits, '-', '_' and '.', starting with a letter (e.g. my-app)");
            return Ngnc.EXIT_USAGE;
        }
        Path dir;
        try {
            dir = Path.of(parent).resolve(name);
        } catch (InvalidPathException e) {
            err.println("ngnc: error: invalid project name '" + name + "'");
            return Ngnc.EXIT_USAGE;
        }
        try {
            if (Files.exists(dir) && !isEmptyDirectory(dir)) {
                err.println("ngnc: error: '" + dir + "' already exists and is not an empty directory; choose another name");
                return Ngnc.EXIT_USAGE;
            }
            for (Map.Entry<String, String> f : files(name, Version.get()).entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            err.println("ngnc: error: cannot write the project '" + dir + "': " + Ngnc.describe(e));
            return Ngnc.EXIT_ERRORS;
        }
        out.println("Created " + dir + "/ (an ngn program built with Maven). Next:");
        out.println("  cd " + dir + " && mvn package && java -jar target/" + name + ".jar");
        out.println("  ngnc test src/test/ngn    # or: mvn test");
        return Ngnc.EXIT_OK;
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** The skeleton: relative path → content. */
    static Map<String, String> files(String name, String version) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("pom.xml", POM.replace("@NAME@", name).replace("@VERSION@", version));
        f.put("src/main/ngn/main.ngn", MAIN);
        f.put("src/test/ngn/main_test.ngn", TEST);
        f.put(".gitignore", "target/\n");
        f.put("README.md", README.replace("@NAME@", name));
        return f;
    }

    private static final String POM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
              <modelVersion>4.0.0</modelVersion>
              <groupId>com.example</groupId>
              <artifactId>@NAME@</artifactId>
              <version>1.0-SNAPSHOT</version>
              <packaging>jar</packaging>

              <properties>
                <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                <!-- the ngnc version (the plugin brings the compiler and the runtime library) -->
                <ngn.version>@VERSION@</ngn.version>
              </properties>

              <build>
                <finalName>${project.artifactId}</finalName>
                <pluginManagement>
                  <!-- packaging jar also runs Maven's standard plugins (they find nothing to do); pinned -->
                  <plugins>
                    <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                    <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
                    <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.2</version></plugin>
                    <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
                    <plugin><artifactId>maven-install-plugin</artifactId><version>3.1.3</version></plugin>
                  </plugins>
                </pluginManagement>
                <plugins>
                  <plugin>
                    <groupId>dev.ngnc</groupId>
                    <artifactId>ngn-maven-plugin</artifactId>
                    <version>${ngn.version}</version>
                    <executions>
                      <execution>
                        <goals>
                          <goal>compile</goal> <!-- src/main/ngn/main.ngn -> target/classes -->
                          <goal>test</goal>    <!-- runs the programs in src/test/ngn with fn main() -->
                          <goal>jar</goal>     <!-- target/@NAME@.jar, runnable with java -jar -->
                        </goals>
                      </execution>
                    </executions>
                  </plugin>
                </plugins>
              </build>
            </project>
            """;

    private static final String MAIN = """
            // The program's entry: fn main() runs when the jar starts. Functions that tests use are exported.
            export fn greeting(name: string): string {
              return "Hello, ${name}!"
            }

            fn main() {
              print(greeting("world"))
            }
            """;

    private static final String TEST = """
            // A test program: fn main() with asserts. It imports the main code by its relative path.
            import { assert } from "tbx::test"
            import { greeting } from "../../main/ngn/main.ngn"

            fn main() {
              assert(greeting("ngn") == "Hello, ngn!")
            }
            """;

    private static final String README = """
            # @NAME@

            An ngn program built with Maven and ngn-maven-plugin.

            ```sh
            mvn package                   # compiles src/main/ngn, runs the tests in src/test/ngn, writes the jar
            java -jar target/@NAME@.jar
            ngnc test src/test/ngn        # the tests without Maven
            ```

            Tests are programs with `fn main()` under `src/test/ngn` that call `assert` from `tbx::test`; they import
            the main code by relative path (`import { greeting } from "../../main/ngn/main.ngn"`).
            """;
}
