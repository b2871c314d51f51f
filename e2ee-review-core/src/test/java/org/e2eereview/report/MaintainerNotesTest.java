package org.e2eereview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.e2eereview.Corpus;
import org.e2eereview.assess.Assessor;
import org.e2eereview.assess.ProposalReference;
import org.e2eereview.catalog.Catalog;
import org.e2eereview.catalog.Severity;
import org.e2eereview.load.Bundled;
import org.e2eereview.rules.RuleReference;
import org.e2eereview.rules.Startup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * What the catalog keeps as {@code maintainer-note} (how a source was checked, what was not) is for
 * its maintainers: no report a team sends to a government, and no generated doc, may print it.
 */
public class MaintainerNotesTest {

    private static List<String> notes;

    @BeforeAll
    static void readNotes() {
        notes = notes();
    }

    /** Every maintainer-note of the bundled catalog, read from the YAML itself, not through the records. */
    public static List<String> notes() {
        List<String> out = new ArrayList<>();
        for (byte[] file : Bundled.yamlFiles("catalog").values()) {
            collect(new Yaml().load(new String(file, StandardCharsets.UTF_8)), out);
        }
        return out;
    }

    private static void collect(Object node, List<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if ("maintainer-note".equals(k)) into.add(String.valueOf(v));
                else collect(v, into);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collect(v, into));
        }
    }

    /**
     * Letters and digits only: every format escapes and wraps differently (Markdown backslashes, HTML
     * entities, PDF line breaks), and a note must be found in any of them.
     */
    public static String bare(String text) {
        return text.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    static Stream<Path> examples() throws Exception {
        return Corpus.files("examples").stream();
    }

    @Test
    void theCatalogHasNotesToKeepOut() {
        // Without notes the tests below would pass for nothing.
        assertThat(notes).hasSizeGreaterThan(20).allSatisfy(n -> assertThat(bare(n)).hasSizeGreaterThan(20));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void noReportOfAnExamplePrintsAMaintainerNote(Path example) throws Exception {
        var assessment = new Assessor(Corpus.reviewer()).assess(example, List.of());
        Reports.Options options = new Reports.Options(Severity.HIGH, LocalDate.of(2026, 6, 1), null, "x", assessment);
        List<OutputFormat> all = Builtin.all();
        List<byte[]> out = Reports.render(assessment.original(), all, options);
        String publishedLaw = bare(Startup.catalog().proposals().get("traceability").legal().get(0).note());
        for (int i = 0; i < all.size(); i++) {
            String text = bare(ReportsTest.text(out.get(i)));
            if (all.get(i).needsAssessment()) {
                // The same matching finds the catalog's published text, so it would find a note.
                assertThat(text).as(all.get(i).id() + " shows the proposals' law").contains(publishedLaw);
            }
            for (String note : notes) {
                assertThat(text).as(example + " " + all.get(i).id() + " prints the maintainer-note \"" + note + "\"")
                        .doesNotContain(bare(note));
            }
        }
    }

    @Test
    void noGeneratedDocPrintsAMaintainerNote() throws Exception {
        Catalog catalog = Startup.catalog();
        List<String> docs = List.of(RuleReference.markdown(Corpus.rules()), ProposalReference.markdown(catalog),
                Catalog.formatReference());
        for (String doc : docs) {
            for (String note : notes) assertThat(bare(doc)).as(note).doesNotContain(bare(note));
        }
    }
}
