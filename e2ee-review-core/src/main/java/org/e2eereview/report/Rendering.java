package org.e2eereview.report;

import java.util.List;

import org.e2eereview.report.OutputFormat.ViewPart;
import org.e2eereview.report.template.TemplateProblem;
import org.e2eereview.report.template.Templates;
import org.e2eereview.report.view.Glossary;
import org.e2eereview.report.view.ReportView;
import org.e2eereview.report.view.ReportViewBuilder;
import org.e2eereview.review.Review;

/**
 * One run of {@link Reports}: one review rendered into several formats. What the formats share is made
 * once, when the first asks for it: the templates, and the two views the human formats render (the
 * review page and the consultation submission, different documents over the same review: each cites
 * its sources in its own order, and only the submission has the plain-language summary). Each view
 * holds the parts that some format of the run draws ({@link OutputFormat#viewParts()}), so a run of
 * Markdown alone lays out no SVG. Used by one thread.
 */
public final class Rendering {

    private final Review review;
    private final Reports.Options options;
    private final boolean mermaid;
    private final boolean svg;
    private final boolean source;
    private Templates templates;
    private ReportView page;
    private ReportView submission;

    Rendering(Review review, Reports.Options options, List<OutputFormat> formats) {
        this.review = review;
        this.options = options;
        this.mermaid = draws(formats, ViewPart.MERMAID_DIAGRAM);
        this.svg = draws(formats, ViewPart.SVG_DIAGRAM);
        this.source = draws(formats, ViewPart.MODEL_SOURCE);
    }

    private static boolean draws(List<OutputFormat> formats, ViewPart part) {
        return formats.stream().anyMatch(f -> f.viewParts().contains(part));
    }

    public Review review() {
        return review;
    }

    public Reports.Options options() {
        return options;
    }

    /** The bundled templates, each replaced by one of the same name in the options' template folder. */
    public Templates templates() throws TemplateProblem {
        if (templates == null) templates = new Templates(options.templateDir());
        return templates;
    }

    /** The review page's view, as {@code format} shows it. */
    public ReportView page(OutputFormat format) {
        if (page == null) {
            page = ReportViewBuilder.of(review, new ReportViewBuilder.Options(options.failOn(), options.today(), null, mermaid, svg, source,
                    options.assessment(), false, options.patched()));
        }
        return page.forFormat(format.id(), command(format));
    }

    /** The consultation submission's view, as {@code format} shows it. */
    public ReportView submission(OutputFormat format) {
        if (submission == null) {
            submission = ReportViewBuilder.of(review, new ReportViewBuilder.Options(options.failOn(), options.today(), null, mermaid, svg,
                    false, options.assessment(), true, options.patched()));
        }
        return submission.forFormat(format.id(), command(format));
    }

    /**
     * The consultation submission written with {@code template}: written once, and again with the terms it
     * turns out to use explained, when it uses any the catalog's glossary explains.
     */
    public String submission(OutputFormat format, String template) throws TemplateProblem {
        ReportView view = submission(format);
        String first = templates().render(template, view);
        List<ReportView.TermView> terms = Glossary.used(review.catalog(), first);
        return terms.isEmpty() ? first : templates().render(template, view.withTerms(terms));
    }

    /** The command that gives this report again, for its reproducibility note. */
    private String command(OutputFormat format) {
        return options.command() == null ? null : options.command() + " --format " + format.id();
    }
}
