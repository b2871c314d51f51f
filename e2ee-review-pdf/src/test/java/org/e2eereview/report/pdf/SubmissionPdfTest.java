package org.e2eereview.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.e2eereview.Corpus;
import org.e2eereview.Repo;
import org.e2eereview.assess.Assessor;
import org.e2eereview.catalog.Severity;
import org.e2eereview.report.MaintainerNotesTest;
import org.e2eereview.report.OutputFormats;
import org.e2eereview.report.Reports;
import org.e2eereview.rules.Startup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The submission as PDF: found by name beside the library's formats once this module is on the class
 * path, and saying what the HTML submission it is laid out from says (the library's SubmissionTest
 * checks the Markdown and HTML).
 */
class SubmissionPdfTest {

    @Test
    void isFoundByNameBesideTheLibrarysFormats() {
        assertThat(OutputFormats.named("submission-pdf")).isInstanceOf(SubmissionPdf.class)
                .isSameAs(OutputFormats.named("Submission-PDF"));
        assertThat(OutputFormats.ids())
                .isEqualTo("html, json, junit, md, sarif, submission-html, submission-md, submission-pdf, text");
        assertThat(Submissions.PDF.binary()).isTrue();
        assertThat(Submissions.PDF.needsAssessment()).isTrue();
        assertThat(Submissions.PDF.fileSuffix()).isEqualTo(".submission.pdf");
    }

    @Test
    void embedsEveryFontItUses() throws Exception {
        try (PDDocument doc = Loader.loadPDF(Submissions.get("examples/signal.yaml").pdf())) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(3);
            List<String> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName());
                    assertThat(font.isEmbedded()).as(font.getName() + " is embedded").isTrue();
                }
            }
            assertThat(fonts).anyMatch(f -> f.endsWith("DejaVuSans"));
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Submission on end-to-end encryption and public safety: Signal");
        }
    }

    @Test
    void hostileTextIsPrintedAsTheTextItIs() throws Exception {
        assertThat(text(Submissions.get("hostile").pdf())).contains("<script>alert(1)</script>");
    }

    @Test
    void theSectionsAndAnnexesAreThere() throws Exception {
        assertThat(flat(Submissions.get("examples/signal.yaml --assess all").pdf())).contains("Summary")
                .contains("The first ask").contains("Annex B. The proposals in detail")
                .contains("Annex D. Reproducing this document");
    }

    @Test
    void saysWhatTheHtmlSaysOfNoticedReadingsAndOfFeatures() throws Exception {
        String pdf = flat(Submissions.get("examples/whatsapp.yaml --assess all").pdf());
        String franking = Startup.catalog().safetyFeatures().get("VERIFIABLE-REPORTING").inWords();
        assertThat(pdf).contains("A reading that could be noticed is not silent").contains(franking);
    }

    /** An address longer than a line wraps; kept whole on its line, it ran off the page and was cut. */
    @Test
    void printsEveryReferencesAddressWhole() throws Exception {
        Submissions.Case c = Submissions.get("examples/whatsapp.yaml --assess all");
        org.w3c.dom.Element references = null;
        org.w3c.dom.NodeList sections = c.xhtml().getElementsByTagNameNS("*", "section");
        for (int i = 0; i < sections.getLength(); i++) {
            if (sections.item(i) instanceof org.w3c.dom.Element e && e.getAttribute("id").equals("references")) references = e;
        }
        assertThat(references).as("Annex C").isNotNull();
        List<String> urls = new ArrayList<>();
        org.w3c.dom.NodeList spans = references.getElementsByTagNameNS("*", "span");
        for (int i = 0; i < spans.getLength(); i++) {
            String t = spans.item(i).getTextContent().strip();
            if (t.startsWith("http")) urls.add(t);
        }
        assertThat(urls).as("addresses in Annex C").hasSizeGreaterThan(5);
        // Only what lies on the page counts: text run past its edge is in the file but not on paper.
        StringBuilder onPaper = new StringBuilder();
        try (PDDocument doc = Loader.loadPDF(c.pdf())) {
            for (PDPage page : doc.getPages()) {
                org.apache.pdfbox.text.PDFTextStripperByArea area = new org.apache.pdfbox.text.PDFTextStripperByArea();
                area.addRegion("page", new java.awt.geom.Rectangle2D.Float(0, 0, page.getMediaBox().getWidth(),
                        page.getMediaBox().getHeight()));
                area.extractRegions(page);
                onPaper.append(area.getTextForRegion("page"));
            }
        }
        String printed = onPaper.toString().replaceAll("\\s+", "");
        for (String url : urls) assertThat(printed).as("printed whole").contains(url);
    }

    /** The body a reader reads to the end: at most 6 A4 pages, the annexes after it. */
    @Test
    void theBodyOfAWhatsAppLikeSubmissionWithEveryProposalFitsOnSixPages() throws Exception {
        assertThat(annexAStartsOn(Submissions.get("examples/whatsapp.yaml --assess all").pdf()))
                .as("the page Annex A starts on").isBetween(2, 7);
    }

    /** Every example's body too, with every proposal: the ghost proposal's took seven pages until the asks moved. */
    @ParameterizedTest
    @MethodSource("examples")
    void everyExamplesBodyFitsOnSixPages(String example) throws Exception {
        assertThat(annexAStartsOn(Submissions.get(example).pdf())).as(example + ": the page Annex A starts on").isBetween(2, 7);
    }

    /** The same with the organisation's own words, as docs/reports.md shows them: a real submission has them. */
    @Test
    void theBodyStillFitsOnSixPagesWithTheOrganisationsOwnWords(@TempDir Path dir) throws Exception {
        String docs = Files.readString(Repo.file("docs/reports.md"));
        int start = docs.indexOf("```yaml\nsubmission:\n");
        assertThat(start).as("docs/reports.md shows a submission: block").isPositive();
        String block = docs.substring(start + "```yaml\n".length(), docs.indexOf("```", start + 3));
        Path model = Files.writeString(dir.resolve("whatsapp.yaml"),
                Files.readString(Repo.file("examples/whatsapp.yaml")) + "\n" + block);
        byte[] pdf = submit(model);
        assertThat(flat(pdf)).contains("Example Messaging Ltd");
        assertThat(annexAStartsOn(pdf)).as("the page Annex A starts on").isBetween(2, 7);
    }

    /**
     * The box of the design's own weaknesses runs on over a page under its heading: kept whole with it, a newcomer's box
     * of six weaknesses moved to the next page and left half of the page under the proposals table empty.
     */
    @Test
    void theWeaknessesBoxFollowsTheProposalsTableOnItsPage() throws Exception {
        byte[] pdf = submit(Repo.file("e2ee-review-core/src/test/resources/newcomer/43-ministry-archive-bot.yaml"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var stripper = new PDFTextStripper();
            int table = 0;
            int design = 0;
            for (int page = 1; page <= doc.getNumberOfPages() && design == 0; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(doc);
                if (text.contains("Severities:") && table == 0) table = page;
                if (text.contains("The design as it is")) design = page;
            }
            assertThat(table).as("the key under the proposals table").isPositive();
            assertThat(design).as("the design as it is, on the page the table ends").isEqualTo(table);
        }
    }

    /**
     * A newcomer's denser design (a ministry messenger with an archiving bot, six weaknesses, eight proposals with long
     * answers) ran its body to seven pages in the type every example fits in: it is set a step smaller and fits six.
     */
    @Test
    void aDenserDesignsBodyIsSetSmallerToFitSixPages() throws Exception {
        byte[] pdf = submit(Repo.file("e2ee-review-core/src/test/resources/newcomer/43-ministry-archive-bot.yaml"));
        assertThat(annexAStartsOn(pdf)).as("the page Annex A starts on").isBetween(2, 7);
        assertThat(bodyTextSize(pdf)).as("the body's type, in points").isLessThan(10.5f).isGreaterThanOrEqualTo(9.5f);
    }

    /** A body that fits is not made smaller: the WhatsApp-like design's stays in the type the template sets. */
    @Test
    void aBodyThatFitsKeepsItsType() throws Exception {
        assertThat(bodyTextSize(Submissions.get("examples/whatsapp.yaml --assess all").pdf())).as("the body's type, in points")
                .isEqualTo(10.5f);
    }

    /** The size most of page 1's characters are set in. */
    private static float bodyTextSize(byte[] pdf) throws Exception {
        java.util.Map<Float, Integer> sizes = new java.util.HashMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
                    for (var p : positions) sizes.merge(Math.round(p.getYScale() * 10) / 10f, 1, Integer::sum);
                }
            };
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            stripper.getText(doc);
        }
        return sizes.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static int annexAStartsOn(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var stripper = new PDFTextStripper();
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                if (stripper.getText(doc).contains("Annex A. Findings and evidence")) return page;
            }
            return 0;
        }
    }

    @Test
    void carriesNotTheAuthorsPathOnlyTheModelsFileName(@TempDir Path dir) throws Exception {
        Path deep = Files.createDirectories(dir.resolve("home/alice/secret-project"));
        Path model = Files.copy(Repo.file("examples/whatsapp.yaml"), deep.resolve("whatsapp.yaml"));
        byte[] pdf = submit(model);
        assertThat(text(pdf)).doesNotContain("alice").doesNotContain(dir.toString()).contains("whatsapp.yaml");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var info = doc.getDocumentInformation();
            assertThat(info.getTitle() + info.getSubject() + info.getKeywords()).doesNotContain("alice");
            assertThat(info.getTitle()).isEqualTo("Submission on end-to-end encryption and public safety: WhatsApp");
        }
    }

    @Test
    void printsTheOrganisationsParticularsAndProse(@TempDir Path dir) throws Exception {
        Path model = Files.writeString(dir.resolve("m.yaml"), Files.readString(Repo.file("examples/signal.yaml")) + """

                submission:
                  addressee: Ministry of the Interior
                  summary: |
                    Our design:

                    - keeps keys on devices;
                    - relays **ciphertext** only.
                  capabilities: We cannot add a reader <b>without</b> adding it for everyone.
                """);
        assertThat(flat(submit(model))).contains("Ministry of the Interior").contains("keeps keys on devices")
                .contains("We cannot add a reader <b>without</b> adding it for everyone.");
    }

    static List<String> examples() throws Exception {
        return Corpus.files("examples").stream().map(p -> p + " --assess all").toList();
    }

    /**
     * The proposals' table starts under its heading, running on a row at a time: kept whole, a table of most of a
     * page moved on and left its heading alone on half a page (the iMessage body took seven pages).
     */
    @ParameterizedTest
    @MethodSource("examples")
    void theProposalsTableStartsOnTheHeadingsPage(String example) throws Exception {
        try (PDDocument doc = Loader.loadPDF(Submissions.get(example).pdf())) {
            int heading = pageWith(doc, "What each proposal would make possible");
            assertThat(heading).as(example + ": the table's heading").isPositive();
            assertThat(pageWith(doc, "Who would gain access, to what")).as(example + ": the table's header row").isEqualTo(heading);
        }
    }

    private static int pageWith(PDDocument doc, String text) throws Exception {
        var stripper = new PDFTextStripper();
        for (int page = 1; page <= doc.getNumberOfPages(); page++) {
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            if (stripper.getText(doc).replaceAll("\\s+", " ").contains(text)) return page;
        }
        return 0;
    }

    /** What the catalog keeps for its maintainers is printed in no PDF, as in no other format. */
    @ParameterizedTest
    @MethodSource("examples")
    void printsNoMaintainerNote(String example) throws Exception {
        String text = MaintainerNotesTest.bare(text(Submissions.get(example).pdf()));
        // The same matching finds the catalog's published text, so it would find a note.
        assertThat(text).contains(MaintainerNotesTest.bare(
                Startup.catalog().proposals().get("traceability").legal().get(0).note()));
        for (String note : MaintainerNotesTest.notes()) {
            assertThat(text).as(example + " prints the maintainer-note \"" + note + "\"")
                    .doesNotContain(MaintainerNotesTest.bare(note));
        }
    }

    private static byte[] submit(Path model) throws Exception {
        Assessor.Result assessment = new Assessor(Corpus.reviewer()).assess(model, List.of());
        return Reports.render(assessment.original(), List.of(Submissions.PDF), new Reports.Options(Severity.HIGH,
                LocalDate.of(2026, 6, 1), null, "java -jar e2ee-review.jar review " + model.getFileName(), assessment)).get(0);
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static String flat(byte[] pdf) throws Exception {
        return text(pdf).replaceAll("\\s+", " ");
    }
}
