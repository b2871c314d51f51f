package org.e2eereview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.e2eereview.Corpus;
import org.e2eereview.catalog.Severity;
import org.e2eereview.model.Model;
import org.e2eereview.report.Builtin;
import org.e2eereview.report.Reports;
import org.junit.jupiter.api.Test;

/**
 * One reviewer, shared by threads (as a server or a parallel test run shares it), gives every
 * model the same review as it gives alone: nothing a review reads is changed by another.
 */
class ConcurrentReviewsTest {

    @Test
    void reviewsOnSeveralThreadsAreTheReviewsMadeOneByOne() throws Exception {
        Reviewer reviewer = Corpus.reviewer();
        List<Model> models = Corpus.examples();
        List<String> alone = new ArrayList<>();
        for (Model m : models) alone.add(json(reviewer.review(m)));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> together = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (Model m : models) together.add(pool.submit(() -> json(reviewer.review(m))));
            }
            for (int i = 0; i < together.size(); i++) {
                assertThat(together.get(i).get()).as(models.get(i % models.size()).file())
                        .isEqualTo(alone.get(i % models.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String json(Review review) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Reports.write(review, List.of(Builtin.JSON),
                new Reports.Options(Severity.HIGH, LocalDate.of(2026, 6, 1), null, "test", null), List.of(out));
        return out.toString(StandardCharsets.UTF_8);
    }
}
