package dev.ngnc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The ngnc version, taken from the Maven project version at build time (a filtered resource). */
public final class Version {
    private Version() {}

    private static volatile String cached;

    /** E.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} if the resource is missing or was not filtered. */
    public static String get() {
        String v = cached;
        if (v == null) {
            v = "unknown";
            try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    String s = p.getProperty("version", "").trim();
                    if (!s.isEmpty() && !s.startsWith("${")) v = s;
                }
            } catch (IOException ignored) {
                // keep "unknown"
            }
            cached = v;
        }
        return v;
    }
}
