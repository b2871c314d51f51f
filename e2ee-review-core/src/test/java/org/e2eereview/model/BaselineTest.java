package org.e2eereview.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BaselineTest {

    @Test
    void aStarCoversAnyRunOfCharactersInTheElementPart() {
        assertThat(Baseline.matches("KEY-ESCROW@backup-*", "KEY-ESCROW@backup-ios")).isTrue();
        assertThat(Baseline.matches("KEY-ESCROW@backup-*", "KEY-ESCROW@backup-")).isTrue();
        assertThat(Baseline.matches("KEY-ESCROW@backup-*", "KEY-ESCROW@cloud-backup")).isFalse();
        assertThat(Baseline.matches("KEY-ESCROW@*-backup", "KEY-ESCROW@cloud-backup")).isTrue();
        assertThat(Baseline.matches("KEY-ESCROW@a*b*c", "KEY-ESCROW@a-b-b-c")).isTrue();
        assertThat(Baseline.matches("KEY-ESCROW@a*b*c", "KEY-ESCROW@a-c-b")).isFalse();
        assertThat(Baseline.matches("KEY-ESCROW@*", "KEY-ESCROW-2@x")).as("the rule part is exact").isFalse();
        assertThat(Baseline.matches("KEY-ESCROW@x", "KEY-ESCROW@x")).isTrue();
        assertThat(Baseline.matches("KEY-ESCROW@x", "KEY-ESCROW@xy")).isFalse();
    }

    @Test
    void manyStarsStayCheap() {
        String pattern = "R@" + "*a".repeat(40) + "*b";
        String id = "R@" + "a".repeat(5000);
        assertThat(Baseline.matches(pattern, id)).isFalse();
    }

    @Test
    void theExactIdWinsThenTheMostSpecificPatternThenTheFirst() {
        Acceptance any = entry("GHOST-PARTICIPANT@*");
        Acceptance group = entry("GHOST-PARTICIPANT@group-*");
        Acceptance groupAgain = entry("GHOST-PARTICIPANT@*-chat");
        Acceptance exact = entry("GHOST-PARTICIPANT@group-chat");
        Baseline b = new Baseline("b.yaml", "0", List.of(any, group, groupAgain, exact));
        assertThat(b.match("GHOST-PARTICIPANT@group-chat")).isSameAs(exact);
        assertThat(b.match("GHOST-PARTICIPANT@group-call")).isSameAs(group);
        assertThat(b.match("GHOST-PARTICIPANT@team-chat")).isSameAs(groupAgain);
        assertThat(b.match("GHOST-PARTICIPANT@call")).isSameAs(any);
        assertThat(b.match("KEY-ESCROW@call")).isNull();
        Baseline tie = new Baseline("b.yaml", "0", List.of(groupAgain, entry("GHOST-PARTICIPANT@team-*")));
        assertThat(tie.match("GHOST-PARTICIPANT@team-chat")).as("same weight: the first written").isSameAs(groupAgain);
    }

    private static Acceptance entry(String id) {
        return new Acceptance(id, Acceptance.Status.ACCEPTED, "why", "who", LocalDate.of(2027, 1, 1),
                new Source(new Location("b.yaml", 1, 1), Map.of()));
    }
}
