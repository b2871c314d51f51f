package org.e2eereview.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

import org.e2eereview.report.template.TemplateProblem;

/**
 * One format a review renders to, found by its {@link #id()} among those registered with
 * {@link java.util.ServiceLoader} (a line in {@code META-INF/services/org.e2eereview.report.OutputFormat}):
 * the built-in ones in this library, the PDF in e2ee-review-pdf, and any a team adds. See
 * {@link OutputFormats}. One instance serves every run, on any thread: a format keeps no state of its
 * own; what a run shares (the review, its options, the view the human formats render) is in the
 * {@link Rendering} it is handed.
 */
public interface OutputFormat {

    /** The name {@code --format} and the Maven plugin's {@code formats} take: lower case, unique. */
    String id();

    /** What it is and who reads it, in a few words, for help text. */
    String description();

    /** The end of a report's file name where the Maven plugin writes it, after the model's name: ".sarif". */
    String fileSuffix();

    /** Whether it is written in bytes a terminal cannot show (so never to standard output). */
    default boolean binary() {
        return false;
    }

    /**
     * Whether it reports what each lawful-access proposal would do to the design: the caller then
     * assesses the proposals before rendering and gives the result in {@link Reports.Options}.
     */
    default boolean needsAssessment() {
        return false;
    }

    /** What the run's shared view must make for this format; none for a format written from the review alone. */
    default Set<ViewPart> viewParts() {
        return Set.of();
    }

    /** Writes the report into {@code out}, as it goes where it can; flushing and closing are the caller's. */
    void render(Rendering run, OutputStream out) throws IOException, TemplateProblem;

    /** The parts of the shared view that cost time to make, each made only when a format of the run draws it. */
    enum ViewPart {
        /** The diagrams as Mermaid, for Markdown. */
        MERMAID_DIAGRAM,
        /** The diagrams laid out as SVG, for HTML (and what is printed from it). */
        SVG_DIAGRAM,
        /** The model's source, numbered, for the review page to link its evidence to. */
        MODEL_SOURCE
    }
}
