package org.e2eereview.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.e2eereview.Corpus;
import org.e2eereview.Repo;
import org.e2eereview.diff.ReviewDiff;
import org.e2eereview.load.InputException;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.load.ModelPatch;
import org.e2eereview.model.Model;
import org.e2eereview.model.Safeguard;
import org.e2eereview.review.Review;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Giving up a safeguard in a what-if: every kind the review credits can be given up where the model
 * declares it, and what it was lowering or preventing then appears or gets worse. Each case is the rule
 * tests' base model (rules/_test-base.yaml) with a patch that makes the safeguard bear on a route.
 */
class WhatIfTest {

    /** The key directory without its log, which would otherwise still show a new device's key. */
    private static final String NO_LOG = "components: { directory: { transparency: none } }\n";
    private static final String ENCLAVE = "flows: { to-enclave: { from: phone, to: enclave, carries: [messages], "
            + "protection: transport } }\ncomponents: { enclave: { kind: enclave, run-by: provider, attestation: ";

    /**
     * A design where the safeguard bears on a route, and what giving it up must add to the diff: a finding
     * introduced at a severity, or one whose severity rises.
     */
    static Stream<Arguments> cases() {
        return Stream.of(
                c("member-signed-changes", "{}", "SERVER-CONTROLLED-MEMBERSHIP@chat high"),
                c("signed-device-lists", "{}", "SILENT-DEVICE-ADD@chat medium"),
                c("verified-devices-only", "conversations: { chat: { membership: { device-list-signed: false, "
                        + "unverified-devices: block } } }", "SILENT-DEVICE-ADD@chat medium"),
                c("unverified-device-warnings", NO_LOG + "conversations: { chat: { membership: { "
                        + "device-list-signed: false, unverified-devices: warn } } }", "SILENT-DEVICE-ADD@chat medium->high"),
                c("user-visible-indicators", "conversations: { chat: { membership: { signed-by-members: false } } }",
                        "GHOST-PARTICIPANT@chat critical"),
                c("user-visible-indicators", NO_LOG + "conversations: { chat: { membership: { "
                        + "device-list-signed: false, device-changes-shown: always } } }", "SILENT-DEVICE-ADD@chat medium->high"),
                c("user-visible-indicators", "keys: { session: { stored-on: [phone, relay], shown-to-members: true } }",
                        "PROVIDER-PLAINTEXT@chat high->critical"),
                c("user-visible-indicators", "flows: { archive: { from: phone, to: relay, carries: [messages], "
                        + "protection: transport, shown-to-members: true } }", "PROVIDER-PLAINTEXT@chat high->critical"),
                c("user-visible-indicators", "features: { scan: { kind: content-scanning, runs-on: phone, "
                        + "inspects: [messages], results-to: [provider], initiated-by: automatic, user-informed: true } }",
                        "CLIENT-SIDE-SCANNING@scan high->critical"),
                c("key-transparency", "conversations: { chat: { membership: { verification: [key-transparency] } } }",
                        "UNVERIFIABLE-KEY-DIRECTORY@chat low->high"),
                c("key-transparency", "conversations: { chat: { membership: { verification: [] } } }",
                        "UNVERIFIABLE-KEY-DIRECTORY@chat low->high"),
                c("safety-numbers", NO_LOG + "conversations: { chat: { membership: { verification: [safety-numbers] } } }",
                        "UNVERIFIABLE-KEY-DIRECTORY@chat medium->high"),
                c("key-change-alerts", NO_LOG + "conversations: { chat: { membership: { "
                        + "verification: [key-change-alerts] } } }", "UNVERIFIABLE-KEY-DIRECTORY@chat medium->high"),
                c("contact-key-verification", NO_LOG + "conversations: { chat: { membership: { "
                        + "verification: [contact-key-verification] } } }", "UNVERIFIABLE-KEY-DIRECTORY@chat low->high"),
                c("cross-signing", NO_LOG + "conversations: { chat: { membership: { verification: [cross-signing] } } }",
                        "UNVERIFIABLE-KEY-DIRECTORY@chat medium->high"),
                c("hsm-guess-limits", "{}", "WEAK-RECOVERY-SECRET@backup-key high"),
                c("binary-transparency", "components: { phone: { updates: { per-user-targeting: true, "
                        + "reproducible-builds: false } } }", "TARGETED-UPDATE@phone low->high"),
                c("reproducible-builds", "components: { phone: { updates: { per-user-targeting: true, "
                        + "binary-transparency: false } } }", "TARGETED-UPDATE@phone low->high"),
                c("enclave-attestation", ENCLAVE + "{ verified-by-clients: true, measurement-pinned: true } } }",
                        "PROVIDER-PLAINTEXT@chat critical"),
                c("measurement-pinning", ENCLAVE + "{ verified-by-clients: true, measurement-pinned: true } } }",
                        "ENCLAVE-IMAGE@enclave high"),
                c("image-transparency", ENCLAVE + "{ verified-by-clients: true, image-log: true } } }",
                        "ENCLAVE-IMAGE@enclave medium->high"),
                c("reproducible-builds", ENCLAVE + "{ verified-by-clients: true, reproducible-builds: true } } }",
                        "ENCLAVE-IMAGE@enclave medium->high"),
                c("forward-secrecy", "{}", "NO-FORWARD-SECRECY@chat medium"));
    }

    private static Arguments c(String safeguard, String patch, String worse) {
        return Arguments.of(safeguard, patch, worse);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void givingUpASafeguardMakesWhatItLoweredAppearOrWorsen(String safeguard, String patch, String worse)
            throws Exception {
        Review design = Corpus.reviewer().review(model(patch));
        assertThat(WhatIf.switchable(design)).as("the panel offers it").contains(safeguard);
        WhatIf.Result r = new WhatIf(List.of(), List.of(safeguard), List.of()).apply(Corpus.reviewer(), design);
        assertThat(r.notApplicable()).isEmpty();
        assertThat(WhatIf.switchable(r.changed())).as("given up everywhere").doesNotContain(safeguard);
        assertThat(worse(r.diff())).as("what it lowered or prevented").contains(worse);
    }

    /**
     * Two safeguards no bundled rule or route credits: giving them up is offered and applied, and changes no
     * reader or finding (sealed sender only takes back a claim the review could not assess).
     */
    @Test
    void safeguardsTheReviewDoesNotCreditAreGivenUpWithoutEffect() throws Exception {
        Review design = Corpus.reviewer().review(model("{}"));
        assertThat(WhatIf.switchable(design)).contains("post-compromise-security", "sealed-sender");
        WhatIf.Result r = new WhatIf(List.of(), List.of("post-compromise-security", "sealed-sender"), List.of())
                .apply(Corpus.reviewer(), design);
        var chat = r.changed().model().conversations().get("chat");
        assertThat(chat.endToEnd().postCompromiseSecurity()).isFalse();
        assertThat(chat.metadataProtection()).isEmpty();
        assertThat(worse(r.diff())).isEmpty();
        assertThat(design.notAssessed()).anyMatch(n -> n.field().contains("sealed-sender"));
        assertThat(r.changed().notAssessed()).noneMatch(n -> n.field().contains("sealed-sender"));
    }

    /** Every safeguard the model format knows has a case above or in the test before. */
    @Test
    void everySafeguardCanBeGivenUp() {
        List<String> covered = new ArrayList<>(cases().map(a -> (String) a.get()[0]).toList());
        covered.addAll(List.of("post-compromise-security", "sealed-sender"));
        assertThat(covered).containsAll(Arrays.stream(Safeguard.values()).map(Safeguard::yamlName).toList());
    }

    /** Each patch replaces the list it edits, so two ways of checking keys given up together both go. */
    @Test
    void severalSafeguardsInOneListAreGivenUpTogether() throws Exception {
        Review design = Corpus.reviewer().review(model("{}"));
        WhatIf.Result r = new WhatIf(List.of(), List.of("safety-numbers", "key-transparency"), List.of())
                .apply(Corpus.reviewer(), design);
        assertThat(r.changed().model().conversations().get("chat").membership().verification())
                .containsExactly(org.e2eereview.model.Conversation.Verification.KEY_CHANGE_ALERTS);
        assertThat(r.changed().model().components().get("directory").transparency())
                .isEqualTo(org.e2eereview.model.Component.Transparency.NONE);
    }

    @Test
    void anUnknownSafeguardIsRefusedAndOneNotDeclaredIsNotApplied() throws Exception {
        Review design = Corpus.reviewer().review(model("{}"));
        assertThatThrownBy(() -> new WhatIf(List.of(), List.of("tinfoil"), List.of())
                .apply(Corpus.reviewer(), design))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("unknown safeguard 'tinfoil': known are key-transparency, safety-numbers");
        WhatIf.Result r = new WhatIf(List.of(), List.of("image-transparency"), List.of())
                .apply(Corpus.reviewer(), design);
        assertThat(r.notApplicable()).containsExactly("image-transparency: the design does not declare it");
        assertThat(r.changed()).isSameAs(design);
    }

    /** What got worse, in words: findings introduced or more severe, readers gained or reading more widely. */
    private static List<String> worse(ReviewDiff d) {
        List<String> out = new ArrayList<>();
        d.introduced().forEach(r -> out.add(r.finding().id() + " " + r.finding().severity().yamlName()));
        for (ReviewDiff.Change c : d.changed()) {
            if (c.after().finding().severity().compareTo(c.before().finding().severity()) != 0) {
                out.add(c.after().finding().id() + " " + c.before().finding().severity().yamlName() + "->"
                        + c.after().finding().severity().yamlName());
            }
        }
        d.gainedReaders().forEach(a -> out.add("reader " + a.party() + " of " + a.conversation()));
        d.widened().forEach(w -> out.add("wider " + w.after().party() + " of " + w.after().conversation() + ": "
                + String.join("; ", w.how())));
        return out;
    }

    private static final Path BASE = Repo.file("rules/_test-base.yaml");

    private static byte[] source(String patch) throws Exception {
        return ModelPatch.apply(Files.readAllBytes(BASE), patch);
    }

    private static Model model(String patch) throws Exception {
        return new ModelLoader().parse("model.yaml", source(patch));
    }
}
