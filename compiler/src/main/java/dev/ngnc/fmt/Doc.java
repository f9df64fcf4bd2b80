package dev.ngnc.fmt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small Wadler-style document: text, line breaks and groups that print flat when they fit in the width and
 * broken otherwise. Two choices differ from the textbook and make closures read naturally:
 * a hard line (a statement separator inside a block) does not force its enclosing groups to break, and
 * {@link Nest} indents only in broken groups (a block in a flat argument list indents from its line, not
 * from the list), so {@code xs.map(|x| {} ends its line and the body sits one level in.
 */
sealed interface Doc {
    record Text(String text) implements Doc {}
    /** A space (or nothing, when {@code soft}) in a flat group; a newline plus indentation in a broken one. */
    record Line(boolean soft) implements Doc {}
    /** Always a newline; two in a row leave one blank line (indentation is only written before text). */
    record HardLine() implements Doc {}
    record Concat(List<Doc> parts) implements Doc {}
    record Nest(int indent, Doc doc) implements Doc {}
    /** {@code broken}: always laid out broken (blocks, whose statements are separate lines anyway). */
    record Group(Doc doc, boolean broken) implements Doc {}

    Doc EMPTY = new Text("");
    Doc LINE = new Line(false);
    Doc SOFT = new Line(true);
    Doc HARD = new HardLine();

    static Doc text(String s) { return new Text(s); }

    static Doc concat(Doc... parts) { return new Concat(List.of(parts)); }

    static Doc concat(List<Doc> parts) { return new Concat(List.copyOf(parts)); }

    static Doc nest(Doc d) { return new Nest(Layout.INDENT, d); }

    static Doc group(Doc d) { return new Group(d, false); }

    static Doc broken(Doc d) { return new Group(d, true); }

    /** {@code items} separated by {@code sep}. */
    static Doc join(List<Doc> items, Doc sep) {
        List<Doc> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) out.add(sep);
            out.add(items.get(i));
        }
        return new Concat(out);
    }

    /** {@code open items close}: flat as {@code open a, b close}, broken one item per line, indented. */
    static Doc bracketed(String open, List<Doc> items, String close, boolean spaced) {
        if (items.isEmpty()) return text(open + close);
        Doc inner = spaced ? LINE : SOFT;
        return group(concat(text(open), nest(concat(inner, join(items, concat(text(","), LINE)))), inner,
                text(close)));
    }

    /** The first character this document prints, or 0 when it prints nothing. */
    static char firstChar(Doc d) {
        switch (d) {
            case Text t -> {
                return t.text().isEmpty() ? 0 : t.text().charAt(0);
            }
            case Concat c -> {
                for (Doc p : c.parts()) {
                    char ch = firstChar(p);
                    if (ch != 0) return ch;
                    if (!(p instanceof Text) && !(p instanceof Concat) && !(p instanceof Nest) && !(p instanceof Group)) {
                        return ' ';
                    }
                }
                return 0;
            }
            case Nest n -> {
                return firstChar(n.doc());
            }
            case Group g -> {
                return firstChar(g.doc());
            }
            default -> {
                return ' ';
            }
        }
    }

    /** Renders documents into text at a given width. */
    final class Layout {
        static final int INDENT = 4;
        private final int width;
        private final StringBuilder out = new StringBuilder();
        private int col;
        private int pendingIndent = -1;

        private record Cmd(int indent, boolean flat, Doc doc) {}

        Layout(int width) { this.width = width; }

        static String render(Doc d, int width) {
            Layout l = new Layout(width);
            l.print(d);
            return l.out.toString();
        }

        private void print(Doc root) {
            List<Cmd> stack = new ArrayList<>();
            stack.add(new Cmd(0, false, root));
            while (!stack.isEmpty()) {
                Cmd c = stack.remove(stack.size() - 1);
                switch (c.doc()) {
                    case Text t -> write(t.text());
                    case Concat cc -> {
                        for (int i = cc.parts().size() - 1; i >= 0; i--) {
                            stack.add(new Cmd(c.indent(), c.flat(), cc.parts().get(i)));
                        }
                    }
                    case Nest n -> stack.add(new Cmd(c.flat() ? c.indent() : c.indent() + n.indent(), c.flat(), n.doc()));
                    case Group g -> {
                        boolean flat = !g.broken() && (c.flat() || fits(width - col, new Cmd(c.indent(), true, g.doc()), stack));
                        stack.add(new Cmd(c.indent(), flat, g.doc()));
                    }
                    case Line l -> {
                        if (c.flat()) write(l.soft() ? "" : " ");
                        else newline(c.indent());
                    }
                    case HardLine h -> newline(c.indent());
                }
            }
        }

        private void newline(int indent) {
            out.append('\n');
            col = 0;
            pendingIndent = indent;
        }

        private void write(String s) {
            if (s.isEmpty()) return;
            if (pendingIndent > 0) {
                char[] spaces = new char[pendingIndent];
                Arrays.fill(spaces, ' ');
                out.append(spaces);
                col = pendingIndent;
            }
            pendingIndent = -1;
            out.append(s);
            int nl = s.lastIndexOf('\n');
            col = nl < 0 ? col + s.codePointCount(0, s.length()) : s.length() - nl - 1;
        }

        /** Whether {@code next} and what follows it up to the next line break fit in {@code room} columns. */
        private static boolean fits(int room, Cmd next, List<Cmd> rest) {
            List<Cmd> work = new ArrayList<>();
            work.add(next);
            int restIndex = rest.size() - 1;
            while (room >= 0) {
                if (work.isEmpty()) {
                    if (restIndex < 0) return true;
                    work.add(rest.get(restIndex--));
                }
                Cmd c = work.remove(work.size() - 1);
                switch (c.doc()) {
                    case Text t -> {
                        int nl = t.text().indexOf('\n');
                        if (nl >= 0) return room - t.text().codePointCount(0, nl) >= 0;
                        room -= t.text().codePointCount(0, t.text().length());
                    }
                    case Concat cc -> {
                        for (int i = cc.parts().size() - 1; i >= 0; i--) {
                            work.add(new Cmd(c.indent(), c.flat(), cc.parts().get(i)));
                        }
                    }
                    case Nest n -> work.add(new Cmd(c.indent(), c.flat(), n.doc()));
                    case Group g -> work.add(new Cmd(c.indent(), c.flat() && !g.broken(), g.doc()));
                    case Line l -> {
                        if (!c.flat()) return true;
                        room -= l.soft() ? 0 : 1;
                    }
                    case HardLine h -> {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
