package org.e2eereview.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.e2eereview.analysis.AccessAnalysis;
import org.e2eereview.load.InputException;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.load.ModelPatch;
import org.e2eereview.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleLoadingTest {

    static final String RULE = """
            id: MY-RULE
            title: Group chats without forward secrecy
            kind: weakening
            severity: high
            catalog: NO-FORWARD-SECRECY
            inspects: conversation
            when: conversation.kind == 'group' && !conversation.forward_secrecy
            message: "{{conversation.id}} is a group without forward secrecy"
            remediation: Use MLS.
            tests:
              - name: fires
                expect: [chat]
                model: |
                  conversations:
                    chat: { end-to-end: { forward-secrecy: false } }
              - name: quiet
                expect: []
                model: |
                  conversations:
                    chat: { kind: one-to-one }
            """;

    static Rule parse(String text) throws InputException {
        return RuleSet.parse("rules/MY-RULE.yaml", text.getBytes(StandardCharsets.UTF_8), Startup.catalog());
    }

    @Test
    void aMisspeltFieldInAConditionIsAnErrorAtItsPosition() {
        assertThatThrownBy(() -> parse(RULE.replace("!conversation.forward_secrecy", "!conversation.forward_secrcy")))
                .isInstanceOf(InputException.class)
                .hasMessage("rules/MY-RULE.yaml:7:52: 'when': undefined field 'forward_secrcy'");
    }

    @Test
    void positionsInsideFoldedBlockConditionsAreExact() {
        String folded = RULE.replace("when: conversation.kind == 'group' && !conversation.forward_secrecy",
                "when: >-\n  conversation.kind == 'group'\n  && !conversation.membrship");
        assertThatThrownBy(() -> parse(folded))
                .hasMessage("rules/MY-RULE.yaml:9:19: 'when': undefined field 'membrship'");
    }

    @Test
    void aTypeErrorIsCaughtBeforeAnyModelIsReviewed() {
        assertThatThrownBy(() -> parse(RULE.replace("conversation.kind == 'group'", "conversation.kind == 3")))
                .hasMessageStartingWith("rules/MY-RULE.yaml:7:25: 'when': found no matching overload for '_==_'");
        assertThatThrownBy(() -> parse(RULE.replace("when: conversation.kind == 'group' && !conversation.forward_secrecy",
                "when: conversation.kind")))
                .hasMessageContaining("'when': must be true or false, but is string");
    }

    @Test
    void errorsInMessageTemplatesArePlacedInsideTheMessage() {
        assertThatThrownBy(() -> parse(RULE.replace("{{conversation.id}}", "{{conversation.idd}}")))
                .hasMessage("rules/MY-RULE.yaml:8:25: 'message': undefined field 'idd'");
    }

    @Test
    void unknownCatalogEntryRouteAndFieldAreErrors() {
        assertThatThrownBy(() -> parse(RULE.replace("catalog: NO-FORWARD-SECRECY", "catalog: NO-SUCH")
                .replace("remediation:", "evidence-routes: [teleports]\nevidence-fields: [membership.colour]\nremediation:")))
                .hasMessageContaining("unknown catalog entry 'NO-SUCH'")
                .hasMessageContaining("unknown route 'teleports'")
                .hasMessageContaining("no field 'membership.colour' in a conversation");
    }

    @Test
    void aRuleNeedsCasesThatFireAndCasesThatDoNot() {
        String onlyFiring = RULE.substring(0, RULE.indexOf("  - name: quiet"));
        assertThatThrownBy(() -> parse(onlyFiring))
                .hasMessageContaining("needs a test case where it fires and one where it does not");
    }

    @Test
    void fileNameAndIdMustAgree() {
        assertThatThrownBy(() -> parse(RULE.replace("id: MY-RULE", "id: OTHER")))
                .hasMessageContaining("rule id 'OTHER' does not match the file name 'MY-RULE'");
    }

    @Test
    void userRulesAreAddedAndRunWithTheirTests(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("MY-RULE.yaml"), RULE);
        RuleSet set = RuleSet.load(Startup.catalog(), List.of(dir));
        Rule mine = set.rules().get("MY-RULE");
        assertThat(mine.file()).isEqualTo(dir.resolve("MY-RULE.yaml").toString());
        assertThat(RuleCases.run(set, mine)).allMatch(RuleCases.Outcome::passed);
        assertThat(set.rules()).containsKey("GHOST-PARTICIPANT");
    }

    @Test
    void aCaseCanSayWhatItsFindingsSayAndIsFailedWhenTheyDoNot(@TempDir Path dir) throws Exception {
        String fires = "    expect: [chat]\n";
        assertThat(RULE).contains(fires);
        String expecting = RULE.replace(fires, fires + "    findings:\n      - { on: chat, severity: %s, readers: %s, "
                + "condition: none, message: \"%s\", without-readers: \"%s\" }\n");
        Files.writeString(dir.resolve("MY-RULE.yaml"), expecting.formatted("high", "[]", "is a group", "")
                .replace(", without-readers: \"\"", ""));
        RuleSet right = RuleSet.load(Startup.catalog(), List.of(dir));
        assertThat(RuleCases.run(right, right.rules().get("MY-RULE"))).allMatch(RuleCases.Outcome::passed);
        Files.writeString(dir.resolve("MY-RULE.yaml"), expecting.formatted("low", "[police]", "is a channel", "because"));
        RuleSet wrong = RuleSet.load(Startup.catalog(), List.of(dir));
        RuleCases.Outcome outcome = RuleCases.run(wrong, wrong.rules().get("MY-RULE")).get(0);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.describe()).contains("on chat expected severity low but it is high",
                "expected readers [police] but it names []", "expected the message to contain 'is a channel'",
                "expected why no reader to contain 'because' but it is 'null'");
        assertThatThrownBy(() -> parse(RULE.replace(fires, fires + "    findings: [{ on: room, condition: sometimes }]\n")))
                .hasMessageContaining("'on': room is not among the case's expect ids")
                .hasMessageContaining("'condition': no condition 'sometimes'");
    }

    @Test
    void aUserRuleCannotShadowABundledOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("GHOST-PARTICIPANT.yaml"), RULE.replace("MY-RULE", "GHOST-PARTICIPANT"));
        assertThatThrownBy(() -> RuleSet.load(Startup.catalog(), List.of(dir)))
                .hasMessageContaining("duplicate rule id 'GHOST-PARTICIPANT': already defined in rules/GHOST-PARTICIPANT.yaml");
    }

    @Test
    void aRuleThatFailsToEvaluateIsAnErrorNotASilentMiss(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("MY-RULE.yaml"), RULE.replace(
                "when: conversation.kind == 'group' && !conversation.forward_secrecy", "when: conversation.members[5] == 'x'"));
        RuleSet set = RuleSet.load(Startup.catalog(), List.of(dir));
        Model m = new ModelLoader().parse("m.yaml", set.testBase());
        assertThatThrownBy(() -> new RuleEngine(set).evaluate(m, AccessAnalysis.analyze(m)))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":1:1: rule MY-RULE failed on conversation 'chat': ");
    }

    @Test
    void explainsMustNameWeakeningRulesAndNeverLoop(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("MY-RULE.yaml"), RULE.replace("remediation:", "explains: [NO-SUCH-RULE]\nremediation:"));
        assertThatThrownBy(() -> RuleSet.load(Startup.catalog(), List.of(dir)))
                .hasMessageContaining("rule MY-RULE explains unknown rule 'NO-SUCH-RULE'");
        Files.writeString(dir.resolve("MY-RULE.yaml"), RULE.replace("remediation:", "explains: [MY-RULE]\nremediation:"));
        assertThatThrownBy(() -> RuleSet.load(Startup.catalog(), List.of(dir)))
                .hasMessageContaining("the rules' 'explains' lists form a loop");
    }

    @Test
    void aRuleIsNotAssessedWhereAFieldItNeedsIsNotWritten(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("MY-RULE.yaml"), RULE.replace("remediation:",
                "needs:\n  - field: fallback\n    when: \"conversation.kind == 'group'\"\nremediation:"));
        RuleSet set = RuleSet.load(Startup.catalog(), List.of(dir));
        Model m = new ModelLoader().parse("m.yaml", ModelPatch.apply(set.testBase(),
                "conversations:\n  chat: { fallback: null, end-to-end: { forward-secrecy: false } }\n"));
        RuleEngine.Evaluation e = new RuleEngine(set).evaluate(List.of(set.rules().get("MY-RULE")), m, AccessAnalysis.analyze(m));
        assertThat(e.findings()).isEmpty();
        assertThat(e.notAssessed()).singleElement().satisfies(n -> {
            assertThat(n.rule()).isEqualTo("MY-RULE");
            assertThat(n.element()).isEqualTo("chat");
            assertThat(n.field()).isEqualTo("fallback");
        });
    }
}
