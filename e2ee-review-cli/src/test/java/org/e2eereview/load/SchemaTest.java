package org.e2eereview.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.e2eereview.Repo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The checked-in JSON Schema, read by an independent validator the way an editor reads it:
 * every example and the starter model pass it, and the invalid snippets it can judge fail it
 * (as they fail the loader, see MalformedInputTest).
 */
class SchemaTest {

    static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        JsonNode node = new ObjectMapper().readTree(FormatDocsTest.SCHEMA.toFile());
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(node);
    }

    static Stream<Path> examples() throws IOException {
        return Files.list(Repo.file("examples")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleMatchesTheSchema(Path example) throws IOException {
        assertThat(validate(Files.readString(example))).isEmpty();
    }

    @Test
    void theStarterModelMatchesTheSchema() throws IOException {
        try (var in = org.e2eereview.cli.Cli.class.getResourceAsStream("starter.yaml")) {
            assertThat(validate(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))).isEmpty();
        }
    }

    static Stream<String> schemaRejects() throws IOException {
        return Files.readAllLines(MalformedInputTest.CORPUS.resolve("expected.tsv")).stream()
                .map(l -> l.split("\t")).filter(c -> c[2].equals("rejects")).map(c -> c[0]);
    }

    @ParameterizedTest
    @MethodSource("schemaRejects")
    void invalidSnippetsAreRejectedByTheSchemaToo(String file) throws IOException {
        assertThat(validate(Files.readString(MalformedInputTest.CORPUS.resolve(file)))).isNotEmpty();
    }

    @Test
    void aHandfulOfSnippetsIsMarkedForTheSchema() throws IOException {
        assertThat(schemaRejects().count()).isGreaterThanOrEqualTo(15);
    }

    static List<Error> validate(String yamlText) {
        Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yamlText));
        return schema.validate(toJson(root));
    }

    /** YAML 1.2 core-schema reading, as yaml-language-server does: only true/false are booleans. */
    static JsonNode toJson(Node node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof MappingNode m) {
            ObjectNode o = f.objectNode();
            for (NodeTuple t : m.getValue()) o.set(((ScalarNode) t.getKeyNode()).getValue(), toJson(t.getValueNode()));
            return o;
        }
        if (node instanceof SequenceNode s) {
            ArrayNode a = f.arrayNode();
            s.getValue().forEach(n -> a.add(toJson(n)));
            return a;
        }
        ScalarNode s = (ScalarNode) node;
        String v = s.getValue();
        if (s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) return f.textNode(v);
        if (v.equals("true") || v.equals("false")) return f.booleanNode(Boolean.parseBoolean(v));
        if (v.matches("-?[0-9]+")) return f.numberNode(Long.parseLong(v));
        if (v.matches("-?[0-9]+\\.[0-9]+")) return f.numberNode(Double.parseDouble(v));
        if (s.getTag().equals(Tag.NULL)) return f.nullNode();
        return f.textNode(v);
    }
}
