package org.e2eereview.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SuggestTest {

    @Test
    void suggestsTheClosestNameWithinAFewEdits() {
        List<String> fields = List.of("membership", "members", "metadata-protection");
        assertThat(Suggest.closest("membrship", fields)).isEqualTo("membership");
        assertThat(Suggest.closest("memebrs", fields)).as("a swap of neighbours is one edit").isEqualTo("members");
        assertThat(Suggest.closest("Members", fields)).isEqualTo("members");
    }

    /** A newcomer wrote "kind: push" for push-service and was told nothing. */
    @Test
    void suggestsTheOneLongerNameThatHasTheWordWritten() {
        List<String> kinds = List.of("server", "push-service", "backup-service", "key-directory", "hsm");
        assertThat(Suggest.closest("push", kinds)).isEqualTo("push-service");
        assertThat(Suggest.closest("directory", kinds)).isEqualTo("key-directory");
        assertThat(Suggest.closest("service", kinds)).as("two names have it: none is the one meant").isNull();
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertThat(Suggest.closest("colour", List.of("kind", "name", "run-by"))).isNull();
        assertThat(Suggest.hint("x", List.of())).isEmpty();
    }

    @Test
    void distanceCountsEdits() {
        assertThat(Suggest.distance("server", "sever")).isEqualTo(1);
        assertThat(Suggest.distance("abc", "bac")).isEqualTo(1);
        assertThat(Suggest.distance("", "abc")).isEqualTo(3);
    }
}
