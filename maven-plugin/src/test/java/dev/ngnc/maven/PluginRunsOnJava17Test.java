package dev.ngnc.maven;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin's classes load in Maven's JVM, which may be Java 17: they must be class files of version 61 and must
 * not refer to any other {@code dev.ngnc} class (the compiler is Java 21 and runs in the forked JVM only).
 */
class PluginRunsOnJava17Test {
    static Path classesDir() throws URISyntaxException {
        Path p = Path.of(AbstractNgnMojo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(p), "expected target/classes, got " + p);
        return p;
    }

    @Test
    void everyClassIsJava17AndReferencesNoCompilerClass() throws Exception {
        List<String> problems = new ArrayList<>();
        int count = 0;
        try (Stream<Path> all = Files.walk(classesDir())) {
            for (Path f : all.filter(p -> p.toString().endsWith(".class")).toList()) {
                count++;
                byte[] b = Files.readAllBytes(f);
                int major = ((b[6] & 0xff) << 8) | (b[7] & 0xff);
                if (major != 61) problems.add(f.getFileName() + ": class file version " + major);
                for (String ref : typeReferences(b)) {
                    if (ref.startsWith("dev/ngnc/") && !ref.startsWith("dev/ngnc/maven/")) {
                        problems.add(f.getFileName() + " refers to " + ref);
                    }
                }
            }
        }
        assertTrue(count > 5, "only " + count + " classes");
        assertEquals(List.of(), problems);
    }

    private static final java.util.regex.Pattern IN_DESCRIPTOR = java.util.regex.Pattern.compile("L(dev/ngnc/[^;<]+)[;<]");

    /**
     * The classes a class file refers to: its CONSTANT_Class entries and the {@code L...;} types inside its
     * descriptors and signatures (string constants such as a class-file name are data, not references).
     */
    static List<String> typeReferences(byte[] bytes) throws IOException {
        List<String> utf8 = new ArrayList<>();
        List<Integer> classNames = new ArrayList<>();
        try (InputStream in = new java.io.ByteArrayInputStream(bytes); DataInputStream d = new DataInputStream(in)) {
            d.skipBytes(8);
            int n = d.readUnsignedShort();
            utf8.add(null);
            for (int i = 1; i < n; i++) {
                int tag = d.readUnsignedByte();
                String value = null;
                switch (tag) {
                    case 1 -> value = d.readUTF();
                    case 7 -> classNames.add(d.readUnsignedShort());
                    case 3, 4 -> d.skipBytes(4);
                    case 5, 6 -> { d.skipBytes(8); utf8.add(null); i++; }
                    case 8, 16, 19, 20 -> d.skipBytes(2);
                    case 9, 10, 11, 12, 17, 18 -> d.skipBytes(4);
                    case 15 -> d.skipBytes(3);
                    default -> throw new IOException("constant pool tag " + tag);
                }
                utf8.add(value);
            }
        }
        List<String> out = new ArrayList<>();
        for (int idx : classNames) out.add(utf8.get(idx));
        for (String s : utf8) {
            if (s == null) continue;
            java.util.regex.Matcher m = IN_DESCRIPTOR.matcher(s);
            while (m.find()) out.add(m.group(1));
        }
        return out;
    }
}
