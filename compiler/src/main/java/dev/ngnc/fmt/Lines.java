package dev.ngnc.fmt;

import dev.ngnc.lexer.Comment;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the body of a braced list of line-level items (statements, declarations, fields, arms) with their
 * comments: comments before an item go on lines of their own, a comment after an item on its line stays on
 * that line, and a run of blank lines in the source becomes one blank line.
 */
final class Lines {
    private final String src;
    private final CommentQueue comments;
    private final List<Doc> out = new ArrayList<>();
    private int prevEnd;

    Lines(String src, CommentQueue comments, int start) {
        this.src = src;
        this.comments = comments;
        this.prevEnd = start;
    }

    /**
     * Adds one item spanning {@code [start, end)}, rendered by {@code render} (called after its leading
     * comments are taken, so comments inside it go to the blocks inside it). {@code separator} is put after
     * the item when another follows on the next line (a comma between fields), {@code forceBlank} separates it
     * from the previous item by a blank line in any case.
     */
    void add(int start, int end, java.util.function.Supplier<Doc> render, boolean forceBlank) {
        boolean first = true;
        for (Comment c : comments.takeBefore(start)) {
            line(text(c), c.span().start(), c.span().end(), first && forceBlank);
            first = false;
        }
        Doc item = render.get();
        line(item, start, end, first && forceBlank);
        // comments inside the item that no block inside it claimed (in a multi-line call, say) follow it
        for (Comment c : comments.takeBefore(end)) line(text(c), c.span().start(), c.span().end(), false);
        List<Comment> trailing = comments.takeTrailing(prevEnd);
        if (!trailing.isEmpty()) {
            List<Doc> parts = new ArrayList<>();
            parts.add(out.remove(out.size() - 1));
            for (Comment c : trailing) parts.add(Doc.concat(Doc.text(" "), text(c)));
            out.add(Doc.concat(parts));
            prevEnd = trailing.get(trailing.size() - 1).span().end();
        }
    }

    /** Comments left before {@code end} (the closing brace, or the end of the file). */
    void finish(int end) {
        for (Comment c : comments.takeBefore(end)) line(text(c), c.span().start(), c.span().end(), false);
    }

    boolean isEmpty() { return out.isEmpty(); }

    /** The lines separated by line breaks (not indented, not preceded by one). */
    Doc doc() { return Doc.concat(out); }

    private void line(Doc d, int start, int end, boolean forceBlank) {
        if (!out.isEmpty()) {
            out.add(Doc.HARD);
            if (forceBlank || blankBetween(prevEnd, start)) out.add(Doc.HARD);
        }
        out.add(d);
        prevEnd = Math.max(prevEnd, end);
    }

    private boolean blankBetween(int from, int to) {
        int newlines = 0;
        for (int i = Math.max(0, from); i < to && i < src.length(); i++) {
            char ch = src.charAt(i);
            if (ch == '\n') {
                if (++newlines >= 2) return true;
            } else if (!Character.isWhitespace(ch)) {
                newlines = 0; // a ':' or '}' between two items: count the lines after it only
            }
        }
        return false;
    }

    private static Doc text(Comment c) { return Doc.text(c.text()); }
}
