package org.e2eereview.archunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.e2eereview.Corpus;
import org.e2eereview.Repo;
import org.e2eereview.review.Review;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;

/**
 * examples/java-messenger: a model and two versions of its code. The rules catch the relay using the
 * phone's identity key class in violating/, and pass fixed/, which is the same code without it.
 */
class SampleMessengerTest {

    static final Path SAMPLE = Repo.file("examples/java-messenger");
    static final Path MODEL = SAMPLE.resolve("model.yaml");

    @Test
    void theRelayReadingThePhonesIdentityKeyIsCaught(@TempDir Path out) throws Exception {
        JavaClasses classes = Compiled.tree(SAMPLE.resolve("violating"), out);
        ModelArchRules rules = ModelArchRules.from(MODEL);
        // Named as violations name it, which depends on the folder the test runs in.
        String shown = ModelArchRules.displayed(MODEL.toString());
        String relay = "Component 'relay' (" + shown + ":" + lineOf("  relay:") + ")";
        String key = "key 'identity-key' (" + shown + ":" + lineOf("  identity-key:") + ")";
        assertThatThrownBy(() -> rules.check(classes)).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Architecture Violation [Priority: MEDIUM] - Rule 'classes of each key in")
                .hasMessageNotContaining("crypto primitives should")
                .hasMessageContaining("Rule 'classes of each key in " + shown + " should only be "
                        + "used by the key's own classes and by code of components that hold the key, because only "
                        + "the components the model says hold a key")
                .hasMessageContaining(relay + " uses " + key + ", held only by 'phone': Method "
                        + "<org.example.messenger.server.Relay.fromKnownSender("
                        + "org.example.messenger.client.IdentityKey, java.security.PublicKey)> calls method "
                        + "<org.example.messenger.client.IdentityKey.publicKey()> in (Relay.java:");
        List<String> lines = rules.keysStayWithTheirHolders().evaluate(classes).getFailureReport().getDetails();
        assertThat(lines).as("every violation is the relay using the key class").isNotEmpty()
                .allSatisfy(l -> assertThat(l).startsWith(relay + " uses " + key + ", held only by 'phone': ")
                        .contains("<org.example.messenger.server.Relay.fromKnownSender(")
                        .containsPattern("\\(Relay\\.java:\\d+\\)$"));
        String doc = Files.readString(Repo.file("docs/archunit.md"));
        assertThat(lines.stream().map(Repo::relative)).as("the doc shows a real violation").anyMatch(doc::contains);
        for (ArchRule other : rules.rules().subList(1, rules.rules().size())) {
            assertThat(other.evaluate(classes).hasViolation()).as(other.getDescription()).isFalse();
        }
    }

    @Test
    void theFixedMessengerPassesEveryRule(@TempDir Path out) throws Exception {
        JavaClasses classes = Compiled.tree(SAMPLE.resolve("fixed"), out);
        ModelArchRules.from(MODEL).check(classes);
    }

    /** So that the passing variant proves the fix, not some other difference. */
    @Test
    void theTwoVariantsDifferOnlyInTheRelay() throws IOException {
        List<Path> violating = files(SAMPLE.resolve("violating"));
        assertThat(violating).isEqualTo(files(SAMPLE.resolve("fixed")));
        for (Path f : violating) {
            boolean same = Files.readString(SAMPLE.resolve("violating").resolve(f))
                    .equals(Files.readString(SAMPLE.resolve("fixed").resolve(f)));
            assertThat(same).as(f.toString()).isEqualTo(!f.endsWith("Relay.java"));
        }
    }

    /** The model is a design the review reads like any other example: only the sample's missing forward secrecy. */
    @Test
    void theModelReviewsCleanly() throws Exception {
        Review r = Corpus.reviewer().review(MODEL);
        assertThat(r.weakenings()).extracting(w -> w.finding().id() + " " + w.finding().severity().yamlName())
                .containsExactly("NO-FORWARD-SECRECY@chat medium");
        assertThat(r.safetyFeatures()).isEmpty();
        assertThat(r.access()).isEmpty();
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    private static int lineOf(String start) throws IOException {
        List<String> lines = Files.readAllLines(MODEL);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) return i + 1;
        }
        throw new AssertionError("no line starts with " + start);
    }
}
