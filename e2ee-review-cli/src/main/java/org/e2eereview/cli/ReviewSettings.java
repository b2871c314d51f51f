package org.e2eereview.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.e2eereview.load.InputException;
import org.e2eereview.model.Acceptance;
import org.e2eereview.report.AtomicWrite;
import org.e2eereview.review.Review;
import org.e2eereview.review.ReviewConfig;
import org.e2eereview.review.Reviewed;
import org.e2eereview.review.Reviewer;

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

    @Option(names = "--warn-expiring", paramLabel = "DAYS", defaultValue = "14", description = "Warn on standard "
            + "error of each acceptance the review relies on that ends within DAYS days (default: ${DEFAULT-VALUE}; "
            + "0 never warns), so it is decided again before the build fails.")
    int warnExpiring;

    @Option(names = "--strict-baseline", description = "Refuse (exit 2) a baseline with an entry that matches no "
            + "finding: a typo in an id, or a decision about a finding since gone.")
    boolean strictBaseline;

    /** These options as the library's settings, which every front end fills the same way. */
    ReviewConfig config() {
        return ReviewConfig.defaults().withRules(ruleDirs).withToday(today).withBaseline(baseline);
    }

    /** The date acceptances are judged against. */
    LocalDate date() {
        return config().date();
    }

    /** The bundled rules and the user's, judging acceptances on {@link #date()} and by the baseline if given. */
    Reviewer reviewer() throws InputException {
        return config().reviewer();
    }

    /**
     * Says on standard error, located, which acceptances the review relies on end within
     * --warn-expiring days, and with --strict-baseline which baseline entries decide nothing;
     * false when the latter refuse the review.
     */
    boolean vet(CommandSpec spec, Review review) {
        return vet(spec.commandLine().getErr(), review);
    }

    boolean vet(java.io.PrintWriter err, Review review) {
        if (warnExpiring > 0) {
            // One warning per entry, however many findings it decides; the soonest first.
            Set<Acceptance> ending = new TreeSet<>(Comparator.comparing(Acceptance::until)
                    .thenComparing(a -> a.source().at()));
            for (Reviewed r : review.weakenings()) {
                Acceptance a = r.acceptance();
                if (r.status() == Reviewed.Status.ACCEPTED && a.until() != null
                        && ChronoUnit.DAYS.between(date(), a.until()) <= warnExpiring) {
                    ending.add(a);
                }
            }
            for (Acceptance a : ending) {
                long left = ChronoUnit.DAYS.between(date(), a.until());
                err.println(a.source().at() + ": warning: acceptance " + a.findingId() + " ends on " + a.until()
                        + (left == 0 ? ", today" : left == 1 ? ", tomorrow" : ", in " + left + " days")
                        + ": decide again, or the finding counts from the day after");
            }
        }
        if (!strictBaseline || review.baseline() == null) return true;
        boolean refused = false;
        for (Acceptance a : review.unusedAcceptances()) {
            if (!review.baseline().entries().contains(a)) continue;
            err.println(a.source().at() + ": acceptance " + a.findingId() + " " + review.whyUnused(a)
                    + " (--strict-baseline)");
            refused = true;
        }
        return !refused;
    }

    /** Text to standard output, or to {@code out} replaced in one step; false (said on stderr) if it cannot be written. */
    static boolean emit(CommandSpec spec, Path out, String text) {
        return emit(spec, out, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * As {@link #emit(CommandSpec, Path, String)}, from bytes (UTF-8) read where they were made: a large design's
     * assessment is hundreds of megabytes, not to be copied into a string first.
     */
    static boolean emit(CommandSpec spec, Path out, InputStream report) {
        try {
            if (out == null) {
                new InputStreamReader(report, StandardCharsets.UTF_8).transferTo(spec.commandLine().getOut());
                spec.commandLine().getOut().flush();
                return true;
            }
            AtomicWrite.Pending file = AtomicWrite.open(out);
            try {
                report.transferTo(file);
                AtomicWrite.commitAll(List.of(file));
            } catch (IOException e) {
                AtomicWrite.Failure failure = AtomicWrite.failed(List.of(file));
                if (failure == null) throw e;
                throw failure;
            } finally {
                AtomicWrite.discard(List.of(file));
            }
            return true;
        } catch (AtomicWrite.Failure e) {
            spec.commandLine().getErr().println(e.target() + ": cannot write: " + AtomicWrite.reason(e.getCause()));
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
