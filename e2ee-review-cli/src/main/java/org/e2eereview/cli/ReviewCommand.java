package org.e2eereview.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
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

    /** Where the command prints when it was made without picocli ({@link #direct}); else picocli's. */
    private PrintWriter out;
    private PrintWriter err;
    /** --debug, when made without picocli; picocli sets Main's own. */
    boolean debug;

    private PrintWriter out() {
        return out != null ? out : spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return err != null ? err : spec.commandLine().getErr();
    }

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
            + "standard output; the file is replaced in one step, never half-written (a device or pipe, "
            + "such as /dev/null, is written as it is). Repeatable, one per --format.")
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
            err().println("give one --out for each --format (the last format may go to "
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
                err().println(writeBaseline + ": exists; give it as --baseline too to keep its "
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
            Main.printProblems(err(), e);
            return Main.USAGE;
        } catch (IOException e) {
            err().println(writeBaseline + ": cannot compare with " + settings.baseline + ": "
                    + AtomicWrite.reason(e));
            return Main.USAGE;
        }
        if (!settings.vet(err(), review)) return Main.USAGE;
        if (outs.size() < wanted.size() && wanted.get(wanted.size() - 1).binary()) {
            err().println(wanted.get(wanted.size() - 1).id() + " is binary: give it an --out FILE");
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
            err().println(e.getMessage());
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
            err().println(writeBaseline + ": " + written.undecided() + " finding(s) to decide and "
                    + "justify before it loads, " + written.kept() + " decision(s) kept");
        }
        if (stdout != null) {
            try {
                stdout.read().transferTo(out());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out().flush();
        }
        return review.failsAt(failOn) ? Main.FINDINGS : Main.OK;
    }

    private int cannotWrite(AtomicWrite.Failure e) {
        err().println(e.target() + ": cannot write: " + AtomicWrite.reason(e.getCause()));
        return Main.USAGE;
    }

    /**
     * The command as picocli makes it of these arguments ({@code args[0]} is {@code review}), made
     * without picocli; null for anything this does not take exactly as picocli does, which picocli
     * then parses: help and version, an option or form it does not know ({@code -oFILE}, an @-file,
     * {@code --}), an option given twice that takes one value, a value that starts with '-' or does not
     * convert. picocli builds its model of a command by reflecting over its annotations, most of what
     * reading the command line cost a cold review; a review needs none of it (docs/performance.md,
     * "Cold start").
     * {@code ReviewCommandTest} checks that what this makes is what picocli makes. The package step's
     * class-list run gives {@code -oFILE} so that picocli, which every other command needs, is in the
     * class-data-sharing archive too.
     */
    static ReviewCommand direct(String[] args) {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("picocli.")) return null; // tracing, quotes trimmed: picocli's own ways
        }
        ReviewCommand c = new ReviewCommand();
        c.settings = new ReviewSettings();
        c.failOn = Severity.HIGH; // the default, "high", as the converter reads it
        c.settings.warnExpiring = 14;
        java.util.Set<String> once = new java.util.HashSet<>();
        try {
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("@") || arg.isEmpty()) return null;
                if (!arg.startsWith("-")) {
                    if (c.model != null) return null;
                    c.model = Path.of(arg);
                    continue;
                }
                int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
                String name = eq > 0 ? arg.substring(0, eq) : arg;
                if (name.equals("--debug") || name.equals("--strict-baseline")) {
                    if (eq > 0 || !once.add(name)) return null;
                    if (name.equals("--debug")) c.debug = true;
                    else c.settings.strictBaseline = true;
                    continue;
                }
                boolean many = switch (name) {
                    case "--format", "-o", "--out", "--rules" -> true;
                    case "--fail-on", "--today", "--baseline", "--template-dir", "--warn-expiring", "--write-baseline" -> false;
                    default -> throw new Declined();
                };
                if (!many && !once.add(name)) return null;
                String value;
                if (eq > 0) {
                    value = arg.substring(eq + 1);
                } else {
                    if (i + 1 == args.length) return null;
                    value = args[++i];
                }
                if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) return null;
                switch (name) {
                    case "--format" -> {
                        OutputFormat f = OutputFormats.named(value);
                        if (f == null) return null;
                        c.formats.add(f);
                    }
                    case "-o", "--out" -> c.outs.add(Path.of(value));
                    case "--rules" -> c.settings.ruleDirs.add(Path.of(value));
                    case "--fail-on" -> c.failOn = new SeverityConverter().convert(value);
                    case "--today" -> c.settings.today = java.time.LocalDate.parse(value);
                    case "--baseline" -> c.settings.baseline = Path.of(value);
                    case "--template-dir" -> c.templateDir = Path.of(value);
                    case "--warn-expiring" -> {
                        // Plain decimal digits, which every way of reading an int agrees on.
                        if (!value.matches("0|[1-9][0-9]{0,8}")) return null;
                        c.settings.warnExpiring = Integer.parseInt(value);
                    }
                    default -> c.writeBaseline = Path.of(value);
                }
            }
        } catch (Declined | RuntimeException e) {
            // Declined, an invalid path or date, a severity that is not one: picocli says what is wrong.
            return null;
        }
        return c.model == null ? null : c;
    }

    private static final class Declined extends Exception {
        private static final long serialVersionUID = 1L;

        Declined() {
            super(null, null, false, false);
        }
    }

    /**
     * Runs a command {@link #direct} made as picocli runs one: a bug is an internal error, with its
     * stack trace under --debug.
     */
    int run(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
        try {
            return call();
        } catch (Exception e) {
            return Main.internalError(e, debug, err);
        }
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
