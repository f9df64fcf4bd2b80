package dev.ngnc.bench;

/** Twin of bench/ngn/float_loop.ngn. */
public final class FloatLoop {
    private FloatLoop() {}

    public static void main(String[] args) {
        double sum = 0.0;
        double x = 0.0;
        for (long i = 0; i < 20000; i++) {
            double y = 0.0;
            for (long j = 0; j < 10000; j++) {
                sum = sum + (x * 0.5 + y) / (x + y + 1.0);
                y = y + 1.0;
            }
            x = x + 1.0;
        }
        System.out.println(NgnFormat.f64(sum));
    }
}
