package dev.ngnc.rt.tbx;

import dev.ngnc.rt.value.NgnEnum;
import dev.ngnc.rt.value.Values;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code env} global (spec 11.2): {@code env.NAME} / {@code env.get("NAME")} ⇒
 * {@code Maybe<string>}, {@code env.has("NAME")} ⇒ bool.
 *
 * <p>Values come from dotenv files, then the process environment (dotenv wins). The files, read
 * once by {@link #init(String)} from a base directory, later ones overriding earlier ones:
 * {@code .env}, {@code .env.<NGN_MODE>} ({@code NGN_MODE} from the process environment, default
 * {@code development}), {@code .env.local}. Missing or unreadable files are skipped.
 *
 * <p>File format: each line is trimmed; blank lines and lines starting with {@code #} are
 * skipped; {@code KEY=VALUE} is split at the first {@code =} (key and value trimmed; lines
 * without {@code =} or with an empty key are skipped); a value wrapped in matching
 * {@code "…"} or {@code '…'} loses the quotes; an unquoted value is cut at the first
 * {@code " #"}. No {@code export}, escapes or multi-line values.
 */
public final class EnvLib {
    /** System property naming the base directory (e.g. set by {@code ngnc run} to the entry file's directory). */
    public static final String BASE_DIR_PROPERTY = "ngnc.entryDir";

    private static volatile Map<String, String> dotenv;

    private EnvLib() {
    }

    /**
     * Loads the dotenv files from {@code baseDir}; with {@code null}, from
     * {@link #defaultBaseDir()}. The generated {@code main} calls this once before the program
     * runs; calling it again reloads. {@link #get}/{@link #has} call {@code init(null)} if it
     * never ran.
     */
    public static synchronized void init(String baseDir) {
        Path dir = Path.of(baseDir != null ? baseDir : defaultBaseDir());
        String mode = System.getenv("NGN_MODE");
        if (mode == null || mode.isEmpty()) {
            mode = "development";
        }
        Map<String, String> vars = new HashMap<>();
        for (String name : new String[] {".env", ".env." + mode, ".env.local"}) {
            load(dir.resolve(name), vars);
        }
        dotenv = Collections.unmodifiableMap(vars);
    }

    /**
     * The directory dotenv files are read from when none is given: the system property
     * {@value #BASE_DIR_PROPERTY} if set, else {@code $NGN_WORKDIR} if set, else the current
     * working directory (e.g. for {@code java -jar app.jar}).
     */
    public static String defaultBaseDir() {
        String dir = System.getProperty(BASE_DIR_PROPERTY);
        if (dir == null || dir.isEmpty()) {
            dir = System.getenv("NGN_WORKDIR");
        }
        if (dir == null || dir.isEmpty()) {
            dir = System.getProperty("user.dir", ".");
        }
        return dir;
    }

    private static void load(Path file, Map<String, String> into) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return; // missing/unreadable/not UTF-8: skipped
        }
        into.putAll(parse(text));
    }

    /** The variables a dotenv file's {@code text} defines (see the class comment). */
    static Map<String, String> parse(String text) {
        Map<String, String> out = new HashMap<>();
        for (String raw : text.split("\r?\n|\r", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (key.isEmpty()) {
                continue;
            }
            out.put(key, value(line.substring(eq + 1).strip()));
        }
        return out;
    }

    private static String value(String v) {
        if (v.length() >= 2) {
            char first = v.charAt(0);
            if ((first == '"' || first == '\'') && v.charAt(v.length() - 1) == first) {
                return v.substring(1, v.length() - 1);
            }
        }
        int comment = v.indexOf(" #");
        return comment >= 0 ? v.substring(0, comment).strip() : v;
    }

    private static Map<String, String> vars() {
        Map<String, String> m = dotenv;
        if (m == null) {
            synchronized (EnvLib.class) {
                if (dotenv == null) {
                    init(null);
                }
                m = dotenv;
            }
        }
        return m;
    }

    private static String lookup(String name) {
        String v = vars().get(name);
        return v != null ? v : System.getenv(name);
    }

    /** ngn {@code env.get(name)} / {@code env.NAME}: {@code Value(text)} or {@code Null}. */
    public static NgnEnum get(String name) {
        String v = lookup(name);
        return v == null ? NgnEnum.NULL : NgnEnum.value(v);
    }

    /** ngn {@code env.has(name)}. */
    public static boolean has(String name) {
        return lookup(name) != null;
    }
}
