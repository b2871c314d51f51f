package org.e2eereview.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.e2eereview.Corpus;
import org.e2eereview.Repo;
import org.e2eereview.catalog.Severity;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.junit.jupiter.api.Test;

/**
 * A finding whose severity a rule's severity-if set says why, in the rule's words; one at the rule's own
 * severity says nothing, and neither does one that visibility lowered past what the severity-if gave.
 */
class SeverityBecauseTest {

    private static Finding finding(String example, String id) throws Exception {
        Review review = Corpus.reviewer().review(Repo.file(example));
        return review.weakenings().stream().map(Reviewed::finding).filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aSeveritySetByASeverityIfSaysWhy() throws Exception {
        Finding clear = finding("examples/clear-device-escrow.yaml", "MASTER-KEY@clear-key");
        assertThat(clear.severity()).isEqualTo(Severity.HIGH);
        assertThat(clear.severityBecause()).isEqualTo("reading needs a user's device in hand");

        Finding backup = finding("examples/imessage-standard-backup.yaml", "PROVIDER-KEYED-BACKUP@device-backup");
        assertThat(backup.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(backup.severityBecause()).startsWith("backups are on by default");
    }

    @Test
    void theRulesOwnSeveritySaysNothing() throws Exception {
        Finding adk = finding("examples/pgp-additional-decryption-key.yaml", "MASTER-KEY@adk");
        assertThat(adk.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(adk.severityBecause()).isNull();

        Finding optIn = finding("examples/whatsapp.yaml", "PROVIDER-KEYED-BACKUP@chat-backup");
        assertThat(optIn.severity()).isEqualTo(Severity.HIGH);
        assertThat(optIn.severityBecause()).isNull();
    }

    @Test
    void theSubmissionSaysItBesideTheSeverity() throws Exception {
        var assessment = new org.e2eereview.assess.Assessor(Corpus.reviewer()).assess(Repo.file("examples/whatsapp.yaml"),
                java.util.List.of("clear"));
        String md = new String(org.e2eereview.report.Reports.render(assessment.original(),
                java.util.List.of(org.e2eereview.report.OutputFormats.named("submission-md")),
                new org.e2eereview.report.Reports.Options(Severity.HIGH, java.time.LocalDate.of(2026, 6, 1), null, "x",
                        assessment)).get(0), java.nio.charset.StandardCharsets.UTF_8);
        // Annex B: the vendor key is high where a golden key is critical, and the reader is told why.
        assertThat(md).contains("  - HIGH Master key (systemic; high because reading needs a user's device in hand)");
        // Annex A: a finding at its severity-if's severity.
        assertThat(md).contains("(`TARGETED-UPDATE@web-client`), low because binary transparency or reproducible builds "
                + "would show a modified app: ");
    }
}
