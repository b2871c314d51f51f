package org.e2eereview.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.e2eereview.report.template.TemplateProblem;

/**
 * The formats this library renders, each registered in META-INF/services/org.e2eereview.report.OutputFormat.
 * Machine formats are written by code; human formats are templates over the run's shared view.
 */
public final class BuiltInFormats {

    private BuiltInFormats() {
    }

    /** What every built-in format is: a name, a few words for help, a file name's end. */
    abstract static class Named implements OutputFormat {
        private final String id;
        private final String description;
        private final String fileSuffix;

        Named(String id, String description, String fileSuffix) {
            this.id = id;
            this.description = description;
            this.fileSuffix = fileSuffix;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public String fileSuffix() {
            return fileSuffix;
        }
    }

    public static final class Text extends Named {
        public Text() {
            super("text", "the terminal", ".txt");
        }

        @Override
        public void render(Rendering run, OutputStream out) throws IOException {
            out.write(TerminalReport.render(run.review(), run.options().failOn()).getBytes(StandardCharsets.UTF_8));
        }
    }

    public static final class Json extends Named {
        public Json() {
            super("json", "for programs: docs/json-output.md", ".json");
        }

        @Override
        public void render(Rendering run, OutputStream out) throws IOException {
            JsonReport.write(run.review(), run.options().failOn(), out);
        }
    }

    public static final class Sarif extends Named {
        public Sarif() {
            super("sarif", "SARIF 2.1.0 for code scanning", ".sarif");
        }

        @Override
        public void render(Rendering run, OutputStream out) throws IOException {
            SarifReport.write(run.review(), out);
        }
    }

    public static final class JUnit extends Named {
        public JUnit() {
            super("junit", "JUnit XML for CI servers", ".junit.xml");
        }

        @Override
        public void render(Rendering run, OutputStream out) throws IOException {
            out.write(JUnitReport.render(run.review(), run.options().failOn()).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A human format: a template, which a user may replace, over the review page's view or the submission's. */
    abstract static class Template extends Named {
        private final String template;
        private final boolean submission;
        private final Set<ViewPart> parts;

        Template(String id, String description, String template, boolean submission, Set<ViewPart> parts) {
            super(id, description, "." + id.replace('-', '.'));
            this.template = template;
            this.submission = submission;
            this.parts = parts;
        }

        @Override
        public boolean needsAssessment() {
            return submission;
        }

        @Override
        public Set<ViewPart> viewParts() {
            return parts;
        }

        @Override
        public void render(Rendering run, OutputStream out) throws IOException, TemplateProblem {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (submission) {
                w.write(run.submission(this, template));
            } else {
                run.templates().render(template, run.page(this), w);
            }
            w.flush();
        }
    }

    public static final class Md extends Template {
        public Md() {
            super("md", "Markdown with a Mermaid diagram, for pull requests", "review.md.ftl", false,
                    Set.of(ViewPart.MERMAID_DIAGRAM));
        }
    }

    public static final class Html extends Template {
        public Html() {
            super("html", "a self-contained page", "review.html.ftlh", false,
                    Set.of(ViewPart.SVG_DIAGRAM, ViewPart.MODEL_SOURCE));
        }
    }

    public static final class SubmissionMd extends Template {
        public SubmissionMd() {
            super("submission-md", "a consultation submission in Markdown", "submission.md.ftl", true,
                    Set.of(ViewPart.MERMAID_DIAGRAM));
        }
    }

    public static final class SubmissionHtml extends Template {
        public SubmissionHtml() {
            super("submission-html", "a consultation submission as a self-contained page", "submission.html.ftlh",
                    true, Set.of(ViewPart.SVG_DIAGRAM));
        }
    }
}
