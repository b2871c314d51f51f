package org.e2eereview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.e2eereview.Corpus;
import org.e2eereview.assess.Assessor;
import org.e2eereview.catalog.Entries.Term;
import org.e2eereview.catalog.Severity;
import org.e2eereview.report.BuiltInFormats.SubmissionHtml;
import org.e2eereview.report.BuiltInFormats.SubmissionMd;
import org.e2eereview.report.view.Glossary;
import org.e2eereview.report.view.ReportView.TermView;
import org.e2eereview.rules.Startup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A submission explains the terms it uses, and only those: the catalog's glossary, matched in the document. */
class GlossaryTest {

    static Stream<Path> examples() throws Exception {
        return ReportsTest.examples();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void theLastAnnexExplainsEveryCatalogTermTheDocumentUsesAndNoOther(Path example) throws Exception {
        Assessor.Result assessment = new Assessor(Corpus.reviewer()).assess(example, List.of());
        List<byte[]> out = Reports.render(assessment.original(), List.of(new SubmissionMd(), new SubmissionHtml()),
                new Reports.Options(Severity.HIGH, LocalDate.of(2026, 6, 1), null, "e2ee-review review x.yaml", assessment));
        String md = new String(out.get(0), StandardCharsets.UTF_8);
        int annex = md.indexOf("## Annex E. Terms used in this document");
        assertThat(annex).as(example + " has the terms' annex").isPositive();
        assertThat(md.substring(0, md.indexOf("## Summary"))).contains("Annex E explains the terms it uses");
        String document = md.substring(0, annex).replace("\\", "").replaceAll("\\s+", " ");
        String explained = md.substring(annex);
        for (Term t : Startup.catalog().glossary().values()) {
            boolean used = t.matches().stream().anyMatch(m -> Pattern.compile("(?<![\\p{L}\\p{N}-])" + Pattern.quote(m)
                    + "(?![\\p{L}\\p{N}-])", Pattern.CASE_INSENSITIVE).matcher(document).find());
            assertThat(explained.contains("- **" + t.term() + "**: ")).as(example + ": " + t.term() + " used " + used)
                    .isEqualTo(used);
        }
        // The HTML explains the same terms, in the same order.
        String html = new String(out.get(1), StandardCharsets.UTF_8);
        String terms = html.substring(html.indexOf("<h2>Annex E. Terms used in this document</h2>"));
        List<String> inHtml = Pattern.compile("<dt>([^<]+)</dt>").matcher(terms).results().map(r -> r.group(1)).toList();
        List<String> inMd = Pattern.compile("- \\*\\*([^*]+)\\*\\*: ").matcher(explained).results().map(r -> r.group(1)).toList();
        assertThat(inHtml).isEqualTo(inMd).isNotEmpty();
    }

    @Test
    void aTermIsAWholeWordNotPartOfAnIdOrATag() {
        var catalog = Startup.catalog();
        assertThat(terms(Glossary.used(catalog, "the key-directory and the keyring"))).doesNotContain("key");
        assertThat(terms(Glossary.used(catalog, "two KEYS"))).contains("key");
        assertThat(terms(Glossary.used(catalog, "key2, ²key, key- and -key"))).doesNotContain("key");
        assertThat(terms(Glossary.used(catalog, "a key, then another"))).contains("key");
        assertThat(terms(Glossary.used(catalog, "<p class=\"key\">x</p> <span>Key</span> <em>transparency</em>")))
                .contains("key", "key transparency");
        assertThat(terms(Glossary.used(catalog, "nothing to explain here"))).isEmpty();
    }

    private static List<String> terms(List<TermView> views) {
        return views.stream().map(TermView::term).toList();
    }
}
