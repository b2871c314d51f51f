package org.e2eereview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.e2eereview.analysis.Access;
import org.e2eereview.analysis.Reading;
import org.e2eereview.analysis.Step;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.review.Reviewer;
import org.e2eereview.rules.Finding;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The same model gives the same review whatever order its elements are written in: every example's
 * and new-user model's declarations are shuffled, and what the review says (findings, their readers,
 * conditions, messages and evidence, who can read) is compared, locations aside since they move.
 */
class DeterminismTest {

    private static final List<String> SECTIONS = List.of("parties", "components", "keys", "data", "conversations",
            "flows", "features", "accepted");

    @TestFactory
    Stream<DynamicTest> shufflingDeclarationsChangesNothingTheReviewSays() throws Exception {
        Reviewer reviewer = Corpus.reviewer();
        List<Path> models = new ArrayList<>(Corpus.files("examples"));
        models.addAll(Corpus.files("e2ee-review-core/src/test/resources/newcomer"));
        return models.stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> {
            String text = Files.readString(p);
            String expected = said(reviewer.review(new ModelLoader().parse(p.toString(), bytes(text))));
            for (long seed = 1; seed <= 3; seed++) {
                String shuffled = shuffle(text, new Random(seed));
                assertThat(said(reviewer.review(new ModelLoader().parse(p.toString(), bytes(shuffled)))))
                        .as(p + " shuffled with seed " + seed).isEqualTo(expected);
            }
        }));
    }

    /** Two keys that wrap each other open the same conversations whichever is written first. */
    @Test
    void keysThatWrapEachOtherGiveOneAnswerInEitherOrder() throws Exception {
        String base = """
                e2ee-review: 1
                system: { name: Cycle }
                parties:
                  users: { kind: user }
                  provider: { kind: provider }
                  vendor: { kind: third-party }
                components:
                  phone: { kind: client, run-by: users, supplied-by: provider }
                  vault: { kind: escrow-vault, run-by: vendor }
                data:
                  messages: { kind: message-content, created-on: [phone] }
                conversations:
                  chat: { members: [users], content: [messages], end-to-end: { default: true } }
                keys:
                """;
        String a = "  outer: { kind: escrow, stored-on: [vault], protects: [inner] }\n";
        String b = "  inner: { kind: session, stored-on: [phone], protects: [messages, outer] }\n";
        Reviewer reviewer = Corpus.reviewer();
        String first = said(reviewer.review(new ModelLoader().parse("cycle.yaml", bytes(base + a + b))));
        String second = said(reviewer.review(new ModelLoader().parse("cycle.yaml", bytes(base + b + a))));
        assertThat(second).isEqualTo(first);
        assertThat(first).contains("KEY-ESCROW@outer");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** What a review says, in a fixed order, without locations. */
    static String said(Review r) {
        List<String> lines = new ArrayList<>();
        lines.add("verdict " + r.verdict());
        for (Reviewed w : sorted(r.weakenings())) lines.addAll(finding(w.finding()));
        for (Reviewed w : sorted(r.safetyFeatures())) lines.addAll(finding(w.finding()));
        List<String> access = new ArrayList<>();
        for (Access a : r.access()) {
            StringBuilder s = new StringBuilder("access " + a.conversation() + " " + a.party() + " " + a.condition()
                    + " partial=" + a.partial());
            for (Reading x : a.readings()) {
                s.append(" | ").append(x.route().id()).append(' ').append(x.data()).append(' ').append(x.condition())
                        .append(' ').append(x.through()).append(' ').append(steps(x.evidence().steps()));
            }
            access.add(s.toString());
        }
        Collections.sort(access);
        lines.addAll(access);
        r.objectives().stream().map(o -> "objective " + o).sorted().forEach(lines::add);
        r.notAssessed().stream().map(n -> "not-assessed " + n.rule() + " " + n.element()).sorted().forEach(lines::add);
        r.notes().stream().map(n -> "note " + n.message()).sorted().forEach(lines::add);
        return String.join("\n", lines);
    }

    private static List<Reviewed> sorted(List<Reviewed> rs) {
        return rs.stream().sorted(java.util.Comparator.comparing(w -> w.finding().id())).toList();
    }

    private static List<String> finding(Finding f) {
        List<String> out = new ArrayList<>();
        out.add(f.id() + " " + f.severity() + " " + f.verdict() + " readers=" + f.readers() + " :: " + f.message());
        f.reads().stream().map(x -> "  reads " + x.conversation() + " " + x.party() + " " + x.condition() + " "
                + x.data() + " " + x.through()).sorted().forEach(out::add);
        f.evidence().stream().map(c -> "  chain " + c.title() + " " + steps(c.steps())).sorted().forEach(out::add);
        return out;
    }

    private static String steps(List<Step> steps) {
        return steps.stream().map(Step::text).toList().toString();
    }

    /** The model with the entries of each section in a random order. */
    @SuppressWarnings("unchecked")
    static String shuffle(String text, Random random) {
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : doc.entrySet()) {
            if (SECTIONS.contains(e.getKey()) && e.getValue() instanceof Map<?, ?> m) {
                List<Map.Entry<String, Object>> entries = new ArrayList<>(((Map<String, Object>) m).entrySet());
                Collections.shuffle(entries, random);
                Map<String, Object> section = new LinkedHashMap<>();
                for (var x : entries) section.put(x.getKey(), x.getValue());
                out.put(e.getKey(), section);
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(out);
    }
}
