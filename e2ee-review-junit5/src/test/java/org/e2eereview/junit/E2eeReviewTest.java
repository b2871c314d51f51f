package org.e2eereview.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.e2eereview.Repo;
import org.e2eereview.catalog.Severity;
import org.e2eereview.review.Review;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class E2eeReviewTest {

    /** A team's own rule: every group conversation, at medium. */
    static final String TEAM_RULE = """
            id: TEAM-NO-GROUPS
            title: Groups need a design review
            kind: weakening
            severity: medium
            catalog: SERVER-CONTROLLED-MEMBERSHIP
            inspects: conversation
            when: conversation.kind == 'group'
            message: "{{conversation.id}} is a group"
            remediation: Bring group designs to the review board.
            tests:
              - { name: a group, expect: [chat], model: "{}" }
              - name: a one-to-one chat
                expect: []
                model: |
                  conversations:
                    chat: { kind: one-to-one }
            """;

    @Test
    void anUnusableModelFailsWithEveryProblemLocatedAndNoInternals() {
        Path model = Repo.file("e2ee-review-core/src/test/resources/malformed/many-errors.yaml");
        UnusableInputError e = assertThrows(UnusableInputError.class, () -> E2eeReview.review(model));
        assertThat(e).isInstanceOf(AssertionFailedError.class).hasNoCause();
        assertThat(Repo.relative(e.getMessage())).isEqualTo("""
                e2ee-review cannot review e2ee-review-core/src/test/resources/malformed/many-errors.yaml:
                e2ee-review-core/src/test/resources/malformed/many-errors.yaml:4:18: bad value 'usr' for 'kind' of party 'users': expected \
                one of user, provider, cloud-vendor, os-vendor, law-enforcement, intelligence-agency, government, \
                escrow-agent, child-safety-organisation, parent, organisation, hardware-vendor, third-party, attacker (did you mean 'user'?)
                e2ee-review-core/src/test/resources/malformed/many-errors.yaml:8:34: unknown party 'nobody' in 'run-by'
                e2ee-review-core/src/test/resources/malformed/many-errors.yaml:8:42: unknown field 'extra' in component 'relay'; allowed: \
                kind, name, run-by, supplied-by, updates, transparency, attestation, code, description""");
        assertThat(e.problems()).extracting(p -> p.location().line()).containsExactly(4, 8, 8);
    }

    @Test
    void aMissingModelSaysSo() {
        UnusableInputError e = assertThrows(UnusableInputError.class, () -> E2eeReview.review(Path.of("no-such.yaml")));
        assertThat(e.getMessage()).isEqualTo("e2ee-review cannot review no-such.yaml:\nno-such.yaml: no such file");
    }

    @Test
    void aBrokenRuleFailsWithItsLocation(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("X.yaml"), "id: X\n");
        E2eeReview.Options options = E2eeReview.with().rules(dir);
        UnusableInputError e = assertThrows(UnusableInputError.class,
                () -> options.review(Repo.file("examples/signal.yaml")));
        assertThat(e.getMessage()).startsWith("e2ee-review cannot load the rules in " + dir + ":\n"
                + dir.resolve("X.yaml") + ":1:1: missing required field 'catalog' in the rule")
                .contains("\n" + dir.resolve("X.yaml") + ":1:1: missing required field 'title' in the rule");
    }

    @Test
    void aTeamsOwnRulesReviewAlongsideTheBundledOnes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("TEAM-NO-GROUPS.yaml"), TEAM_RULE);
        Review review = E2eeReview.with().rules(dir).today(LocalDate.of(2026, 6, 1))
                .review(Repo.file("examples/signal.yaml"));
        assertThat(review.rules().rules()).containsKeys("TEAM-NO-GROUPS", "GHOST-PARTICIPANT");
        E2eeAssertions.assertNotWeakened(review);
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> E2eeAssertions.assertNoFindingsAtOrAbove(review, Severity.MEDIUM));
        assertThat(e.getMessage()).contains("\nMEDIUM   TEAM-NO-GROUPS@group-chat — group-chat is a group\n");
        assertThat(E2eeReview.review(Repo.file("examples/signal.yaml")).rules().rules())
                .as("the defaults are not changed by another's rules").doesNotContainKey("TEAM-NO-GROUPS");
    }

    @Test
    void aBaselineDecidesFindingsAsOnTheCommandLine(@TempDir Path dir) throws Exception {
        Path baseline = Files.writeString(dir.resolve("baseline.yaml"), """
                e2ee-review-baseline: 1
                accepted:
                  GHOST-PARTICIPANT@group-*: { status: accepted, justification: a study model, decided-by: me, until: 2026-12-31 }
                  PROVIDER-KEYED-BACKUP@*: { status: accepted, justification: opt-in, decided-by: me }
                """);
        Path ghost = Repo.file("examples/ghost-proposal.yaml");
        E2eeAssertions.assertNotWeakened(E2eeReview.with().baseline(baseline).today(LocalDate.of(2026, 6, 1)).review(ghost));
        AssertionFailedError expired = assertThrows(AssertionFailedError.class, () -> E2eeAssertions.assertNotWeakened(
                E2eeReview.with().baseline(baseline).today(LocalDate.of(2027, 1, 1)).review(ghost)));
        assertThat(expired.getMessage()).contains("acceptance expired");
        Files.writeString(baseline, "e2ee-review-baseline: 1\naccepted:\n  X@y: { status: accepted, justification: '', decided-by: me }\n");
        UnusableInputError e = assertThrows(UnusableInputError.class,
                () -> E2eeReview.with().baseline(baseline).review(ghost));
        assertThat(e.getMessage()).isEqualTo("e2ee-review cannot use the baseline " + baseline + ":\n" + baseline
                + ":3:43: empty 'justification' of acceptance 'X@y': expected a non-empty string");
    }
}
