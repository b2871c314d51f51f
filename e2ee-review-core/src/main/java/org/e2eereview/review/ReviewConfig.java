package org.e2eereview.review;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.e2eereview.load.InputException;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.rules.RuleSet;
import org.e2eereview.rules.Startup;

/**
 * How a model is to be reviewed: the team's own rule directories beside the bundled rules, the
 * clock whose date acceptances expire against, and a baseline file. The command line, the JUnit
 * API and the Maven plugin each fill one from their own settings, so that the same settings judge
 * a model the same way everywhere. Immutable; each {@code with} method returns a changed copy.
 */
public record ReviewConfig(List<Path> ruleDirs, Clock clock, Path baseline) {

    public ReviewConfig {
        ruleDirs = List.copyOf(ruleDirs);
        Objects.requireNonNull(clock, "clock");
    }

    /** The bundled rules only, acceptances judged on today's date (UTC), no baseline. */
    public static ReviewConfig defaults() {
        return new ReviewConfig(List.of(), Clock.systemUTC(), null);
    }

    /** Adds directories of the team's own rules, as {@code --rules DIR}. */
    public ReviewConfig withRules(List<Path> dirs) {
        List<Path> all = new ArrayList<>(ruleDirs);
        for (Path d : dirs) all.add(Objects.requireNonNull(d));
        return new ReviewConfig(all, clock, baseline);
    }

    /** Fixes the date acceptances expire against, as {@code --today}; null keeps the clock. */
    public ReviewConfig withToday(LocalDate today) {
        return today == null ? this
                : withClock(Clock.fixed(today.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    public ReviewConfig withClock(Clock clock) {
        return new ReviewConfig(ruleDirs, clock, baseline);
    }

    /** Decides findings by a baseline file as well, as {@code --baseline FILE}; null for none. */
    public ReviewConfig withBaseline(Path file) {
        return new ReviewConfig(ruleDirs, clock, file);
    }

    /** The date acceptances are judged against. */
    public LocalDate date() {
        return LocalDate.now(clock);
    }

    /** The bundled rules and the team's; the bundled ones alone are read once per process. */
    public RuleSet rules() throws InputException {
        if (!ruleDirs.isEmpty()) return Startup.rules(ruleDirs);
        RuleSet r = bundled;
        if (r == null) bundled = r = Startup.rules(List.of());
        return r;
    }

    /** A reviewer of these rules, this date, and the baseline when there is one. */
    public Reviewer reviewer(RuleSet rules) throws InputException {
        Reviewer reviewer = new Reviewer(rules, Clock.fixed(date().atStartOfDay().toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC));
        return baseline == null ? reviewer : reviewer.withBaseline(new ModelLoader().loadBaseline(baseline));
    }

    public Reviewer reviewer() throws InputException {
        return reviewer(rules());
    }

    private static volatile RuleSet bundled;
}
