package org.e2eereview.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.e2eereview.Corpus;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.load.ModelPatch;
import org.e2eereview.rules.Finding;
import org.junit.jupiter.api.Test;

/** The headline is computed from who reads, not taken from what the model declares. */
class HeadlineTest {

    /** The provider's server makes each meeting's key and keeps it: two ways of writing it, one headline. */
    private static final String MEETING = """
            keys:
              session: { generated-on: relay, stored-on: [phone, relay] }
            """;

    @Test
    void aConversationTheProviderReadsByDefaultWithItsOwnKeyIsNotEndToEndEncryptedWhateverItDeclares() throws Exception {
        Review declaredOn = review(MEETING);
        assertThat(declaredOn.verdict()).isEqualTo(Review.Verdict.NOT_END_TO_END_BY_DEFAULT);
        assertThat(declaredOn.contradicted()).containsExactly("chat");
        assertThat(declaredOn.notEndToEndByDefaultSaid())
                .containsExactly("chat (declared end-to-end by default, but the provider holds its keys)");
        Finding f = declaredOn.weakenings().stream().map(Reviewed::finding)
                .filter(x -> x.id().equals("PROVIDER-PLAINTEXT@chat")).findFirst().orElseThrow();
        assertThat(f.message()).contains("contradicts its declaration as end-to-end encrypted by default")
                .contains("although the service is presented as end-to-end encrypted");

        Review declaredOff = review(MEETING + "conversations:\n  chat:\n    end-to-end: { available: false }\n");
        assertThat(declaredOff.verdict()).isEqualTo(declaredOn.verdict());
        assertThat(declaredOff.contradicted()).isEmpty();
    }

    @Test
    void aKeyOnlyTheMembersHoldLeavesTheDeclarationStanding() throws Exception {
        Review r = review("");
        assertThat(r.contradicted()).isEmpty();
        assertThat(r.verdict()).isNotEqualTo(Review.Verdict.NOT_END_TO_END_BY_DEFAULT);
    }

    private static Review review(String patch) throws Exception {
        return Corpus.reviewer().review(new ModelLoader().parse("meeting.yaml",
                ModelPatch.apply(Corpus.rules().testBase(), patch)));
    }
}
