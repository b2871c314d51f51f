package org.e2eereview.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.e2eereview.Repo;
import org.e2eereview.bench.SyntheticModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The tree kept as a model is read gives the checker the same events as the tree SnakeYAML composes
 * from the same text, which assess used before: each event's kind, value, quoting and position.
 */
class TreeTapTest {

    static Stream<Path> examples() throws Exception {
        try (Stream<Path> files = Files.list(Repo.file("examples"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void givesTheEventsOfTheComposedTree(Path example) throws Exception {
        byte[] bytes = Files.readAllBytes(example);
        assertThat(events(kept(example.toString(), bytes))).isEqualTo(events(composed(example.toString(), bytes)));
    }

    @Test
    void keepsAnchorsAliasesFlowStylesAndQuotingAsComposed() throws Exception {
        String text = ModelLoaderTest.MODEL.replace("members: [users]", "members: *who")
                .replace("conversations:\n", "conversations:\n"
                        + "  dm: &dm { members: &who [users], content: &what [messages], end-to-end: &e2e { default: true } }\n"
                        + "  dm-again: { members: *who, content: *what, end-to-end: *e2e }\n")
                .replace("system: { name: Example, claims-end-to-end: true }",
                        "system:\n  name: \"Quoted\"\n  claims-end-to-end: true\n  description: >-\n    Folded\n    text");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<String> kept = events(kept("m.yaml", bytes));
        assertThat(kept).isEqualTo(events(composed("m.yaml", bytes)));
        assertThat(kept).contains("Scalar DOUBLE_QUOTED Quoted @3:9", "Scalar FOLDED Folded text @5:16");
        // An alias is given as its anchor's node, again, where it is used: the anchored [users] three times.
        assertThat(java.util.Collections.frequency(kept, kept.stream().filter(e -> e.startsWith("Scalar PLAIN users @"))
                .filter(e -> java.util.Collections.frequency(kept, e) > 1).findFirst().orElse(""))).isEqualTo(3);
    }

    @Test
    void aLargeDesignsTreeIsTheComposedOne() throws Exception {
        byte[] bytes = SyntheticModel.generate(3000).getBytes(StandardCharsets.UTF_8);
        assertThat(events(kept("s.yaml", bytes))).isEqualTo(events(composed("s.yaml", bytes)));
    }

    @Test
    void aModelThatDoesNotParseKeepsNoTree() {
        byte[] bytes = "e2ee-review: 1\nsystem: [".getBytes(StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ModelLoader().parseKeepingTree("bad.yaml", bytes))
                .isInstanceOf(InputException.class).hasMessageContaining("bad.yaml:");
    }

    private static Node kept(String name, byte[] bytes) throws InputException {
        ModelLoader.Parsed parsed = new ModelLoader().parseKeepingTree(name, bytes);
        assertThat(parsed.model().file()).isEqualTo(name);
        return parsed.base().node();
    }

    private static Node composed(String name, byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        Node node = YamlReader.composeParsed(name, bytes, problems);
        assertThat(problems).isEmpty();
        return node;
    }

    /** The events NodeEvents gives of a tree, as the checker reads them: kind, quoting, value and where. */
    private static List<String> events(Node root) {
        NodeEvents events = new NodeEvents(root);
        List<String> out = new ArrayList<>();
        for (Event e = events.getEvent(); e != null; e = events.getEvent()) {
            String at = "@" + (e.getStartMark().getLine() + 1) + ":" + (e.getStartMark().getColumn() + 1);
            out.add(e instanceof ScalarEvent s ? "Scalar " + s.getScalarStyle().name() + " " + s.getValue() + " " + at
                    : e.getEventId() + " " + at);
        }
        return out;
    }
}
