package org.e2eereview.junit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.e2eereview.catalog.Catalog;
import org.e2eereview.load.InputException;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.review.Review;
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
        return new Options(List.of(), Clock.systemUTC(), null);
    }

    /** Immutable review settings; each method returns a changed copy. */
    public static final class Options {

        private final List<Path> ruleDirs;
        private final Clock clock;
        private final Path baseline;
        /** Rule directories are read and type-checked once per Options, not once per review. */
        private volatile RuleSet loaded;

        private Options(List<Path> ruleDirs, Clock clock, Path baseline) {
            this.ruleDirs = ruleDirs;
            this.clock = clock;
            this.baseline = baseline;
        }

        /** Adds directories of the team's own rules, as {@code --rules DIR}. */
        public Options rules(Path... dirs) {
            List<Path> all = new ArrayList<>(ruleDirs);
            for (Path d : dirs) all.add(Objects.requireNonNull(d));
            return new Options(List.copyOf(all), clock, baseline);
        }

        /** Fixes the date acceptances expire against, as {@code --today}: the same result every day. */
        public Options today(LocalDate today) {
            return clock(Clock.fixed(today.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        }

        /** The clock whose date (in its zone) acceptances expire against. */
        public Options clock(Clock clock) {
            return new Options(ruleDirs, Objects.requireNonNull(clock), baseline);
        }

        /** Decides findings by a baseline file as well, as {@code --baseline FILE} (docs/baselines.md). */
        public Options baseline(Path file) {
            return new Options(ruleDirs, clock, Objects.requireNonNull(file));
        }

        /** Loads and reviews the model; fails the test with every located problem when it cannot be used. */
        public Review review(Path model) {
            RuleSet rules = ruleSet();
            Reviewer reviewer = new Reviewer(rules, clock);
            if (baseline != null) {
                try {
                    reviewer = reviewer.withBaseline(new ModelLoader().loadBaseline(baseline));
                } catch (InputException e) {
                    throw new UnusableInputError("e2ee-review cannot use the baseline " + baseline, e);
                }
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
                    r = ruleDirs.isEmpty() ? bundledRules() : RuleSet.load(Catalog.bundled(), ruleDirs);
                } catch (InputException e) {
                    throw new UnusableInputError("e2ee-review cannot load the rules in "
                            + String.join(", ", ruleDirs.stream().map(Path::toString).toList()), e);
                }
                loaded = r;
            }
            return r;
        }
    }

    private static volatile RuleSet bundled;

    /** Compiling the bundled rules takes a while; a test suite that reviews many models does it once. */
    private static RuleSet bundledRules() throws InputException {
        RuleSet r = bundled;
        if (r == null) bundled = r = RuleSet.load(Catalog.bundled(), List.of());
        return r;
    }
}
