package org.e2eereview.report.template;

import java.io.IOException;
import java.io.Writer;

import org.e2eereview.report.escape.Markdown;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;

/**
 * Markdown as a FreeMarker output format, so that {@code ${...}} in a {@code .md.ftl} template is
 * escaped for Markdown as {@code .ftlh} templates are for HTML: model text cannot open a link, an
 * image, a table cell, emphasis or raw HTML.
 */
public final class MarkdownOutputFormat extends CommonMarkupOutputFormat<MarkdownOutputFormat.Output> {

    public static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();

    private MarkdownOutputFormat() {
    }

    @Override
    public String getName() {
        return "Markdown";
    }

    @Override
    public String getMimeType() {
        return "text/markdown";
    }

    @Override
    public void output(String text, Writer out) throws IOException {
        out.write(Markdown.escape(text));
    }

    @Override
    public String escapePlainText(String text) {
        return Markdown.escape(text);
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected Output newTemplateMarkupOutputModel(String plainText, String markupText) {
        return new Output(plainText, markupText);
    }

    public static final class Output extends CommonTemplateMarkupOutputModel<Output> {
        Output(String plainText, String markupText) {
            super(plainText, markupText);
        }

        @Override
        public MarkdownOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }
}
