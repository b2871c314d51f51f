package org.e2eereview.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The diagram goes on paper large enough that its smallest text prints at 7 pt or more. */
class FiguresTest {

    @Test
    void aSmallDrawingStaysInTheFlowAtNaturalSizeAndAWideOneGetsALandscapePage() {
        Figures.Fit small = Figures.fit(400, 300, 11);
        assertThat(small.ownPage()).isFalse();
        assertThat(small.scale(400)).isEqualTo(Figures.NATURAL);

        Figures.Fit wide = Figures.fit(1800, 700, 10);
        assertThat(wide.ownPage()).isTrue();
        assertThat(wide.pageWidthMm()).as("landscape").isGreaterThan(wide.pageHeightMm());
        assertThat(10 * wide.scale(1800)).isGreaterThanOrEqualTo(Figures.MIN_TEXT_PT);
        assertThat(wide.widthPt()).isLessThanOrEqualTo(wide.pageWidthMm() * Pages.PT_PER_MM);

        Figures.Fit huge = Figures.fit(20000, 15000, 9);
        assertThat(9 * huge.scale(20000)).isGreaterThanOrEqualTo(Figures.MIN_TEXT_PT - 1e-9);
        assertThat(huge.widthPt()).isLessThanOrEqualTo(huge.pageWidthMm() * Pages.PT_PER_MM);
    }

    static List<String> submissions() throws Exception {
        return Submissions.names();
    }

    @ParameterizedTest
    @MethodSource("submissions")
    void everyDiagramsTextPrintsAtSevenPointsOrMoreWithAltText(String name) throws Exception {
        Document dom = (Document) Submissions.get(name).xhtml().cloneNode(true);
        Figures.prepare(dom);
        var drawings = dom.getElementsByTagNameNS(Figures.SVG, "svg");
        assertThat(drawings.getLength()).as("the diagram").isPositive();
        Element svg = (Element) drawings.item(0);
        double[] box = Figures.viewBox(svg);
        Matcher width = Pattern.compile("width: ([0-9.]+)pt").matcher(svg.getAttribute("style"));
        assertThat(width.find()).isTrue();
        double scale = Double.parseDouble(width.group(1)) / box[0];
        assertThat(Figures.smallestText(svg) * scale).isGreaterThanOrEqualTo(Figures.MIN_TEXT_PT - 0.01);
        assertThat(svg.getAttribute("alt")).isNotBlank();
    }
}
