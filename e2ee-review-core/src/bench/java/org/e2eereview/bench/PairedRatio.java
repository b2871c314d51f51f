package org.e2eereview.bench;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.e2eereview.load.ModelLoader;
import org.e2eereview.review.Reviewer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The review-to-compose ratio measured in pairs: one compose, then one review of the same text,
 * over and over in one JVM, so that both see the machine in the same state. On a shared host
 * whose speed drifts by half within minutes, JMH's separate forks can put a fast compose next to
 * a slow review (or the reverse); the median of paired ratios does not move with the drift.
 * JMH ({@link ReviewBenchmark}) gives the absolute figures.
 *
 * <p>Arguments: elements, warm-up seconds, measured seconds.
 */
public final class PairedRatio {

    private PairedRatio() {
    }

    public static void main(String[] args) throws Exception {
        int elements = Integer.parseInt(args[0]);
        long warmUp = Long.parseLong(args[1]) * 1_000_000_000L;
        long measured = Long.parseLong(args[2]) * 1_000_000_000L;
        String text = SyntheticModel.generate(elements);
        byte[] yaml = text.getBytes(StandardCharsets.UTF_8);
        Reviewer reviewer = Reviewer.standard(List.of());
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<Double> compose = new ArrayList<>();
        List<Double> review = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        List<Double> cpuRatio = new ArrayList<>();
        long start = System.nanoTime();
        while (System.nanoTime() - start < warmUp + measured) {
            long w0 = System.nanoTime();
            long c0 = cpu.getCurrentThreadCpuTime();
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(64 * 1024 * 1024);
            new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
            long w1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            reviewer.review(new ModelLoader().parse("synthetic.yaml", yaml));
            long w2 = System.nanoTime();
            long c2 = cpu.getCurrentThreadCpuTime();
            if (w0 - start >= warmUp) {
                compose.add((w1 - w0) / 1e6);
                review.add((w2 - w1) / 1e6);
                ratio.add((double) (w2 - w1) / (w1 - w0));
                cpuRatio.add((double) (c2 - c1) / (c1 - c0));
            }
        }
        System.out.printf("elements %d, %d pairs: compose median %.1f ms, review median %.1f ms; "
                        + "review/compose per pair: median %.2f (25%%: %.2f, 75%%: %.2f), in thread CPU time %.2f%n",
                elements, ratio.size(), quantile(compose, 0.5), quantile(review, 0.5), quantile(ratio, 0.5),
                quantile(ratio, 0.25), quantile(ratio, 0.75), quantile(cpuRatio, 0.5));
    }

    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }
}
