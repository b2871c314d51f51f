package org.e2eereview.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.e2eereview.assess.Assessor;
import org.e2eereview.catalog.Severity;
import org.e2eereview.report.template.TemplateProblem;
import org.e2eereview.report.view.ReportViewBuilder;
import org.e2eereview.review.Review;

/**
 * One review rendered into several formats ({@link OutputFormat}, found by id in {@link OutputFormats}),
 * what they share made once for the run ({@link Rendering}).
 */
public final class Reports {

    /**
     * @param templateDir a directory whose templates replace the bundled ones of the same name, or null
     * @param command     how the run was asked for, without --format/--out, for the reproducibility note
     * @param assessment  what each lawful-access proposal would do to the design: the submission
     *                    renders it; null leaves that part out
     * @param patched     each assessment's part of the view, when the assessments no longer hold their patched
     *                    reviews ({@link ReportViewBuilder.Patched}); null when they do
     */
    public record Options(Severity failOn, LocalDate today, Path templateDir, String command,
                          Assessor.Result assessment, List<ReportViewBuilder.Patched> patched) {

        public Options(Severity failOn, LocalDate today, Path templateDir, String command) {
            this(failOn, today, templateDir, command, null, null);
        }

        public Options(Severity failOn, LocalDate today, Path templateDir, String command, Assessor.Result assessment) {
            this(failOn, today, templateDir, command, assessment, null);
        }
    }

    /** Whether any of the formats renders a proposal's assessment (the consultation submission). */
    public static boolean needsAssessment(List<OutputFormat> formats) {
        return formats.stream().anyMatch(OutputFormat::needsAssessment);
    }

    private Reports() {
    }

    /** Renders each format in turn into memory; nothing is written here, so a failure leaves every file as it was. */
    public static List<byte[]> render(Review review, List<OutputFormat> formats, Options options) throws TemplateProblem {
        List<ByteArrayOutputStream> outs = new ArrayList<>();
        for (int i = 0; i < formats.size(); i++) outs.add(new ByteArrayOutputStream());
        try {
            write(review, formats, options, outs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return outs.stream().map(ByteArrayOutputStream::toByteArray).toList();
    }

    /**
     * Renders each format in turn into its stream (the n-th format into the n-th stream), as it goes
     * where the format allows: a large model's report need not be held whole in memory. The streams
     * are flushed, not closed.
     */
    public static void write(Review review, List<OutputFormat> formats, Options options, List<? extends OutputStream> to)
            throws TemplateProblem, IOException {
        Rendering run = new Rendering(review, options, formats);
        for (int i = 0; i < formats.size(); i++) {
            OutputStream out = to.get(i);
            formats.get(i).render(run, out);
            out.flush();
        }
    }
}
