package org.e2eereview;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.e2eereview.load.InputException;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.load.ModelPatch;
import org.e2eereview.model.Model;
import org.e2eereview.review.Reviewer;
import org.e2eereview.rules.Rule;
import org.e2eereview.rules.RuleSet;
import org.e2eereview.rules.Startup;

/**
 * Every model the project can review in its tests: the examples, each rule's test cases, the
 * new-user corpus, and mutations of the examples from a fixed seed (those that still load).
 */
public final class Corpus {

    private Corpus() {
    }

    /** The bundled rules, loaded once for all tests. */
    public static RuleSet rules() throws InputException {
        RuleSet r = rules;
        if (r == null) rules = r = RuleSet.load(Startup.catalog(), List.of());
        return r;
    }

    private static RuleSet rules;

    /** A reviewer of the bundled rules whose today is fixed, so that acceptances expire the same way every run. */
    public static Reviewer reviewer() throws InputException {
        return new Reviewer(rules(), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    /** The examples, the new-user corpus and every rule's test cases. */
    public static List<Model> reviewed() throws Exception {
        List<Model> models = new ArrayList<>();
        models.addAll(examples());
        models.addAll(newcomers());
        models.addAll(ruleCases(rules()));
        return models;
    }

    /** The YAML files of a folder of the repository, named from its top ("examples"). */
    public static List<Path> files(String dir) throws IOException {
        try (Stream<Path> s = Files.list(Repo.file(dir))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    public static List<Model> examples() throws Exception {
        List<Model> out = new ArrayList<>();
        for (Path p : files("examples")) out.add(new ModelLoader().load(p));
        return out;
    }

    public static List<Model> newcomers() throws Exception {
        List<Model> out = new ArrayList<>();
        for (Path p : files("e2ee-review-core/src/test/resources/newcomer")) out.add(new ModelLoader().load(p));
        return out;
    }

    public static List<Model> ruleCases(RuleSet rules) throws Exception {
        List<Model> out = new ArrayList<>();
        for (Rule r : rules.rules().values()) {
            for (Rule.Case t : r.tests()) {
                out.add(new ModelLoader().parse(r.id() + " [" + t.name() + "]", ModelPatch.apply(rules.testBase(), t.model())));
            }
        }
        return out;
    }

    static final String[] SNIPPETS = {"{", "}", "[", "]", ":", "- ", "&a ", "*a", "!!str ", "'", "\"", "\n", "\t",
            "  ", "null", "~", "true", "yes", "0x1F", "-1", "e2ee-review", "members", "protects", "kind", "<<: *a",
            "\u0000", "\uFEFF", "é", "#"};

    /** A mutated copy of a model's text: one to three random edits. */
    public static String mutate(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && s.length() > 0; e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.insert(at, SNIPPETS[random.nextInt(SNIPPETS.length)]);
                case 1 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(20)));
                case 2 -> s.setCharAt(at, (char) (32 + random.nextInt(95)));
                default -> {
                    int from = random.nextInt(s.length());
                    int len = Math.min(40, s.length() - from);
                    s.insert(at, s.substring(from, from + len));
                }
            }
        }
        return s.toString();
    }

    /** The mutations of the examples that still load, from the same seed as the mutation test. */
    public static List<Model> mutations(int count) throws Exception {
        List<Path> examples = files("examples");
        Random random = new Random(20261124L);
        List<Model> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path example = examples.get(random.nextInt(examples.size()));
            String text = mutate(Files.readString(example, StandardCharsets.UTF_8), random);
            try {
                out.add(new ModelLoader().parse(example.getFileName() + "#" + i, text.getBytes(StandardCharsets.UTF_8)));
            } catch (InputException e) {
                // rejected mutations have no review to check
            }
        }
        return out;
    }
}
