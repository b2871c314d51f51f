package org.e2eereview.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.e2eereview.assess.Assessor;
import org.e2eereview.catalog.Severity;
import org.e2eereview.load.InputException;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.load.Problem;
import org.e2eereview.report.AtomicWrite;
import org.e2eereview.report.OutputFormat;
import org.e2eereview.report.OutputFormats;
import org.e2eereview.report.Reports;
import org.e2eereview.report.escape.Inert;
import org.e2eereview.report.template.TemplateProblem;
import org.e2eereview.review.Review;
import org.e2eereview.review.ReviewConfig;
import org.e2eereview.review.Reviewed;
import org.e2eereview.review.Reviewer;

/**
 * Reviews the project's design models as {@code e2ee-review review} does, writes the reports CI
 * picks up, and fails the build on a counted finding at or above {@code failOn}, each one a
 * located line; a model that cannot be read fails it with the loader's located problems.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends ModelMojo {

    /** Several models, each reviewed on its own (with {@code model}, if given too). */
    @Parameter
    List<File> models;

    /** Findings already reviewed and accepted (docs/baselines.md). */
    @Parameter(property = "e2ee-review.baseline")
    File baseline;

    /**
     * Reports to write, by format id as {@code review --format} takes them: html, json, junit, md, sarif,
     * submission-html, submission-md, submission-pdf, text.
     */
    @Parameter(property = "e2ee-review.formats", defaultValue = "sarif,junit")
    List<String> formats;

    @Override
    void run(Severity threshold, LocalDate date) throws MojoExecutionException, MojoFailureException {
        List<OutputFormat> wanted = formats(formats);
        List<Path> files = modelFiles();

        ReviewConfig config = ReviewConfig.defaults().withToday(date)
                .withBaseline(baseline == null ? null : baseline.toPath());
        Reviewer reviewer;
        try {
            reviewer = config.reviewer();
        } catch (InputException e) {
            throw located("e2ee-review: the baseline " + baseline + " cannot be used", e);
        }

        List<String> failing = new ArrayList<>();
        for (Path file : files) {
            Review review;
            Assessor.Result assessment = null;
            try {
                if (Reports.needsAssessment(wanted)) {
                    assessment = new Assessor(reviewer).assess(file, List.of());
                    review = assessment.original();
                } else {
                    review = reviewer.review(new ModelLoader().load(file));
                }
            } catch (InputException e) {
                throw located("e2ee-review: " + file + " is not a usable model", e);
            }
            write(file, review, assessment, wanted, threshold, date);
            getLog().info(Inert.text("e2ee-review: " + file + ": " + review.verdict().text() + " (" + review.countsInWords() + ")"));
            for (Reviewed r : review.weakenings()) {
                if (!r.counts()) continue;
                String line = line(r);
                if (threshold != null && r.finding().severity().atLeast(threshold)) {
                    getLog().error(line);
                    failing.add(line);
                } else {
                    getLog().info(line);
                }
            }
        }
        if (!failing.isEmpty()) {
            throw new MojoFailureException("e2ee-review: " + failing.size() + " finding(s) at or above "
                    + threshold.yamlName() + " (reports in " + outputDirectory + "):\n" + String.join("\n", failing));
        }
    }

    private List<Path> modelFiles() throws MojoFailureException {
        List<Path> out = new ArrayList<>();
        if (model != null) out.add(model.toPath());
        if (models != null) for (File f : models) out.add(f.toPath());
        if (out.isEmpty()) out.add(basedir.toPath().resolve(DEFAULT_MODEL));
        for (Path p : out) requireModel(p);
        return out;
    }

    /**
     * Every report is written in full beside its target before any is moved into place, so a failure
     * leaves the reports of an earlier build as they were.
     */
    private void write(Path file, Review review, Assessor.Result assessment, List<OutputFormat> wanted, Severity threshold,
                       LocalDate date) throws MojoExecutionException {
        if (wanted.isEmpty()) return;
        String base = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        List<AtomicWrite.Pending> files = new ArrayList<>();
        try {
            Path dir = Files.createDirectories(outputDirectory.toPath());
            for (OutputFormat f : wanted) files.add(AtomicWrite.open(dir.resolve(base + f.fileSuffix())));
            String command = "e2ee-review review " + file + " --fail-on "
                    + (threshold == null ? "none" : threshold.yamlName()) + " --today " + date;
            Reports.write(review, wanted, new Reports.Options(threshold, date, null, command, assessment), files);
            AtomicWrite.commitAll(files);
        } catch (TemplateProblem e) {
            throw new MojoExecutionException("e2ee-review: " + e.getMessage(), e);
        } catch (AtomicWrite.Failure e) {
            throw cannotWrite(file, e.target(), e.getCause());
        } catch (IOException e) {
            AtomicWrite.Failure failure = AtomicWrite.failed(files);
            throw failure != null ? cannotWrite(file, failure.target(), failure.getCause())
                    : cannotWrite(file, outputDirectory.toPath(), e);
        } finally {
            AtomicWrite.discard(files);
        }
    }

    private MojoExecutionException cannotWrite(Path model, Path target, IOException e) {
        return new MojoExecutionException("e2ee-review: cannot write the reports of " + model + " (" + target + "): "
                + AtomicWrite.reason(e), e);
    }

    static List<OutputFormat> formats(List<String> names) throws MojoFailureException {
        List<OutputFormat> out = new ArrayList<>();
        if (names == null) return out;
        for (String n : names) {
            if (n == null || n.isBlank()) continue;
            OutputFormat f = OutputFormats.named(n.strip());
            if (f == null) {
                throw new MojoFailureException("e2ee-review: '" + n + "' is not a format: use " + OutputFormats.ids());
            }
            if (!out.contains(f)) out.add(f);
        }
        return out;
    }

}
