package dev.ngnc.fmt;

import dev.ngnc.lexer.Comment;

import java.util.ArrayList;
import java.util.List;

/**
 * The comments of one file, handed out in source order as the printer walks the tree: each comment is printed
 * exactly once, by the first line-level item (statement, declaration, field, arm) that claims it, or as part of
 * source the printer copies verbatim.
 */
final class CommentQueue {
    private final List<Comment> comments;
    private final boolean[] done;
    private final String src;
    private int next;

    CommentQueue(List<Comment> comments, String src) {
        this.comments = comments;
        this.done = new boolean[comments.size()];
        this.src = src;
    }

    /** Takes every not yet printed comment that starts before {@code offset}. */
    List<Comment> takeBefore(int offset) {
        List<Comment> out = new ArrayList<>();
        skipDone();
        while (next < comments.size() && comments.get(next).span().start() < offset) {
            if (!done[next]) out.add(comments.get(next));
            done[next++] = true;
        }
        return out;
    }

    /** Takes the comments that follow {@code end} on its line (the trailing comments of the item ending there). */
    List<Comment> takeTrailing(int end) {
        List<Comment> out = new ArrayList<>();
        int from = end;
        skipDone();
        while (next < comments.size()) {
            Comment c = comments.get(next);
            if (c.span().start() < from || !onlySpaces(from, c.span().start())) break;
            out.add(c);
            done[next++] = true;
            skipDone();
            from = c.span().end();
            if (!c.block()) break;
        }
        return out;
    }

    /** Whether a comment not yet printed starts inside {@code [start, end)}. */
    boolean anyWithin(int start, int end) {
        for (int i = next; i < comments.size(); i++) {
            int s = comments.get(i).span().start();
            if (s >= end) return false;
            if (s >= start && !done[i]) return true;
        }
        return false;
    }

    /** Marks the comments inside {@code [start, end)} as printed: the verbatim source there carries them. */
    void skipWithin(int start, int end) {
        for (int i = next; i < comments.size() && comments.get(i).span().start() < end; i++) {
            if (comments.get(i).span().start() >= start) done[i] = true;
        }
    }

    List<Comment> takeAll() { return takeBefore(Integer.MAX_VALUE); }

    private void skipDone() {
        while (next < comments.size() && done[next]) next++;
    }

    private boolean onlySpaces(int from, int to) {
        for (int i = from; i < to && i < src.length(); i++) {
            char ch = src.charAt(i);
            if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\f' && ch != '\u000B') return false;
        }
        return true;
    }
}
