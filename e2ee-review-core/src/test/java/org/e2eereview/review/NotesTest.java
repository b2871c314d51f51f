package org.e2eereview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.e2eereview.Corpus;
import org.e2eereview.Repo;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.load.ModelPatch;
import org.junit.jupiter.api.Test;

/** What the review says besides findings: notes on likely slips, checks not assessed, and the verdict. */
class NotesTest {

    static Review review(String patch) throws Exception {
        byte[] base = Files.readAllBytes(Repo.file("rules/_test-base.yaml"));
        return Corpus.reviewer().review(new ModelLoader().parse("m.yaml", ModelPatch.apply(base, patch)));
    }

    @Test
    void theBaseDesignHasNoNotes() throws Exception {
        assertThat(review("").notes()).isEmpty();
        assertThat(review("").notAssessed()).as("sealed sender is declared, and the model cannot show it either way")
                .extracting(n -> n.rule() + " " + n.element() + " " + n.field())
                .containsExactly("METADATA-EXPOSURE chat a data kind for the sender's identity alone (to check sealed-sender)");
    }

    @Test
    void aOneToOneChatWithThreeMemberPartiesIsNoted() throws Exception {
        String parties = "parties:\n  staff: { kind: user }\n  guests: { kind: user }\n";
        Review three = review(parties + "conversations:\n  chat: { kind: one-to-one, members: [users, staff, guests] }\n");
        assertThat(three.notes()).singleElement().satisfies(n -> {
            assertThat(n.message()).startsWith("conversation 'chat' is one-to-one but names 3 member parties");
            assertThat(n.at().line()).isGreaterThan(0);
        });
        assertThat(review(parties + "conversations:\n  chat: { kind: one-to-one, members: [users, staff] }\n").notes())
                .as("two kinds of people at its two ends").isEmpty();
        assertThat(review(parties + "conversations:\n  chat: { members: [users, staff, guests] }\n").notes())
                .as("a group").isEmpty();
    }

    /** A guess limit kept by an HSM, with a wrapped copy written on ordinary storage too: the modeller is asked which. */
    @Test
    void aRecoveryCopyBesideTheGuessLimitingHardwareIsNoted() throws Exception {
        Review elsewhere = review("keys:\n  backup-key: { recovery: { stored-on: [vault, backup] } }\n");
        assertThat(elsewhere.notes()).singleElement().satisfies(n -> {
            assertThat(n.message()).startsWith("key 'backup-key' is recovered from a pin whose guesses 'vault' limits, but a "
                    + "wrapped copy is also on 'backup'");
            assertThat(n.at().line()).isGreaterThan(0);
        });
        assertThat(review("").notes()).as("the copy only where the limit is kept").isEmpty();
        assertThat(review("components:\n  vault2: { kind: hsm, run-by: provider }\n"
                + "keys:\n  backup-key: { recovery: { stored-on: [vault, vault2] } }\n").notes())
                .as("another guess-limiting device, not ordinary storage").isEmpty();
    }

    @Test
    void aFlowFromAComponentThatNeverHasWhatItCarriesIsNoted() throws Exception {
        Review r = review("flows:\n  leak: { from: relay, to: push, carries: [history], protection: transport }\n");
        assertThat(r.notes()).singleElement().satisfies(n -> {
            assertThat(n.message()).isEqualTo("flow 'leak' carries 'history' from 'relay', but nothing puts it there: "
                    + "it is not created or stored on 'relay' and no flow brings it");
            assertThat(n.at().line()).isGreaterThan(0);
        });
    }

    @Test
    void aReplyMadeFromWhatAnAssistantReadsIsNoSlip() throws Exception {
        Review r = review("""
                parties:
                  ai-vendor: { kind: third-party }
                components:
                  assistant: { kind: ai-service, run-by: ai-vendor }
                data:
                  summary: { kind: other, contains: [messages] }
                flows:
                  ask: { from: phone, to: assistant, carries: [messages], protection: transport, occurs: opt-in }
                  answer: { from: assistant, to: phone, carries: [summary], protection: transport, occurs: opt-in }
                """);
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void aRelayRunByWhoeverRunsTheReceiverSeparatesNothing() throws Exception {
        String model = """
                parties:
                  relay-company: { kind: third-party }
                components:
                  ohttp-relay: { kind: other, run-by: %s }
                flows:
                  ask: { from: phone, to: relay, carries: [messages], protection: end-to-end, relay: ohttp-relay }
                """;
        assertThat(review(model.formatted("relay-company")).notes()).isEmpty();
        assertThat(review(model.formatted("provider")).notes()).singleElement().satisfies(n -> assertThat(n.message())
                .isEqualTo("flow 'ask' passes relay 'ohttp-relay', run by provider, which also runs 'relay': one party "
                        + "sees both who sends and what, so the relay separates nothing"));
    }

    @Test
    void keysFromSomethingThatIsNotAKeyDirectoryAreNoted() throws Exception {
        Review r = review("conversations:\n  chat:\n    membership: { device-keys-from: relay }\n");
        assertThat(r.notes()).singleElement().satisfies(n -> assertThat(n.message())
                .startsWith("device-keys-from of conversation 'chat' names 'relay', a server, not a key-directory"));
    }

    @Test
    void aDeclaredFeatureNoRuleRecognisesSaysWhichConditionFailed() throws Exception {
        Review r = review("features:\n  limits: { kind: forwarding-limits, runs-on: phone, forward-limit: 5 }\n");
        assertThat(r.safetyFeatures()).isEmpty();
        assertThat(r.notes()).singleElement().satisfies(n -> assertThat(n.message()).isEqualTo(
                "feature 'limits' (forwarding-limits) is not recognised as a safety feature: FORWARDING-LIMITS needs "
                        + "feature.counter_in_ciphertext"));
    }

    @Test
    void whatTheModelDoesNotSayIsNotAssessedRatherThanPassed() throws Exception {
        Review r = review("""
                components:
                  phone: { updates: null }
                conversations:
                  chat: { fallback: null, membership: null }
                """);
        assertThat(r.notAssessed()).extracting(n -> n.rule() + " " + n.element() + " " + n.field()).containsExactlyInAnyOrder(
                "TARGETED-UPDATE phone updates",
                "INSECURE-FALLBACK chat fallback",
                "GHOST-PARTICIPANT chat membership.managed-by",
                "SERVER-CONTROLLED-MEMBERSHIP chat membership.managed-by",
                "UNVERIFIABLE-KEY-DIRECTORY chat membership.device-keys-from",
                "SILENT-DEVICE-ADD chat membership.device-list-signed or membership.device-changes-shown"
                        + " or membership.unverified-devices or membership.devices-managed-by",
                "METADATA-EXPOSURE chat a data kind for the sender's identity alone (to check sealed-sender)");
        assertThat(r.verdict()).isEqualTo(Review.Verdict.NOT_WEAKENED);
        assertThat(r.access()).as("nothing assumed either way").isEmpty();
    }

    @Test
    void aConversationWithoutEndToEndEncryptionByDefaultSetsTheVerdictUntilAccepted() throws Exception {
        String cloud = "conversations:\n  chat: { end-to-end: { available: true, default: false } }\n";
        Review r = review(cloud);
        assertThat(r.verdict()).isEqualTo(Review.Verdict.NOT_END_TO_END_BY_DEFAULT);
        assertThat(r.notEndToEndByDefault()).containsExactly("chat");
        assertThat(r.failsAt(org.e2eereview.catalog.Severity.HIGH)).isTrue();
        Review disclosed = review(cloud + "parties:\n  provider: { disclosed-to-users: terms of use }\n");
        assertThat(disclosed.verdict()).as("telling users does not lower it").isEqualTo(Review.Verdict.NOT_END_TO_END_BY_DEFAULT);
        Review accepted = review(cloud + """
                accepted:
                  PROVIDER-PLAINTEXT@chat: { status: accepted, justification: opt-in encryption is our product, decided-by: board }
                """);
        assertThat(accepted.verdict()).as("an acceptance with a justification does").isEqualTo(Review.Verdict.NOT_WEAKENED);
    }

    @Test
    void aRuleDoesNotFireOnWhatTheModelDoesNotSayButTheReaderIsStillNamed() throws Exception {
        Review r = review("""
                conversations:
                  chat:
                    end-to-end: { forward-secrecy: null }
                    membership: { signed-by-members: false, changes-shown: null }
                """);
        assertThat(r.notAssessed()).extracting(n -> n.rule() + " " + n.field()).contains(
                "GHOST-PARTICIPANT membership.changes-shown", "SERVER-CONTROLLED-MEMBERSHIP membership.changes-shown",
                "NO-FORWARD-SECRECY end-to-end.forward-secrecy");
        assertThat(r.weakenings()).extracting(w -> w.finding().id() + " " + w.finding().severity().yamlName())
                .as("whoever can add members unseen or not is still an outside reader")
                .contains("OUTSIDE-READER@chat/provider high")
                .noneMatch(id -> id.startsWith("GHOST") || id.startsWith("SERVER-CONTROLLED") || id.startsWith("NO-FORWARD"));
    }
}
