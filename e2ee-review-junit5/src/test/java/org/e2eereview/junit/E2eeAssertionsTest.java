package org.e2eereview.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.e2eereview.Repo;
import org.e2eereview.catalog.Severity;
import org.e2eereview.review.Review;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class E2eeAssertionsTest {

    static final Path GHOST = Repo.file("examples/ghost-proposal.yaml");
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    static Review ghost;
    static Review signal;

    @BeforeAll
    static void review() {
        ghost = E2eeReview.with().today(TODAY).review(GHOST);
        signal = E2eeReview.with().today(TODAY).review(Repo.file("examples/signal.yaml"));
    }

    /** The ghost proposal with its two ghost findings accepted until the end of 2026. */
    static Path ghostAccepted(Path dir) throws Exception {
        return Files.writeString(dir.resolve("ghost-accepted.yaml"), Files.readString(GHOST) + """

                accepted:
                  GHOST-PARTICIPANT@group-chat: { status: accepted, justification: only on a warrant we publish, decided-by: review board, until: 2026-12-31 }
                  GHOST-PARTICIPANT@group-call: { status: accepted, justification: only on a warrant we publish, decided-by: review board, until: 2026-12-31 }
                """);
    }

    @Test
    void theGhostProposalIsWeakenedAndTheMessageNamesTheGhostAndItsEvidence() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> E2eeAssertions.assertNotWeakened(ghost));
        assertThat(Repo.relative(e.getMessage()))
                .startsWith("examples/ghost-proposal.yaml: verdict WEAKENED (2 critical, 1 high, 0 medium, 5 low, 1 info)\n"
                        + "3 counted findings at or above high:\n"
                        + "CRITICAL GHOST-PARTICIPANT@group-call — law-enforcement, whatsapp can read group-call: ")
                .contains("\nCRITICAL GHOST-PARTICIPANT@group-chat — law-enforcement, whatsapp can read group-chat: ")
                .contains("\n  law-enforcement can read group-chat (on a legal order, through whatsapp):\n"
                        + "    examples/ghost-proposal.yaml:63:31  law-enforcement can compel whatsapp (data-disclosure, add-participant)\n")
                .contains("\n    examples/ghost-proposal.yaml:255:22  changes-shown: suppressible\n")
                .contains("\nHIGH     PROVIDER-KEYED-BACKUP@chat-backup — ")
                .doesNotContain("METADATA-EXPOSURE").doesNotContain("accepted");
        assertThat(e.getExpected().getValue()).isEqualTo("");
        assertThat(e.getActual().getValue()).isEqualTo("GHOST-PARTICIPANT@group-call critical\n"
                + "GHOST-PARTICIPANT@group-chat critical\nPROVIDER-KEYED-BACKUP@chat-backup high");
    }

    @Test
    void aThresholdCountsOnlyFindingsAtOrAboveIt() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> E2eeAssertions.assertNoFindingsAtOrAbove(ghost, Severity.CRITICAL));
        assertThat(Repo.relative(e.getMessage())).startsWith("examples/ghost-proposal.yaml: counted findings at or above critical "
                + "(2 critical, 1 high, 0 medium, 5 low, 1 info)\n2 counted findings at or above critical:\n")
                .doesNotContain("PROVIDER-KEYED-BACKUP");
        assertThatCode(() -> E2eeAssertions.assertNotWeakened(signal)).doesNotThrowAnyException();
        assertThatCode(() -> E2eeAssertions.assertNoFindingsAtOrAbove(signal, Severity.MEDIUM)).doesNotThrowAnyException();
        AssertionFailedError low = assertThrows(AssertionFailedError.class,
                () -> E2eeAssertions.assertNoFindingsAtOrAbove(signal, Severity.LOW));
        assertThat(Repo.relative(low.getMessage())).contains("\nLOW      UNVERIFIABLE-KEY-DIRECTORY@direct-chat — ")
                .contains("\n  safeguards: safety-numbers makes it visible (examples/signal.yaml:207:21), key-change-alerts").doesNotContain("METADATA-EXPOSURE");
    }

    @Test
    void acceptedFindingsAreListedAsAcceptedButDoNotFail(@TempDir Path dir) throws Exception {
        Review accepted = E2eeReview.with().today(TODAY).review(ghostAccepted(dir));
        assertThatCode(() -> E2eeAssertions.assertNoFindingsAtOrAbove(accepted, Severity.CRITICAL)).doesNotThrowAnyException();
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> E2eeAssertions.assertNotWeakened(accepted));
        assertThat(Repo.relative(e.getMessage())).contains("verdict WEAKENED (0 critical, 1 high,")
                .contains("\n1 counted finding at or above high:\nHIGH     PROVIDER-KEYED-BACKUP@chat-backup — ")
                .endsWith("\naccepted, so not counted:\nCRITICAL GHOST-PARTICIPANT@group-call — law-enforcement, whatsapp "
                        + "can read group-call: the server that manages its membership can add a participant without the "
                        + "members being shown\n"
                        + "  accepted (accepted by review board, until 2026-12-31): only on a warrant we publish\n"
                        + "CRITICAL GHOST-PARTICIPANT@group-chat — law-enforcement, whatsapp can read group-chat: the server "
                        + "that manages its membership can add a participant without the members being shown\n"
                        + "  accepted (accepted by review board, until 2026-12-31): only on a warrant we publish");
        assertThat(e.getActual().getValue()).isEqualTo("PROVIDER-KEYED-BACKUP@chat-backup high");
        E2eeAssertions.assertFindings(accepted, "GHOST-PARTICIPANT@group-chat", "GHOST-PARTICIPANT@group-call",
                "PROVIDER-KEYED-BACKUP@chat-backup", "METADATA-EXPOSURE@group-metadata", "METADATA-EXPOSURE@delivery-metadata",
                "TARGETED-UPDATE@web-client", "UNVERIFIABLE-KEY-DIRECTORY@direct-chat",
                "UNVERIFIABLE-KEY-DIRECTORY@group-chat", "UNVERIFIABLE-KEY-DIRECTORY@group-call");
    }

    @Test
    void anExpiredAcceptanceCountsAgain(@TempDir Path dir) throws Exception {
        Review expired = E2eeReview.with().today(LocalDate.of(2027, 1, 1)).review(ghostAccepted(dir));
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> E2eeAssertions.assertNoFindingsAtOrAbove(expired, Severity.CRITICAL));
        assertThat(Repo.relative(e.getMessage())).contains("\n2 counted findings at or above critical:\n"
                        + "CRITICAL GHOST-PARTICIPANT@group-call — ")
                .contains("\n  acceptance expired (accepted by review board, until 2026-12-31): only on a warrant we publish\n")
                .doesNotContain("not counted");
        Review lastDay = E2eeReview.with().today(LocalDate.of(2026, 12, 31)).review(ghostAccepted(dir));
        assertThatCode(() -> E2eeAssertions.assertNoFindingsAtOrAbove(lastDay, Severity.CRITICAL))
                .as("an acceptance holds through its last day").doesNotThrowAnyException();
    }

    @Test
    void findingsAreComparedExactlyByIdOrByIdAndSeverity() {
        E2eeAssertions.assertFindings(signal, "UNVERIFIABLE-KEY-DIRECTORY@direct-chat low", "UNVERIFIABLE-KEY-DIRECTORY@group-chat",
                "METADATA-EXPOSURE@account-metadata info", "METADATA-EXPOSURE@delivery-metadata", "ENCLAVE-HARDWARE@svr-enclave");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> E2eeAssertions.assertFindings(signal,
                "UNVERIFIABLE-KEY-DIRECTORY@direct-chat high", "UNVERIFIABLE-KEY-DIRECTORY@group-chat",
                "METADATA-EXPOSURE@account-metadata", "GHOST-PARTICIPANT@group-chat", "ENCLAVE-HARDWARE@svr-enclave low"));
        assertThat(Repo.relative(e.getMessage())).startsWith("""
                examples/signal.yaml: the weakening findings are not those expected
                missing:
                  GHOST-PARTICIPANT@group-chat
                  UNVERIFIABLE-KEY-DIRECTORY@direct-chat high
                unexpected:
                  LOW      UNVERIFIABLE-KEY-DIRECTORY@direct-chat —\s""");
        assertThat(Repo.relative(e.getMessage())).contains("\n  INFO     METADATA-EXPOSURE@delivery-metadata — ")
                .contains("\n      examples/signal.yaml:");
        assertThat(e.getExpected().getValue()).isEqualTo("""
                ENCLAVE-HARDWARE@svr-enclave low
                GHOST-PARTICIPANT@group-chat
                METADATA-EXPOSURE@account-metadata
                UNVERIFIABLE-KEY-DIRECTORY@direct-chat high
                UNVERIFIABLE-KEY-DIRECTORY@group-chat""");
        assertThat(e.getActual().getValue()).isEqualTo("""
                ENCLAVE-HARDWARE@svr-enclave low
                METADATA-EXPOSURE@account-metadata
                METADATA-EXPOSURE@delivery-metadata info
                UNVERIFIABLE-KEY-DIRECTORY@direct-chat low
                UNVERIFIABLE-KEY-DIRECTORY@group-chat""");
    }

    @Test
    void safetyFeaturesAreComparedByIdOrByIdAndVerdict() {
        E2eeAssertions.assertSafetyFeatures(signal, "CONTACT-CONTROLS@message-requests preserves",
                "LAWFUL-METADATA-DISCLOSURE@lawful-metadata-disclosure");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> E2eeAssertions.assertSafetyFeatures(signal,
                "CONTACT-CONTROLS@message-requests weakens", "LAWFUL-METADATA-DISCLOSURE@lawful-metadata-disclosure"));
        assertThat(Repo.relative(e.getMessage())).startsWith("""
                examples/signal.yaml: the safety features are not those expected
                missing:
                  CONTACT-CONTROLS@message-requests weakens
                unexpected:
                  PRESERVES CONTACT-CONTROLS@message-requests —\s""");
    }
}
