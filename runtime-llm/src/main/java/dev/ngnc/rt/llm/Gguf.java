package dev.ngnc.rt.llm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks a model file before llama.cpp sees it. llama.cpp trusts the sizes in a GGUF header: a truncated
 * file is memory-mapped and read past its end (SIGBUS, the JVM dies), and some malformed headers make it
 * abort(). So the whole header — key/values, tensor infos — is walked here with every length bounded by
 * the file size, and the tensor data must fit in the file. A problem is a message for {@code Error(…)}.
 */
final class Gguf {
    private Gguf() {}

    static final int MAGIC = 0x46554747; // "GGUF" little-endian
    private static final int MAX_DIMS = 4;   // GGML_MAX_DIMS

    /** @return null when {@code file} looks like a complete GGUF (v2/v3), else the error message */
    static String check(String shown, Path file) {
        if (!Files.exists(file)) return "Model file not found: " + shown;
        if (Files.isDirectory(file)) return "Model path is a directory, not a GGUF file: " + shown;
        if (!Files.isRegularFile(file)) return "Model path is not a regular file: " + shown;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return new Walker(ch, shown).walk();
        } catch (AccessDeniedException e) {
            return "Cannot read model file " + shown + ": permission denied";
        } catch (NoSuchFileException e) {
            return "Model file not found: " + shown;
        } catch (IOException e) {
            return "Cannot read model file " + shown + ": " + e.getMessage();
        }
    }

    private static final class Truncated extends Exception {
        private static final long serialVersionUID = 1L;

        Truncated(String what) {
            super(what, null, false, false);
        }
    }

    /** Sequential little-endian reads through a buffer, never past the file's size. */
    private static final class Walker {
        private final FileChannel ch;
        private final String shown;
        private final long size;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        private long bufStart; // file offset of buf[0]
        private String section = "header"; // for the truncation message

        Walker(FileChannel ch, String shown) throws IOException {
            this.ch = ch;
            this.shown = shown;
            this.size = ch.size();
            buf.limit(0);
        }

        String walk() throws IOException {
            try {
                if (size < 24) return notGguf();
                if (i32() != MAGIC) return notGguf();
                int version = i32();
                if (version < 2 || version > 3) {
                    return "Unsupported GGUF version " + Integer.toUnsignedString(version) + " in " + shown
                            + " (llama.cpp reads versions 2 and 3)";
                }
                long tensors = i64();
                long kvs = i64();
                if (tensors < 0 || kvs < 0 || tensors > size || kvs > size) return truncated("header counts");
                long alignment = 32;
                section = "metadata";
                for (long i = 0; i < kvs; i++) {
                    String key = string();
                    int type = i32();
                    if (key.equals("general.alignment") && type == 4) {
                        alignment = Integer.toUnsignedLong(i32());
                        if (alignment == 0 || (alignment & (alignment - 1)) != 0) {
                            return "Invalid GGUF file " + shown + ": alignment " + alignment + " is not a power of two";
                        }
                    } else if (!skipValue(type, 0)) {
                        return "Invalid GGUF file " + shown + ": unknown value type " + type + " for key " + key;
                    }
                }
                long dataNeeded = 0;
                section = "tensor table";
                for (long i = 0; i < tensors; i++) {
                    String name = string();
                    int dims = i32();
                    if (dims < 1 || dims > MAX_DIMS) {
                        return "Invalid GGUF file " + shown + ": tensor " + name + " has " + dims + " dimensions";
                    }
                    long elements = 1;
                    for (int d = 0; d < dims; d++) {
                        long n = i64();
                        if (n < 0 || (n != 0 && elements > Long.MAX_VALUE / n)) {
                            return "Invalid GGUF file " + shown + ": tensor " + name + " has a bad shape";
                        }
                        elements *= n;
                    }
                    int type = i32();
                    long offset = i64();
                    long bytes = TensorTypes.bytes(type, elements);
                    if (bytes < 0) {
                        return "Unsupported GGUF file " + shown + ": tensor " + name + " has unknown type " + type;
                    }
                    if (offset < 0 || offset > Long.MAX_VALUE / 4 || bytes > Long.MAX_VALUE / 4) {
                        return "Invalid GGUF file " + shown + ": tensor " + name + " has a bad offset or size";
                    }
                    dataNeeded = Math.max(dataNeeded, offset + bytes);
                }
                long dataStart = (position() + alignment - 1) / alignment * alignment;
                if (dataStart + dataNeeded > size) {
                    return "Truncated GGUF file " + shown + ": the tensor data needs " + (dataStart + dataNeeded)
                            + " bytes, the file has " + size;
                }
                return null;
            } catch (Truncated t) {
                return truncated(t.getMessage());
            }
        }

        private String notGguf() {
            return "Not a GGUF model file: " + shown;
        }

        private String truncated(String where) {
            return "Truncated GGUF file " + shown + ": it ends inside the " + where;
        }

        private long position() {
            return bufStart + buf.position();
        }

        private void need(long n, String what) throws IOException, Truncated {
            if (position() + n > size) throw new Truncated(what);
            if (buf.remaining() >= n) return;
            long pos = position();
            buf.clear();
            bufStart = pos;
            ch.position(pos);
            while (buf.position() < Math.min(buf.capacity(), size - pos)) {
                if (ch.read(buf) < 0) break;
            }
            buf.flip();
            if (buf.remaining() < n && n <= buf.capacity()) throw new Truncated(what);
        }

        private int i32() throws IOException, Truncated {
            need(4, section);
            return buf.getInt();
        }

        private long i64() throws IOException, Truncated {
            need(8, section);
            return buf.getLong();
        }

        private void skip(long n, String what) throws IOException, Truncated {
            if (position() + n > size) throw new Truncated(what);
            if (buf.remaining() >= n) {
                buf.position(buf.position() + (int) n);
            } else {
                long target = position() + n;
                buf.limit(0);
                bufStart = target;
            }
        }

        private String string() throws IOException, Truncated {
            long len = i64();
            if (len < 0 || len > size - position()) throw new Truncated(section);
            if (len > 1 << 16) { // keys and names are short; a long one is skipped, not decoded
                skip(len, section);
                return "";
            }
            need(len, section);
            byte[] b = new byte[(int) len];
            buf.get(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        /** Skips one value of GGUF type {@code type}; false for an unknown type. */
        private boolean skipValue(int type, int depth) throws IOException, Truncated {
            switch (type) {
                case 0, 1, 7 -> skip(1, section);
                case 2, 3 -> skip(2, section);
                case 4, 5, 6 -> skip(4, section);
                case 10, 11, 12 -> skip(8, section);
                case 8 -> {
                    long len = i64();
                    if (len < 0) throw new Truncated(section);
                    skip(len, section);
                }
                case 9 -> {
                    if (depth > 2) return false;
                    int elem = i32();
                    long n = i64();
                    if (n < 0 || n > size) throw new Truncated(section);
                    int fixed = switch (elem) {
                        case 0, 1, 7 -> 1;
                        case 2, 3 -> 2;
                        case 4, 5, 6 -> 4;
                        case 10, 11, 12 -> 8;
                        default -> 0;
                    };
                    if (fixed > 0) {
                        if (n > (size - position()) / fixed) throw new Truncated(section);
                        skip(n * fixed, section);
                    } else {
                        for (long i = 0; i < n; i++) {
                            if (!skipValue(elem, depth + 1)) return false;
                        }
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }
    }
}
