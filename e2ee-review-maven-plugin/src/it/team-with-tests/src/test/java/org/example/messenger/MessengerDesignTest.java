package org.example.messenger;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.e2eereview.catalog.Severity;
import org.e2eereview.junit.E2eeAssertions;
import org.e2eereview.junit.E2eeReview;
import org.e2eereview.junit.E2eeTestFactory;
import org.e2eereview.review.Review;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class MessengerDesignTest {

    static Review review;

    @BeforeAll
    static void review() {
        review = E2eeReview.with().today(LocalDate.of(2026, 6, 1)).review(Path.of("design/messenger.yaml"));
    }

    @Test
    void theDesignIsNotWeakened() {
        E2eeAssertions.assertNotWeakened(review);
    }

    @TestFactory
    Stream<DynamicNode> everyRule() {
        return E2eeTestFactory.perRuleAndElement(review, Severity.HIGH);
    }
}
