package org.e2eereview.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.e2eereview.assess.Assessor;
import org.e2eereview.catalog.Severity;
import org.e2eereview.report.pdf.PdfDocument;
import org.e2eereview.report.template.TemplateProblem;
import org.e2eereview.report.template.Templates;
import org.e2eereview.report.view.ReportView;
import org.e2eereview.report.view.Views;
import org.e2eereview.review.Review;

/**
 * Every format a review renders to, from one review. Machine formats are written by code; human
 * formats are templates over one {@link ReportView}, built once for all the formats of a run.
 */
public final class Reports {

    public enum Format {
        TEXT("text", null),
        JSON("json", null),
        MD("md", "review.md.ftl"),
        HTML("html", "review.html.ftlh"),
        SUBMISSION_MD("submission-md", "submission.md.ftl"),
        SUBMISSION_HTML("submission-html", "submission.html.ftlh"),
        SUBMISSION_PDF("submission-pdf", "submission.html.ftlh"),
        SARIF("sarif", null),
        JUNIT("junit", null);

        private final String id;
        private final String template;

        Format(String id, String template) {
            this.id = id;
            this.template = template;
        }

        public String id() {
            return id;
        }

        /** The template it renders, or null for a format written by code. */
        public String template() {
            return template;
        }

        public static Format of(String id) {
            for (Format f : values()) if (f.id.equals(id.toLowerCase(Locale.ROOT))) return f;
            return null;
        }

        public static String names() {
            List<String> out = new ArrayList<>();
            for (Format f : values()) out.add(f.id);
            return String.join(", ", out);
        }
    }

    /**
     * @param templateDir a directory whose templates replace the bundled ones of the same name, or null
     * @param command     how the run was asked for, without --format/--out, for the reproducibility note
     * @param assessment  what each lawful-access proposal would do to the design: the submission
     *                    renders it; null leaves that part out
     * @param patched     each assessment's part of the view, when the assessments no longer hold their patched
     *                    reviews ({@link Views.Patched}); null when they do
     */
    public record Options(Severity failOn, LocalDate today, Path templateDir, String command,
                          Assessor.Result assessment, List<Views.Patched> patched) {

        public Options(Severity failOn, LocalDate today, Path templateDir, String command) {
            this(failOn, today, templateDir, command, null, null);
        }

        public Options(Severity failOn, LocalDate today, Path templateDir, String command, Assessor.Result assessment) {
            this(failOn, today, templateDir, command, assessment, null);
        }
    }

    /** Whether any of the formats renders a proposal's assessment (the consultation submission). */
    public static boolean needsAssessment(List<Format> formats) {
        return formats.stream().anyMatch(f -> f == Format.SUBMISSION_MD || f == Format.SUBMISSION_HTML
                || f == Format.SUBMISSION_PDF);
    }

    private Reports() {
    }

    /** Renders each format in turn into memory; nothing is written here, so a failure leaves every file as it was. */
    public static List<byte[]> render(Review review, List<Format> formats, Options options) throws TemplateProblem {
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
    public static void write(Review review, List<Format> formats, Options options, List<? extends OutputStream> to)
            throws TemplateProblem, IOException {
        Set<Format> wanted = formats.isEmpty() ? EnumSet.noneOf(Format.class) : EnumSet.copyOf(formats);
        boolean human = wanted.stream().anyMatch(f -> f.template() != null);
        Templates templates = human ? new Templates(options.templateDir()) : null;
        boolean mermaid = wanted.contains(Format.MD) || wanted.contains(Format.SUBMISSION_MD);
        boolean svg = wanted.contains(Format.HTML) || wanted.contains(Format.SUBMISSION_HTML)
                || wanted.contains(Format.SUBMISSION_PDF);
        ReportView page = null;
        ReportView submission = null;
        for (int i = 0; i < formats.size(); i++) {
            Format f = formats.get(i);
            OutputStream out = to.get(i);
            if (f == Format.JSON || f == Format.SARIF) {
                if (f == Format.JSON) JsonReport.write(review, options.failOn(), out);
                else SarifReport.write(review, out);
                out.flush();
                continue;
            }
            String text = switch (f) {
                case TEXT -> TerminalReport.render(review, options.failOn());
                case JUNIT -> JUnitReport.render(review, options.failOn());
                default -> null;
            };
            if (text != null) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
                continue;
            }
            // The page and the submission are different documents over the same review: each cites its sources
            // in its own order, and only the submission has the plain-language summary.
            boolean isSubmission = f == Format.SUBMISSION_MD || f == Format.SUBMISSION_HTML || f == Format.SUBMISSION_PDF;
            if (isSubmission && submission == null) {
                submission = Views.of(review, new Views.Options(options.failOn(), options.today(), null, mermaid, svg,
                        false, options.assessment(), true, options.patched()));
            } else if (!isSubmission && page == null) {
                page = Views.of(review, new Views.Options(options.failOn(), options.today(), null, mermaid, svg,
                        wanted.contains(Format.HTML), options.assessment(), false, options.patched()));
            }
            ReportView view = (isSubmission ? submission : page).forFormat(f.id(), options.command() == null ? null
                    : options.command() + " --format " + f.id());
            if (f == Format.SUBMISSION_PDF) {
                out.write(PdfDocument.render(templates.render(f.template(), view), view));
            } else {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                templates.render(f.template(), view, w);
                w.flush();
            }
            out.flush();
        }
    }
}
