package org.e2eereview.junit;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.e2eereview.catalog.Severity;
import org.e2eereview.review.Review;
import org.junit.jupiter.api.DynamicNode;

/**
 * The old name of {@link E2eeTestFactory}, kept so that tests written against it still compile: a
 * production class named like a test class is what build tools' test patterns ({@code *Tests}) pick up.
 *
 * @deprecated use {@link E2eeTestFactory}, which does the same
 */
@Deprecated(since = "0.1.0")
public final class E2eeTests {

    private E2eeTests() {
    }

    /** @deprecated use {@link E2eeTestFactory#perRuleAndElement(Path)} */
    @Deprecated(since = "0.1.0")
    public static Stream<DynamicNode> perRuleAndElement(Path model) {
        return E2eeTestFactory.perRuleAndElement(model);
    }

    /** @deprecated use {@link E2eeTestFactory#perRuleAndElement(Review, Severity)} */
    @Deprecated(since = "0.1.0")
    public static Stream<DynamicNode> perRuleAndElement(Review review, Severity failOn) {
        return E2eeTestFactory.perRuleAndElement(review, failOn);
    }
}
