package dev.ngnc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where {@code ngnc compile -o PATH} may write. The jar is written beside the target and renamed over it, which
 * would silently replace a device, a FIFO or a symlink with a regular file; so those are refused or followed, as
 * {@code cp} does: a symlink is written through (its final target is replaced), anything that exists and is not a
 * regular file is refused, and a missing folder is an error rather than created.
 */
final class OutputTarget {
    private OutputTarget() { }

    /** Why {@code out} cannot be written, or null when it can. */
    static String problem(Path out) {
        Path target = out;
        if (Files.isSymbolicLink(out)) {
            try {
                target = out.toRealPath();
            } catch (IOException e) {
                return "output '" + out + "' is a symbolic link to a missing file";
            }
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return "output '" + out + "' is not a regular file (a device, FIFO or socket); give a jar file name";
        }
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            return "'" + displayParent(out) + "' in output '" + out + "' is a file, not a folder";
        }
        if (dir != null && !Files.isDirectory(dir)) {
            return "folder '" + displayParent(out) + "' of output '" + out + "' does not exist";
        }
        return null;
    }

    /** The file a symlink finally points at (the one to replace), else {@code out} itself. */
    static Path throughLinks(Path out) {
        if (!Files.isSymbolicLink(out)) return out;
        try {
            return out.toRealPath();
        } catch (IOException e) {
            return out;
        }
    }

    private static String displayParent(Path out) {
        Path p = out.getParent();
        return p == null ? out.toAbsolutePath().getParent().toString() : p.toString();
    }
}
