package dev.ngnc.lsp;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

import java.util.Arrays;

/**
 * Char offsets ↔ LSP positions. The index and spans use Java char offsets, which are UTF-16 code units — the
 * protocol's default position encoding — so a column is an offset minus its line's start.
 */
final class LineMap {
    private final int[] starts;
    private final int length;

    LineMap(String text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
        starts = new int[n];
        int line = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts[line++] = i + 1;
        length = text.length();
    }

    Position position(int offset) {
        offset = Math.max(0, Math.min(offset, length));
        int i = Arrays.binarySearch(starts, offset);
        int line = i >= 0 ? i : -i - 2;
        return new Position(line, offset - starts[line]);
    }

    Range range(int start, int end) { return new Range(position(start), position(end)); }

    /** The offset of {@code p}, clamped into the text (clients may send positions past a line's end). */
    int offset(Position p) {
        if (p == null) return 0;
        int line = Math.max(0, Math.min(p.getLine(), starts.length - 1));
        int lineEnd = line + 1 < starts.length ? starts[line + 1] - 1 : length;
        return Math.max(starts[line], Math.min(starts[line] + Math.max(0, p.getCharacter()), lineEnd));
    }
}
