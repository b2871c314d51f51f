package org.e2eereview.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.e2eereview.catalog.Catalog;
import org.e2eereview.catalog.Severity;
import org.e2eereview.load.InputException;
import org.e2eereview.report.JUnitReport;
import org.e2eereview.report.JsonReport;
import org.e2eereview.report.SarifReport;
import org.e2eereview.report.TerminalReport;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewer;
import org.e2eereview.rules.RuleSet;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Review a model: who can read each conversation beyond its members, the weakening "
                + "patterns, the safety features and the public-safety objectives they serve.",
                "The text format is for people; json is documented in docs/json-output.md; sarif is SARIF 2.1.0 "
                        + "for code scanning; junit is JUnit XML for CI servers.",
                "Several --format/--out pairs render one review into several files: the n-th --out receives the "
                        + "n-th --format; one format may go to standard output, written last."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no counted finding at or above --fail-on",
                "1:a counted finding at or above --fail-on (accepted findings do not count)",
                "2:unusable input: the model, a rule or an option"})
final class ReviewCommand implements Callable<Integer> {

    enum Format { TEXT, JSON, SARIF, JUNIT }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "The model file (YAML).")
    Path model;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json, sarif or junit (default: text); "
            + "repeatable, paired with --out.", converter = FormatConverter.class)
    List<Format> formats = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
            description = "Exit 1 when a counted finding is at or above this: critical, high, medium, low, info, "
                    + "or none to never fail (default: ${DEFAULT-VALUE}).", converter = SeverityConverter.class)
    Severity failOn;

    @Option(names = "--rules", paramLabel = "DIR", description = "A directory of extra rules (repeatable).")
    List<Path> ruleDirs = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the report to FILE instead of "
            + "standard output; the file is replaced in one step, never half-written. Repeatable, one per --format.")
    List<Path> outs = new ArrayList<>();

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "The date acceptances expire against "
            + "(default: today, UTC). Fix it to make a re-run reproducible.")
    LocalDate today;

    @Override
    public Integer call() {
        List<Format> wanted = formats.isEmpty() ? List.of(Format.TEXT) : formats;
        if (outs.size() != wanted.size() && outs.size() != wanted.size() - 1) {
            spec.commandLine().getErr().println("give one --out for each --format (the last format may go to "
                    + "standard output): " + wanted.size() + " --format, " + outs.size() + " --out");
            return Main.USAGE;
        }
        Review review;
        try {
            Clock clock = today == null ? Clock.systemUTC()
                    : Clock.fixed(today.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
            Reviewer reviewer = new Reviewer(RuleSet.load(Catalog.bundled(), ruleDirs), clock);
            review = reviewer.review(model);
        } catch (InputException e) {
            Main.printProblems(spec, e);
            return Main.USAGE;
        }
        // Every file is rendered before any is written, so a rendering failure leaves all of them as they were.
        List<byte[]> rendered = new ArrayList<>();
        for (Format f : wanted) rendered.add(render(f, review).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < outs.size(); i++) {
            try {
                AtomicWrite.replace(outs.get(i), rendered.get(i));
            } catch (IOException e) {
                spec.commandLine().getErr().println(outs.get(i) + ": cannot write: " + AtomicWrite.reason(e));
                return Main.USAGE;
            }
        }
        if (outs.size() < wanted.size()) {
            spec.commandLine().getOut().print(new String(rendered.get(wanted.size() - 1), StandardCharsets.UTF_8));
        }
        return review.failsAt(failOn) ? Main.FINDINGS : Main.OK;
    }

    private String render(Format f, Review review) {
        return switch (f) {
            case TEXT -> TerminalReport.render(review, failOn);
            case JSON -> JsonReport.render(review, failOn);
            case SARIF -> SarifReport.render(review);
            case JUNIT -> JUnitReport.render(review, failOn);
        };
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a format: use text, json, sarif or junit");
            }
        }
    }

    static final class SeverityConverter implements CommandLine.ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            if (value.equalsIgnoreCase("none")) return null;
            for (Severity s : Severity.values()) {
                if (s.yamlName().equalsIgnoreCase(value)) return s;
            }
            throw new CommandLine.TypeConversionException("'" + value
                    + "' is not a severity: use critical, high, medium, low, info or none");
        }
    }
}
