package dev.ngnc.bench;

/** Twin of bench/ngn/models.ngn: records/classes, an interface-typed parameter, instance methods. */
public final class Models {
    private Models() {}

    interface Shape {
        long area();
    }

    record Rect(long w, long h) implements Shape {
        public long area() {
            return w * h;
        }
    }

    static final class Point {
        long x;
        long y;

        Point(long x, long y) {
            this.x = x;
            this.y = y;
        }

        long dist(Point o) {
            return Math.abs(x - o.x) + Math.abs(y - o.y);
        }

        Point moved(long dx) {
            return new Point(x + dx, y);
        }
    }

    static long measure(Shape s) {
        return s.area();
    }

    public static void main(String[] args) {
        long total = 0;
        Point p = new Point(0, 0);
        for (long i = 0; i < 200_000_000; i++) {
            Rect r = new Rect(i % 100, 3);
            total += measure(r);
            Point q = p.moved(i % 10);
            total += q.dist(p);
            p.x = p.x + 1;
            p.y = q.x % 7;
        }
        System.out.println(total + p.x + p.y);
    }
}
