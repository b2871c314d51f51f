package org.e2eereview.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.e2eereview.Repo;
import org.e2eereview.catalog.Severity;
import org.e2eereview.model.Location;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.rules.RuleEngine.NotAssessed;
import org.e2eereview.rules.RuleKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.descriptor.UriSource;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class E2eeTestFactoryTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static Review ghost;

    @BeforeAll
    static void review() {
        ghost = E2eeReview.with().today(TODAY).review(E2eeAssertionsTest.GHOST);
    }

    /** What running a dynamic test gives: "passed", "failed: message" or "aborted: message". */
    static String run(DynamicTest test) throws Throwable {
        try {
            test.getExecutable().execute();
            return "passed";
        } catch (AssertionFailedError e) {
            return "failed: " + e.getMessage();
        } catch (TestAbortedException e) {
            return "aborted: " + e.getMessage();
        }
    }

    /** The tests by container name, then by test name, in the order given. */
    static Map<String, Map<String, DynamicTest>> tree(Stream<DynamicNode> nodes) {
        Map<String, Map<String, DynamicTest>> out = new LinkedHashMap<>();
        nodes.forEach(n -> {
            Map<String, DynamicTest> tests = new LinkedHashMap<>();
            ((DynamicContainer) n).getChildren().forEach(t -> tests.put(t.getDisplayName(), (DynamicTest) t));
            assertThat(out.put(n.getDisplayName(), tests)).as("container names are unique").isNull();
        });
        return out;
    }

    /** "RULE@element" of every test with this outcome ("passed", "failed" or "aborted"). */
    static List<String> outcomes(Review review, Severity failOn, String outcome) throws Throwable {
        List<String> ids = new ArrayList<>();
        for (var container : tree(E2eeTestFactory.perRuleAndElement(review, failOn)).entrySet()) {
            String rule = container.getKey().substring(0, container.getKey().indexOf(':'));
            for (var test : container.getValue().entrySet()) {
                assertThat(test.getKey()).startsWith(rule + "@");
                if (run(test.getValue()).startsWith(outcome)) ids.add(test.getKey());
            }
        }
        return ids;
    }

    static FileSource source(DynamicNode node) {
        URI uri = node.getTestSourceUri().orElseThrow();
        return (FileSource) UriSource.from(uri);
    }

    static String line(Path file, int line) throws Exception {
        return Files.readAllLines(file).get(line - 1);
    }

    @Test
    void aContainerPerWeakeningRuleAndATestPerElementItInspected() {
        var tree = tree(E2eeTestFactory.perRuleAndElement(ghost, Severity.HIGH));
        assertThat(tree.keySet()).containsExactlyElementsOf(ghost.rules().rules().values().stream()
                .filter(r -> r.kind() == RuleKind.WEAKENING).map(r -> r.id() + ": " + r.title()).toList());
        assertThat(tree.get("GHOST-PARTICIPANT: Ghost participant").keySet()).containsExactlyElementsOf(
                ghost.model().conversations().keySet().stream().map(c -> "GHOST-PARTICIPANT@" + c).toList());
        assertThat(tree.get("OUTSIDE-READER: Reader outside the conversation").keySet()).hasSize(ghost.access().size())
                .contains("OUTSIDE-READER@group-chat/law-enforcement");
        assertThat(tree.get("TARGETED-UPDATE: Targeted client update").keySet())
                .containsExactlyElementsOf(ghost.model().components().keySet().stream().map(c -> "TARGETED-UPDATE@" + c).toList());
        assertThat(outline(E2eeTestFactory.perRuleAndElement(ghost, Severity.HIGH))).as("the same every time")
                .isEqualTo(outline(E2eeTestFactory.perRuleAndElement(ghost, Severity.HIGH)));
        @SuppressWarnings("deprecation")
        var byOldName = E2eeTests.perRuleAndElement(ghost, Severity.HIGH);
        assertThat(outline(byOldName)).as("the deprecated E2eeTests gives the same")
                .isEqualTo(outline(E2eeTestFactory.perRuleAndElement(ghost, Severity.HIGH)));
    }

    /**
     * The CLI's JUnit XML and these dynamic tests are the same checks under the same names with the same
     * outcomes, for every example: a check keeps its name whether CI runs the CLI or the team's tests.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("exampleFiles")
    void theTestsAreTheCasesOfTheJUnitXmlReport(Path example) throws Throwable {
        Review review = E2eeReview.with().today(TODAY).review(example);
        List<String> api = new ArrayList<>();
        for (var container : tree(E2eeTestFactory.perRuleAndElement(review, Severity.HIGH)).entrySet()) {
            String rule = container.getKey().substring(0, container.getKey().indexOf(':'));
            for (var test : container.getValue().entrySet()) {
                api.add(rule + " " + test.getKey() + " " + run(test.getValue()).replaceFirst(":[\\s\\S]*", ""));
            }
        }
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
                new org.xml.sax.InputSource(new java.io.StringReader(org.e2eereview.report.JUnitReport.render(review,
                        Severity.HIGH))));
        List<String> xml = new ArrayList<>();
        var cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            var c = (org.w3c.dom.Element) cases.item(i);
            String outcome = c.getElementsByTagName("failure").getLength() > 0 ? "failed"
                    : c.getElementsByTagName("skipped").getLength() > 0 ? "aborted" : "passed";
            xml.add(c.getAttribute("classname") + " " + c.getAttribute("name") + " " + outcome);
        }
        assertThat(api).isNotEmpty().containsExactlyElementsOf(xml);
    }

    /** A @TestFactory on a broken model fails, as an assertion, with every problem located. */
    @Test
    void aBrokenModelFailsTheFactoryWithItsPlaces() {
        Path broken = Repo.file("e2ee-review-core/src/test/resources/malformed/many-errors.yaml");
        UnusableInputError e = org.junit.jupiter.api.Assertions.assertThrows(UnusableInputError.class,
                () -> E2eeTestFactory.perRuleAndElement(broken));
        assertThat(e).isInstanceOf(AssertionFailedError.class).hasNoCause();
        assertThat(e.getMessage()).startsWith("e2ee-review cannot review " + broken + ":\n" + broken + ":4:18: ");
    }

    static List<Path> exampleFiles() throws Exception {
        return org.e2eereview.Corpus.files("examples");
    }

    /** Every node's name and source, one per line, children indented. */
    static String outline(Stream<DynamicNode> nodes) {
        StringBuilder out = new StringBuilder();
        nodes.forEach(n -> {
            out.append(n.getDisplayName()).append(' ').append(n.getTestSourceUri().orElse(null)).append('\n');
            ((DynamicContainer) n).getChildren().forEach(t -> out.append("  ").append(t.getDisplayName()).append(' ')
                    .append(t.getTestSourceUri().orElse(null)).append('\n'));
        });
        return out.toString();
    }

    @Test
    void exactlyTheCountedFindingsAtTheThresholdFail() throws Throwable {
        assertThat(outcomes(ghost, Severity.HIGH, "failed")).containsExactlyInAnyOrder("GHOST-PARTICIPANT@group-chat",
                "GHOST-PARTICIPANT@group-call", "PROVIDER-KEYED-BACKUP@chat-backup");
        assertThat(outcomes(ghost, Severity.INFO, "failed")).containsExactlyInAnyOrderElementsOf(
                ghost.weakenings().stream().map(r -> r.finding().id()).toList());
        assertThat(outcomes(ghost, null, "failed")).as("as --fail-on none").isEmpty();
        assertThat(outcomes(ghost, Severity.HIGH, "aborted")).isEmpty();
    }

    @Test
    void aFailingTestGivesTheFindingWithItsEvidenceAndPointsAtItsModelLine() throws Throwable {
        var ghostRule = tree(E2eeTestFactory.perRuleAndElement(ghost, Severity.HIGH)).get("GHOST-PARTICIPANT: Ghost participant");
        DynamicTest groupChat = ghostRule.get("GHOST-PARTICIPANT@group-chat");
        assertThat(Repo.relative(run(groupChat))).startsWith("failed: CRITICAL GHOST-PARTICIPANT@group-chat — law-enforcement, whatsapp "
                        + "can read group-chat: ")
                .contains("\n    examples/ghost-proposal.yaml:255:22  changes-shown: suppressible\n")
                .contains("\nfix: ");
        Path model = Repo.file("examples/ghost-proposal.yaml");
        FileSource at = source(groupChat);
        assertThat(at.getFile()).isEqualTo(model.toAbsolutePath().toFile());
        assertThat(line(model, at.getPosition().orElseThrow().getLine())).contains("group-chat");

        DynamicTest directChat = ghostRule.get("GHOST-PARTICIPANT@direct-chat");
        assertThat(run(directChat)).isEqualTo("passed");
        assertThat(line(model, source(directChat).getPosition().orElseThrow().getLine())).isEqualTo("  direct-chat:");

        // A rule points at its file when that is on disk. A bundled rule is located as "rules/...", which is on
        // disk in the current folder only when the tests run in the repository's top: named absolutely here.
        Path ruleFile = Repo.file("rules/GHOST-PARTICIPANT.yaml");
        FileSource rule = (FileSource) UriSource.from(E2eeTestFactory.ruleUri(new Location(ruleFile.toString(), 3, 1)));
        assertThat(rule.getFile()).isEqualTo(ruleFile.toFile());
        assertThat(rule.getPosition().orElseThrow().getLine()).isEqualTo(3);
    }

    @Test
    void aRuleOnlyInTheJarIsAClasspathSourceAndATeamRuleItsFile(@TempDir Path dir) throws Throwable {
        URI inJar = E2eeTestFactory.ruleUri(new Location("org/e2eereview/version.properties", 3, 1));
        assertThat(inJar).hasToString("classpath:/org/e2eereview/version.properties?line=3&column=1");
        ClasspathResourceSource resource = ClasspathResourceSource.from(inJar);
        assertThat(resource.getClasspathResourceName()).isEqualTo("org/e2eereview/version.properties");
        assertThat(resource.getPosition().orElseThrow().getLine()).isEqualTo(3);
        assertThat(E2eeTestFactory.ruleUri(new Location("rules/NO-SUCH-RULE.yaml", 1, 1))).isNull();

        Files.writeString(dir.resolve("TEAM-NO-GROUPS.yaml"), E2eeReviewTest.TEAM_RULE);
        Review withTeamRule = E2eeReview.with().rules(dir).today(TODAY).review(Repo.file("examples/signal.yaml"));
        DynamicNode team = E2eeTestFactory.perRuleAndElement(withTeamRule, Severity.MEDIUM)
                .filter(n -> n.getDisplayName().equals("TEAM-NO-GROUPS: Groups need a design review"))
                .findFirst().orElseThrow();
        assertThat(source(team).getFile()).isEqualTo(dir.resolve("TEAM-NO-GROUPS.yaml").toAbsolutePath().toFile());
        assertThat(outcomes(withTeamRule, Severity.MEDIUM, "failed")).contains("TEAM-NO-GROUPS@group-chat")
                .doesNotContain("TEAM-NO-GROUPS@direct-chat");
    }

    @Test
    void anAcceptedFindingIsAbortedWithItsJustification(@TempDir Path dir) throws Throwable {
        Review accepted = E2eeReview.with().today(TODAY).review(E2eeAssertionsTest.ghostAccepted(dir));
        assertThat(outcomes(accepted, Severity.HIGH, "aborted"))
                .containsExactlyInAnyOrder("GHOST-PARTICIPANT@group-chat", "GHOST-PARTICIPANT@group-call");
        DynamicTest groupChat = tree(E2eeTestFactory.perRuleAndElement(accepted, Severity.HIGH))
                .get("GHOST-PARTICIPANT: Ghost participant").get("GHOST-PARTICIPANT@group-chat");
        assertThat(run(groupChat)).startsWith("aborted: CRITICAL GHOST-PARTICIPANT@group-chat — ")
                .endsWith("\naccepted (accepted by review board, until 2026-12-31): only on a warrant we publish");
        Review expired = E2eeReview.with().today(LocalDate.of(2027, 1, 1)).review(E2eeAssertionsTest.ghostAccepted(dir));
        assertThat(outcomes(expired, Severity.HIGH, "failed")).contains("GHOST-PARTICIPANT@group-chat");
    }

    @Test
    void aCheckTheModelGivesNoFieldForIsAborted() throws Throwable {
        Review telegram = E2eeReview.with().today(TODAY).review(Repo.file("examples/telegram-cloud-chats.yaml"));
        assertThat(telegram.notAssessed()).isNotEmpty();
        assertThat(outcomes(telegram, Severity.HIGH, "aborted")).containsExactlyInAnyOrderElementsOf(
                telegram.notAssessed().stream().map(n -> n.rule() + "@" + n.element()).toList());
        NotAssessed n = telegram.notAssessed().get(0);
        assertThat(n.field()).isEqualTo("membership.device-keys-from");
        DynamicTest test = tree(E2eeTestFactory.perRuleAndElement(telegram, Severity.HIGH)).entrySet().stream()
                .filter(e -> e.getKey().startsWith(n.rule() + ":")).findFirst().orElseThrow().getValue()
                .get(n.rule() + "@" + n.element());
        assertThat(run(test)).isEqualTo("aborted: not assessed: membership.device-keys-from is not written ("
                + n.at() + "); the model does not say, so nothing is assumed either way");
        assertThat(source(test).getPosition().orElseThrow().getLine()).isEqualTo(n.at().line());
    }

    /** Below the threshold a finding passes: the threshold, not the finding, decides. */
    @Test
    void aFindingBelowTheThresholdPasses() throws Throwable {
        List<String> passed = outcomes(ghost, Severity.HIGH, "passed");
        assertThat(passed).contains("METADATA-EXPOSURE@delivery-metadata", "TARGETED-UPDATE@web-client");
        assertThat(ghost.weakenings()).filteredOn(r -> r.finding().id().equals("TARGETED-UPDATE@web-client"))
                .extracting(Reviewed::finding).extracting(f -> f.severity()).containsExactly(Severity.LOW);
    }
}
