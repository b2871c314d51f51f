package org.e2eereview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** The output formats this library registers, found by id as the command line finds them. */
public final class Builtin {

    public static final OutputFormat TEXT = named("text");
    public static final OutputFormat JSON = named("json");
    public static final OutputFormat MD = named("md");
    public static final OutputFormat HTML = named("html");
    public static final OutputFormat SUBMISSION_MD = named("submission-md");
    public static final OutputFormat SUBMISSION_HTML = named("submission-html");
    public static final OutputFormat SARIF = named("sarif");
    public static final OutputFormat JUNIT = named("junit");

    /** Every format found: in this module's tests the built-in ones; with e2ee-review-pdf, the PDF too. */
    public static List<OutputFormat> all() {
        return OutputFormats.all();
    }

    public static OutputFormat named(String id) {
        OutputFormat f = OutputFormats.named(id);
        assertThat(f).as("a format named " + id + " among " + OutputFormats.ids()).isNotNull();
        return f;
    }

    private Builtin() {
    }
}
