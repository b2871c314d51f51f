package org.e2eereview.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.e2eereview.report.escape.Inert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The submission PDF is tagged PDF/UA-1, as public bodies that republish submissions must make it:
 * veraPDF's PDF/UA-1 profile passes, and the structure a screen reader walks is there.
 */
class PdfAccessibilityTest {

    @BeforeAll
    static void veraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    static List<String> submissions() throws Exception {
        return Submissions.names();
    }

    @ParameterizedTest
    @MethodSource("submissions")
    void passesVeraPdfsPdfUa1Profile(String name) throws Exception {
        byte[] pdf = Submissions.get(name).pdf();
        List<String> failed = new ArrayList<>();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFUA_1);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
            ValidationResult result = validator.validate(parser);
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    String line = a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage();
                    if (!failed.contains(line)) failed.add(line);
                }
            }
            assertThat(failed).as("PDF/UA-1 rules failed").isEmpty();
            assertThat(result.isCompliant()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("submissions")
    void carriesLanguageTitleAndAStructureAScreenReaderCanWalk(String name) throws Exception {
        Submissions.Case c = Submissions.get(name);
        try (PDDocument doc = Loader.loadPDF(c.pdf())) {
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            assertThat(catalog.getLanguage()).isEqualTo("en");
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getViewerPreferences().displayDocTitle()).as("title in the title bar").isTrue();
            // As every report shows model text: its control characters written out, inert.
            assertThat(doc.getDocumentInformation().getTitle()).contains(Inert.text(c.review().model().system().name()));

            List<PDStructureElement> all = new ArrayList<>();
            collect(catalog.getStructureTreeRoot(), all);
            List<String> types = all.stream().map(PDStructureElement::getStructureType).toList();
            assertThat(types).contains("H1", "H2", "H3", "P", "L", "LI", "Table", "TR", "TH", "TD", "Link");
            for (PDStructureElement e : all) {
                if (e.getStructureType().equals("Figure")) {
                    assertThat(e.getAlternateDescription()).as("a figure's alt text").isNotBlank();
                }
            }
            assertThat(types).as("the architecture diagram, as a figure").contains("Figure");
            // Reading order is the structure's order: the title, then the sections, the references last.
            assertThat(types.indexOf("H1")).isLessThan(types.indexOf("H2"));
        }
    }

    private static void collect(PDStructureNode node, List<PDStructureElement> out) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                out.add(e);
                collect(e, out);
            }
        }
    }
}
