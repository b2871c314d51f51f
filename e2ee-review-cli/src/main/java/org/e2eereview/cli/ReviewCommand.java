package org.e2eereview.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.e2eereview.assess.Assessor;
import org.e2eereview.catalog.Severity;
import org.e2eereview.load.InputException;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.model.Model;
import org.e2eereview.report.AtomicWrite;
import org.e2eereview.report.BaselineFile;
import org.e2eereview.report.OutputFormat;
import org.e2eereview.report.OutputFormats;
import org.e2eereview.report.Reports;
import org.e2eereview.report.template.TemplateProblem;
import org.e2eereview.report.view.ReportViewBuilder;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewer;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Review a model: who can read each conversation beyond its members, the weakening "
                + "patterns, the safety features and the public-safety objectives they serve.",
                "The submission formats are consultation submissions structured by the 2020 statement's three asks.",
                "Several --format/--out pairs render one review into several files: the n-th --out receives the "
                        + "n-th --format; one format may go to standard output, written last."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no counted finding at or above --fail-on",
                "1:a counted finding at or above --fail-on (accepted findings do not count)",
                "2:unusable input: the model, a rule or an option"})
final class ReviewCommand implements Callable<Integer> {

    CommandSpec spec;

    /** Help lists the formats found, each with what it is, before the exit codes. */
    @Spec
    void spec(CommandSpec spec) {
        this.spec = spec;
        UsageMessageSpec usage = spec.usageMessage();
        List<String> keys = new ArrayList<>(usage.sectionKeys());
        keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING), "formats");
        usage.sectionKeys(keys);
        Map<String, CommandLine.IHelpSectionRenderer> sections = new HashMap<>(usage.sectionMap());
        sections.put("formats", help -> {
            Help.TextTable table = Help.TextTable.forColumnWidths(help.colorScheme(), 19, usage.width() - 19);
            for (OutputFormat f : OutputFormats.all()) table.addRowValues("  " + f.id(), f.description());
            return String.format("%nFormats:%n") + table;
        });
        usage.sectionMap(sections);
    }

    @Parameters(paramLabel = "MODEL", description = "The model file (YAML).")
    Path model;

    @Option(names = "--format", paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES} (default: text); "
            + "repeatable, paired with --out.", converter = FormatConverter.class, completionCandidates = FormatIds.class)
    List<OutputFormat> formats = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
            description = "Exit 1 when a counted finding is at or above this: critical, high, medium, low, info, "
                    + "or none to never fail (default: ${DEFAULT-VALUE}).", converter = SeverityConverter.class)
    Severity failOn;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the report to FILE instead of "
            + "standard output; the file is replaced in one step, never half-written. Repeatable, one per --format.")
    List<Path> outs = new ArrayList<>();

    @Option(names = "--template-dir", paramLabel = "DIR", description = "A directory whose templates replace the "
            + "bundled ones of the same name (review.md.ftl, review.html.ftlh, submission.md.ftl, submission.html.ftlh, "
            + "page-style.ftl); see docs/reports.md.")
    Path templateDir;

    @Mixin
    ReviewSettings settings;

    @Option(names = "--write-baseline", paramLabel = "FILE", description = "Also write today's findings as a "
            + "baseline, each entry to be decided and justified before it loads; decisions from --baseline are "
            + "kept. Refuses to replace a file not given as --baseline.")
    Path writeBaseline;

    @Override
    public Integer call() {
        List<OutputFormat> wanted = formats.isEmpty() ? List.of(OutputFormats.named("text")) : formats;
        if (outs.size() != wanted.size() && outs.size() != wanted.size() - 1) {
            spec.commandLine().getErr().println("give one --out for each --format (the last format may go to "
                    + "standard output): " + wanted.size() + " --format, " + outs.size() + " --out");
            return Main.USAGE;
        }
        Review review;
        Assessor.Result assessment = null;
        List<ReportViewBuilder.Patched> patched = new ArrayList<>();
        try {
            // The model is read first: meanwhile the bundled rules get ready on other threads (Main).
            Model parsed = Reports.needsAssessment(wanted) ? null : new ModelLoader().load(model);
            Reviewer reviewer = settings.reviewer();
            Path baseline = settings.baseline;
            if (writeBaseline != null && Files.exists(writeBaseline)
                    && (baseline == null || !Files.isSameFile(writeBaseline, baseline))) {
                spec.commandLine().getErr().println(writeBaseline + ": exists; give it as --baseline too to keep its "
                        + "decisions, or remove it first");
                return Main.USAGE;
            }
            if (Reports.needsAssessment(wanted)) {
                // The submission says what each lawful-access proposal would do to this design.
                // Each proposal's part is taken from its patched review at once, and the review let go.
                assessment = new Assessor(reviewer).assess(model, List.of(),
                        (design, a) -> patched.add(ReportViewBuilder.patched(design, a, patched.size())));
                review = assessment.original();
            } else {
                review = reviewer.review(parsed);
            }
        } catch (InputException e) {
            Main.printProblems(spec, e);
            return Main.USAGE;
        } catch (IOException e) {
            spec.commandLine().getErr().println(writeBaseline + ": cannot compare with " + settings.baseline + ": "
                    + AtomicWrite.reason(e));
            return Main.USAGE;
        }
        if (!settings.vet(spec, review)) return Main.USAGE;
        if (outs.size() < wanted.size() && wanted.get(wanted.size() - 1).binary()) {
            spec.commandLine().getErr().println(wanted.get(wanted.size() - 1).id() + " is binary: give it an --out FILE");
            return Main.USAGE;
        }
        // Every file is rendered in full beside its target before any is replaced, so a rendering
        // failure leaves all of them as they were; what goes to standard output waits until then.
        List<AtomicWrite.Pending> files = new ArrayList<>();
        Held stdout = outs.size() < wanted.size() ? new Held() : null;
        BaselineFile.Written written = null;
        try {
            for (Path out : outs) files.add(AtomicWrite.open(out));
            List<java.io.OutputStream> streams = new ArrayList<>(files);
            if (stdout != null) streams.add(stdout);
            Reports.write(review, wanted, new Reports.Options(failOn, settings.date(), templateDir, rerun(),
                    assessment, assessment == null ? null : patched), streams);
            if (writeBaseline != null) {
                written = BaselineFile.of(review, settings.date());
                AtomicWrite.Pending baselineFile = AtomicWrite.open(writeBaseline);
                files.add(baselineFile);
                baselineFile.write(written.text().getBytes(StandardCharsets.UTF_8));
            }
            AtomicWrite.commitAll(files);
        } catch (TemplateProblem e) {
            spec.commandLine().getErr().println(e.getMessage());
            return Main.USAGE;
        } catch (AtomicWrite.Failure e) {
            return cannotWrite(e);
        } catch (IOException e) {
            AtomicWrite.Failure failure = AtomicWrite.failed(files);
            if (failure == null) throw new UncheckedIOException(e);
            return cannotWrite(failure);
        } finally {
            AtomicWrite.discard(files);
        }
        if (written != null) {
            spec.commandLine().getErr().println(writeBaseline + ": " + written.undecided() + " finding(s) to decide and "
                    + "justify before it loads, " + written.kept() + " decision(s) kept");
        }
        if (stdout != null) {
            try {
                stdout.read().transferTo(spec.commandLine().getOut());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            spec.commandLine().getOut().flush();
        }
        return review.failsAt(failOn) ? Main.FINDINGS : Main.OK;
    }

    private int cannotWrite(AtomicWrite.Failure e) {
        spec.commandLine().getErr().println(e.target() + ": cannot write: " + AtomicWrite.reason(e.getCause()));
        return Main.USAGE;
    }

    /** The report for standard output, held in memory and read back without a copy. */
    private static final class Held extends ByteArrayOutputStream {
        Reader read() {
            return new InputStreamReader(new ByteArrayInputStream(buf, 0, count), StandardCharsets.UTF_8);
        }
    }

    /** The command that gives the same review again: the date fixed, the rules and threshold as given. */
    private String rerun() {
        StringBuilder out = new StringBuilder("java -jar e2ee-review.jar review ").append(shell(model));
        for (Path d : settings.ruleDirs) out.append(" --rules ").append(shell(d));
        if (settings.baseline != null) out.append(" --baseline ").append(shell(settings.baseline));
        if (templateDir != null) out.append(" --template-dir ").append(shell(templateDir));
        out.append(" --fail-on ").append(failOn == null ? "none" : failOn.yamlName());
        out.append(" --today ").append(settings.date());
        return out.toString();
    }

    /** A path as a POSIX shell word: quoted unless it is plainly safe. */
    static String shell(Path p) {
        String s = p.toString();
        if (s.matches("[A-Za-z0-9_./:@%+=,-]+")) return s;
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            OutputFormat f = OutputFormats.named(value);
            if (f == null) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a format: use " + OutputFormats.ids());
            }
            return f;
        }
    }

    /** The formats found, for help: each id, and in the Formats: section what it is. */
    static final class FormatIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return OutputFormats.all().stream().map(OutputFormat::id).iterator();
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
