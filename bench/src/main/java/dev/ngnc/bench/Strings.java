package dev.ngnc.bench;

/** Twin of bench/ngn/strings.ngn: interpolation (string concatenation), split, replace, upper, contains, length. */
public final class Strings {
    private Strings() {}

    public static void main(String[] args) {
        long total = 0;
        for (long i = 0; i < 2_000_000; i++) {
            String line = "item-" + i + ",name " + (i % 7) + ",x";
            String[] parts = line.split(",", -1);
            total += parts.length;
            String r = line.replace("item", "it");
            total += r.codePointCount(0, r.length());
            String u = parts[1].toUpperCase();
            if (u.contains("NAME 3")) total += 1;
            total += u.codePointCount(0, u.length());
        }
        System.out.println(total);
    }
}
