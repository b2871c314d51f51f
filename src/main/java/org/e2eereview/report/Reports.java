package org.e2eereview.report;

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
     */
    public record Options(Severity failOn, LocalDate today, Path templateDir, String command,
                          Assessor.Result assessment) {

        public Options(Severity failOn, LocalDate today, Path templateDir, String command) {
            this(failOn, today, templateDir, command, null);
        }
    }

    /** Whether any of the formats renders a proposal's assessment (the consultation submission). */
    public static boolean needsAssessment(List<Format> formats) {
        return formats.stream().anyMatch(f -> f == Format.SUBMISSION_MD || f == Format.SUBMISSION_HTML
                || f == Format.SUBMISSION_PDF);
    }

    private Reports() {
    }

    /** Renders each format in turn; nothing is written here, so a failure leaves every file as it was. */
    public static List<byte[]> render(Review review, List<Format> formats, Options options) throws TemplateProblem {
        Set<Format> wanted = formats.isEmpty() ? EnumSet.noneOf(Format.class) : EnumSet.copyOf(formats);
        boolean human = wanted.stream().anyMatch(f -> f.template() != null);
        Templates templates = human ? new Templates(options.templateDir()) : null;
        boolean mermaid = wanted.contains(Format.MD) || wanted.contains(Format.SUBMISSION_MD);
        boolean svg = wanted.contains(Format.HTML) || wanted.contains(Format.SUBMISSION_HTML)
                || wanted.contains(Format.SUBMISSION_PDF);
        List<byte[]> out = new ArrayList<>();
        ReportView shared = null;
        for (Format f : formats) {
            String text = switch (f) {
                case TEXT -> TerminalReport.render(review, options.failOn());
                case JSON -> JsonReport.render(review, options.failOn());
                case SARIF -> SarifReport.render(review);
                case JUNIT -> JUnitReport.render(review, options.failOn());
                default -> null;
            };
            if (text != null) {
                out.add(text.getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (shared == null) {
                shared = Views.of(review, new Views.Options(options.failOn(), options.today(), null, mermaid, svg,
                        wanted.contains(Format.HTML), options.assessment()));
            }
            ReportView view = shared.forFormat(f.id(), options.command() == null ? null
                    : options.command() + " --format " + f.id());
            String html = templates.render(f.template(), view);
            out.add(f == Format.SUBMISSION_PDF ? PdfDocument.render(html, view)
                    : html.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }
}
