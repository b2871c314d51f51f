package org.e2eereview.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.e2eereview.review.Reviewed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The submission PDF as printed and as copied: each page drawn to an image and read back as text
 * lines. What the page's structure says is a heading or a table's header row never ends a page,
 * no box is left empty at a page's end or start, and text copies as it was written.
 */
class PdfPrintTest {

    static List<String> submissions() throws Exception {
        return Submissions.names();
    }

    @ParameterizedTest
    @MethodSource("submissions")
    void idsAndCodeCopyAsWrittenWithoutLigaturesOrStrayNumbers(String name) throws Exception {
        Submissions.Case c = Submissions.get(name);
        String text;
        try (PDDocument doc = Loader.loadPDF(c.pdf())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text.codePoints().filter(cp -> cp >= 0xFB00 && cp <= 0xFB4F).count())
                .as("presentation forms (ligatures) in the text layer").isZero();
        String flat = text.replaceAll("\\s+", "");
        // A finding set out shows its id; one named after a finding of the same rule, its element.
        for (Reviewed r : c.review().weakenings()) {
            assertThat(flat.contains(r.finding().id()) || flat.contains(r.finding().element()))
                    .as("finding id or element as ASCII: " + r.finding().id()).isTrue();
        }
        assertThat(flat).as("finding id as ASCII").contains(c.review().weakenings().isEmpty() ? ""
                : c.review().weakenings().get(0).finding().id());
        assertThat(flat).contains(c.review().model().sha256());
        // In content order, as a screen reader without tags or a copy of the page reads it: a number alone on a
        // line is a list marker drawn apart from its item. A year may end a line of prose on its own ("as Blaze
        // analysed it in / 1994", in the smaller type of a body set to fit): no list here runs to a thousand items.
        List<String> alone = text.lines().filter(l -> Pattern.matches("\\s*\\d{1,3}\\.?\\s*", l)).toList();
        assertThat(alone).as("numbers apart from what they number").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("submissions")
    void noHeadingOrTableHeaderEndsAPageAndNoBoxIsLeftEmpty(String name) throws Exception {
        Submissions.Case c = Submissions.get(name);
        // The title (h1) opens the first page and cannot end another: a line that only repeats its words (the
        // hostile model's title is its every name) is not it.
        List<String> headings = Submissions.flat(c.headings().subList(1, c.headings().size()));
        List<String> tableHeads = Submissions.flat(c.tableHeads());
        List<String> problems = new ArrayList<>();
        List<Pages.Page> pages = Pages.of(c.pdf(), name);
        for (Pages.Page page : pages) {
            String where = "page " + (page.index() + 1) + ": ";
            List<float[]> ink = page.inkBands();
            if (page.lines().isEmpty()) {
                if (ink.isEmpty()) problems.add(where + "blank");
                continue; // a drawing's own page: its text is drawn as shapes
            }
            Pages.Line last = page.lines().get(page.lines().size() - 1);
            String lastFlat = last.text().replaceAll("\\s+", "");
            boolean isLastPage = page.index() == pages.size() - 1;
            if (!isLastPage && headings.stream().anyMatch(h -> lastFlat.length() > 3 && h.startsWith(lastFlat))) {
                problems.add(where + "ends with a heading: " + last.text());
            }
            if (!isLastPage && tableHeads.contains(lastFlat)) problems.add(where + "ends with a table's header: " + last.text());
            if (page.drawing()) continue; // a drawing's text is drawn as shapes: its bands hold no text lines
            float[] top = ink.get(0);
            float[] bottom = ink.get(ink.size() - 1);
            if (!holdsText(page, top)) problems.add(where + "starts with a box or rule and no text " + range(top));
            if (!holdsText(page, bottom)) problems.add(where + "ends with a box or rule and no text " + range(bottom));
        }
        assertThat(problems).isEmpty();
    }

    /** Annex A's verdict box is not alone on its page: the first finding starts under it. */
    @ParameterizedTest
    @MethodSource("submissions")
    void theFirstFindingStartsUnderTheVerdict(String name) throws Exception {
        Submissions.Case c = Submissions.get(name);
        if (c.review().weakenings().isEmpty()) return;
        for (Pages.Page page : Pages.of(c.pdf(), name)) {
            String flat = String.join("", page.lines().stream().map(l -> l.text().replaceAll("\\s+", "")).toList());
            if (!flat.contains("Verdict:")) continue;
            String after = flat.substring(flat.indexOf("Verdict:"));
            if (c.review().weakenings().stream().anyMatch(r -> after.contains(r.finding().id()))) return;
            // Or the first finding did not start in what is left, and that is not most of a page: a finding starts
            // only where 5 cm are left (print.css), and a long first one kept whole left a page nearly blank.
            List<Pages.Line> lines = page.lines();
            float verdictEnds = lines.stream().filter(l -> !l.text().startsWith("page ")).map(Pages.Line::bottom)
                    .max(Float::compare).orElseThrow();
            float footer = lines.stream().filter(l -> l.text().strip().startsWith("page ")).map(Pages.Line::top)
                    .min(Float::compare).orElse(page.height());
            assertThat(footer - verdictEnds).as(name + ": page " + (page.index() + 1)
                    + " is left blank under the verdict (pt)").isLessThan(page.height() / 3);
            return;
        }
        throw new AssertionError(name + ": no page holds the verdict");
    }

    /**
     * Whether text is in the band, or near it for a thin one: a box's border is apart from its text by its padding
     * (and a severity badge's own). An empty box fragment is its minimum height, 3 cm or more, with no text in it.
     */
    private static boolean holdsText(Pages.Page page, float[] band) {
        float slack = band[1] - band[0] < 20 ? 16 : 1;
        return page.lines().stream().anyMatch(l -> l.bottom() >= band[0] - slack && l.top() <= band[1] + slack);
    }

    private static String range(float[] band) {
        return String.format("(%.0f-%.0f pt)", band[0], band[1]);
    }
}
