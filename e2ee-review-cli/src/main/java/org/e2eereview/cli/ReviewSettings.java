package org.e2eereview.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.e2eereview.catalog.Catalog;
import org.e2eereview.load.InputException;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.review.Reviewer;
import org.e2eereview.rules.RuleSet;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** What every reviewing command (review, assess, diff) takes to judge a model the same way. */
final class ReviewSettings {

    @Option(names = "--rules", paramLabel = "DIR", description = "A directory of extra rules (repeatable).")
    List<Path> ruleDirs = new ArrayList<>();

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "The date acceptances expire against "
            + "(default: today, UTC). Fix it to make a re-run reproducible.")
    LocalDate today;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Findings already reviewed, kept beside the "
            + "model (docs/baselines.md): accepted ones stay in every format, marked, and do not count; expired or "
            + "orphaned entries are reported and the finding counts again.")
    Path baseline;

    /** The date acceptances are judged against. */
    LocalDate date() {
        return today != null ? today : LocalDate.now(ZoneOffset.UTC);
    }

    /** The bundled rules and the user's, judging acceptances on {@link #date()} and by the baseline if given. */
    Reviewer reviewer() throws InputException {
        Clock clock = Clock.fixed(date().atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        Reviewer reviewer = new Reviewer(RuleSet.load(Catalog.bundled(), ruleDirs), clock);
        return baseline == null ? reviewer : reviewer.withBaseline(new ModelLoader().loadBaseline(baseline));
    }

    /** Text to standard output, or to {@code out} replaced in one step; false (said on stderr) if it cannot be written. */
    static boolean emit(CommandSpec spec, Path out, String text) {
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return true;
        }
        try {
            AtomicWrite.replace(out, text.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            spec.commandLine().getErr().println(out + ": cannot write: " + AtomicWrite.reason(e));
            return false;
        }
    }
}
