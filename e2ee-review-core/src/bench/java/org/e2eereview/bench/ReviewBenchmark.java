package org.e2eereview.bench;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.e2eereview.analysis.AccessAnalysis;
import org.e2eereview.analysis.Analysis;
import org.e2eereview.load.InputException;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.model.Model;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewer;
import org.e2eereview.rules.Finding;
import org.e2eereview.rules.RuleEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Load, analysis, rules and the whole review of synthetic models of 1k, 10k and 100k elements,
 * next to SnakeYAML's compose of the same text as the baseline. Rule and CEL set-up happen once,
 * in setup, as in a long-running process; the CLI pays them once per run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReviewBenchmark {

    @Param({"1000", "10000", "100000"})
    public int elements;

    private byte[] yaml;
    private String text;
    private Model model;
    private Analysis analysis;
    private Reviewer reviewer;
    private RuleEngine engine;

    @Setup(Level.Trial)
    public void setUp() throws InputException {
        text = SyntheticModel.generate(elements);
        yaml = text.getBytes(StandardCharsets.UTF_8);
        reviewer = Reviewer.standard(List.of());
        engine = new RuleEngine(reviewer.rules());
        model = new ModelLoader().parse("synthetic.yaml", yaml);
        analysis = AccessAnalysis.analyze(model);
    }

    @Benchmark
    public Node compose() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
    }

    @Benchmark
    public Model load() throws InputException {
        return new ModelLoader().parse("synthetic.yaml", yaml);
    }

    @Benchmark
    public Analysis analysis() {
        return AccessAnalysis.analyze(model);
    }

    @Benchmark
    public List<Finding> rules() throws InputException {
        return engine.evaluate(model, analysis).findings();
    }

    @Benchmark
    public Review review() throws InputException {
        return reviewer.review(new ModelLoader().parse("synthetic.yaml", yaml));
    }
}
