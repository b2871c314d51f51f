package org.e2eereview.report.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

import org.e2eereview.report.OutputFormat;
import org.e2eereview.report.Rendering;
import org.e2eereview.report.template.TemplateProblem;
import org.e2eereview.report.view.ReportView;

/** The consultation submission as PDF: the submission's HTML template, laid out on pages ({@link PdfDocument}). */
public final class SubmissionPdf implements OutputFormat {

    /** The template it lays out: the HTML submission's, so that a team's replacement of it shows in both. */
    static final String TEMPLATE = "submission.html.ftlh";

    @Override
    public String id() {
        return "submission-pdf";
    }

    @Override
    public String description() {
        return "a consultation submission as tagged PDF";
    }

    @Override
    public String fileSuffix() {
        return ".submission.pdf";
    }

    @Override
    public boolean binary() {
        return true;
    }

    @Override
    public boolean needsAssessment() {
        return true;
    }

    @Override
    public Set<ViewPart> viewParts() {
        return Set.of(ViewPart.SVG_DIAGRAM);
    }

    @Override
    public void render(Rendering run, OutputStream out) throws IOException, TemplateProblem {
        ReportView view = run.submission(this);
        out.write(PdfDocument.render(run.submission(this, TEMPLATE), view));
    }
}
