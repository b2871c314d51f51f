package org.e2eereview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.e2eereview.Repo;
import org.e2eereview.catalog.Severity;
import org.e2eereview.junit.E2eeReview;
import org.e2eereview.report.Builtin;
import org.e2eereview.report.Reports;
import org.e2eereview.review.Review;
import org.junit.jupiter.api.Test;

/**
 * The command line and the JUnit API fill one ReviewConfig: the same model, date and baseline give
 * the same review, byte for byte in JSON (the Maven plugin fills it too; its samples run in verify).
 */
class SameSettingsTest {

    @Test
    void theCommandLineAndTheJUnitApiJudgeAModelAlike() throws Exception {
        String baseline = Repo.arg("e2ee-review-core/src/test/resources/baselines/ghost-accepted.yaml");
        Cli cli = Cli.run("review", Repo.arg("examples/ghost-proposal.yaml"), "--baseline", baseline, "--today", "2026-06-01",
                "--format", "json", "--fail-on", "high");
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);

        Review review = E2eeReview.with().today(LocalDate.of(2026, 6, 1)).baseline(Path.of(baseline))
                .review(Repo.file("examples/ghost-proposal.yaml"));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        Reports.write(review, List.of(Builtin.JSON),
                new Reports.Options(Severity.HIGH, LocalDate.of(2026, 6, 1), null, null), List.of(json));
        assertThat(json.toString(StandardCharsets.UTF_8)).isEqualTo(cli.out());
    }
}
