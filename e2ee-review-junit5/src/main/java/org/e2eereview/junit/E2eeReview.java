package org.e2eereview.junit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.e2eereview.load.InputException;
import org.e2eereview.review.Review;
import org.e2eereview.review.ReviewConfig;
import org.e2eereview.review.Reviewer;
import org.e2eereview.rules.RuleSet;

/**
 * Reviews a model from a test, as {@code e2ee-review review} does: the bundled catalog and rules, plus
 * any rule directories given. A model or rule that cannot be used fails the test with an
 * {@link UnusableInputError} listing every problem as {@code file:line:column: message}.
 *
 * <pre>{@code
 * Review review = E2eeReview.review(Path.of("e2ee-review.yaml"));
 * Review fixed = E2eeReview.with().rules(Path.of("design/rules")).today(LocalDate.of(2026, 6, 1))
 *         .review(Path.of("e2ee-review.yaml"));
 * }</pre>
 */
public final class E2eeReview {

    private E2eeReview() {
    }

    /** Reviews the model with the bundled rules; acceptances expire against today's date (UTC). */
    public static Review review(Path model) {
        return with().review(model);
    }

    /** Settings to change before reviewing: extra rule directories, the date acceptances expire against. */
    public static Options with() {
        return new Options(ReviewConfig.defaults());
    }

    /** Immutable review settings (the library's {@link ReviewConfig}); each method returns a changed copy. */
    public static final class Options {

        private final ReviewConfig config;
        /** Rule directories are read and type-checked once per Options, not once per review. */
        private volatile RuleSet loaded;

        private Options(ReviewConfig config) {
            this.config = config;
        }

        /** Adds directories of the team's own rules, as {@code --rules DIR}. */
        public Options rules(Path... dirs) {
            return new Options(config.withRules(List.of(dirs)));
        }

        /** Fixes the date acceptances expire against, as {@code --today}: the same result every day. */
        public Options today(LocalDate today) {
            return new Options(config.withToday(Objects.requireNonNull(today)));
        }

        /** The clock whose date (in its zone) acceptances expire against. */
        public Options clock(Clock clock) {
            return new Options(config.withClock(Objects.requireNonNull(clock)));
        }

        /** Decides findings by a baseline file as well, as {@code --baseline FILE} (docs/baselines.md). */
        public Options baseline(Path file) {
            return new Options(config.withBaseline(Objects.requireNonNull(file)));
        }

        /** Loads and reviews the model; fails the test with every located problem when it cannot be used. */
        public Review review(Path model) {
            Reviewer reviewer;
            try {
                reviewer = config.reviewer(ruleSet());
            } catch (InputException e) {
                throw new UnusableInputError("e2ee-review cannot use the baseline " + config.baseline(), e);
            }
            try {
                return reviewer.review(model);
            } catch (InputException e) {
                throw new UnusableInputError("e2ee-review cannot review " + model, e);
            }
        }

        private RuleSet ruleSet() {
            RuleSet r = loaded;
            if (r == null) {
                try {
                    r = config.rules();
                } catch (InputException e) {
                    throw new UnusableInputError("e2ee-review cannot load the rules in "
                            + String.join(", ", config.ruleDirs().stream().map(Path::toString).toList()), e);
                }
                loaded = r;
            }
            return r;
        }
    }
}
