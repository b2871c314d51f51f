package org.e2eereview.report.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.e2eereview.Corpus;
import org.e2eereview.Repo;
import org.e2eereview.catalog.Severity;
import org.e2eereview.report.view.ReportView;
import org.e2eereview.report.view.ReportViewBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {

    static ReportView view;

    @BeforeAll
    static void review() throws Exception {
        view = ReportViewBuilder.of(Corpus.reviewer().review(Repo.file("examples/signal.yaml")),
                new ReportViewBuilder.Options(Severity.HIGH, LocalDate.of(2026, 6, 1), null, true, false, false));
    }

    private static String render(Path dir, String name, String template) throws Exception {
        Files.writeString(dir.resolve(name), template);
        return new Templates(dir).render(name, view);
    }

    @Test
    void aUserTemplateReplacesTheBundledOneOfTheSameName(@TempDir Path dir) throws Exception {
        assertThat(render(dir, "review.md.ftl", "Verdict of ${model.system}: ${verdict.text}\n"))
                .isEqualTo("Verdict of Signal: NO WEAKENING AT HIGH OR ABOVE\n");
        assertThat(new Templates(dir).render("review.html.ftlh", view)).as("others stay bundled")
                .startsWith("<!DOCTYPE html>");
    }

    @Test
    void templatesCannotReachJava(@TempDir Path dir) {
        assertThatThrownBy(() -> render(dir, "a.ftl", "<#assign e = \"freemarker.template.utility.Execute\"?new()>${e(\"id\")}"))
                .isInstanceOf(TemplateProblem.class).hasMessageStartingWith(dir.resolve("a.ftl") + ":1:");
        assertThatThrownBy(() -> render(dir, "b.ftl", "${model?api.getClass()}"))
                .isInstanceOf(TemplateProblem.class).hasMessageContaining("?api");
        assertThatThrownBy(() -> render(dir, "c.ftl", "${model.class.forName(\"java.lang.Runtime\")}"))
                .isInstanceOf(TemplateProblem.class).hasMessageStartingWith(dir.resolve("c.ftl") + ":1:");
        assertThatThrownBy(() -> render(dir, "d.ftl", "${findings?first.getClass()}"))
                .isInstanceOf(TemplateProblem.class);
    }

    @Test
    void htmlAndMarkdownTemplatesEscapeByTheirName(@TempDir Path dir) throws Exception {
        assertThat(render(dir, "x.html.ftlh", "${verdict.summary?replace('.', '<b>')}"))
                .isEqualTo("No counted finding is critical or high&lt;b&gt;");
        assertThat(render(dir, "x.md.ftl", "${verdict.summary?replace('.', '*[x]*')}"))
                .isEqualTo("No counted finding is critical or high\\*\\[x\\]\\*");
    }

    @Test
    void brokenTemplatesAreLocatedOneLineErrors(@TempDir Path dir) {
        assertThatThrownBy(() -> render(dir, "e.md.ftl", "line one\n<#if verdict.fails>unclosed\n"))
                .isInstanceOf(TemplateProblem.class).hasMessageStartingWith(dir.resolve("e.md.ftl") + ":2:")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> render(dir, "f.md.ftl", "\n\n  ${no.such.thing}"))
                .isInstanceOf(TemplateProblem.class).hasMessageStartingWith(dir.resolve("f.md.ftl") + ":3:5: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> new Templates(dir.resolve("missing"))).isInstanceOf(TemplateProblem.class)
                .hasMessage(dir.resolve("missing") + ": not a directory of templates");
    }

    /** docs/reports.md lists every field of the view; -De2ee.regenerate=true rewrites the list. */
    @Test
    void theDocumentedFieldsAreTheViewsFields() throws Exception {
        Path doc = Repo.file("docs/reports.md");
        String text = Files.readString(doc);
        String begin = "<!-- BEGIN GENERATED VIEW FIELDS: do not edit by hand; see TemplatesTest -->\n";
        String end = "<!-- END GENERATED VIEW FIELDS -->";
        int a = text.indexOf(begin);
        int b = text.indexOf(end);
        assertThat(a).as("docs/reports.md has the generated section").isNotNegative();
        String expected = text.substring(0, a + begin.length()) + "\n" + ViewReference.table() + "\n" + text.substring(b);
        if (Boolean.getBoolean("e2ee.regenerate")) Files.writeString(doc, expected);
        assertThat(text).as("docs/reports.md is stale: run mvn test -De2ee.regenerate=true").isEqualTo(expected);
    }

    @Test
    void theViewReachesTemplatesAsPlainData() {
        Object data = Templates.data(view);
        assertThat(data).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) data).get("model")).isInstanceOf(Map.class);
    }
}
