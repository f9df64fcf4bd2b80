package dev.ngnc.rt.llm;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;

/**
 * The hand-written Java twin of bench/ngn/llm_generate.ngn (run by bench/llm.sh): the same model, load
 * options and generation parameters through the binding directly, timing each generation the same way
 * (wall-clock milliseconds around the call). Usage: {@code GenerateBench MODEL THREADS TOKENS RUNS}.
 */
public final class GenerateBench {
    private GenerateBench() {}

    public static void main(String[] args) {
        String model = args[0];
        int threads = Integer.parseInt(args[1]);
        int tokens = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        ModelParameters p = new ModelParameters().setModel(model).disableLog();
        if (threads > 0) p.setThreads(threads).setThreadsBatch(threads);
        LlamaModel m = new LlamaModel(p);
        String warm = m.complete(params(tokens));
        System.out.println("warm-up " + warm.length() + " chars");
        for (int i = 0; i < runs; i++) {
            long t0 = System.currentTimeMillis();
            m.complete(params(tokens));
            System.out.println(System.currentTimeMillis() - t0);
        }
        System.out.flush();
        Runtime.getRuntime().halt(0); // the binding's server thread would keep the JVM alive
    }

    private static InferenceParameters params(int tokens) {
        return new InferenceParameters("The quick brown fox").setNPredict(tokens).setTemperature(0f).setTopP(0.95f)
                .setTopK(40).setSeed(1);
    }
}
