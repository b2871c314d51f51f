package org.e2eereview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.e2eereview.bench.SyntheticModel;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewer;
import org.junit.jupiter.api.Test;

/**
 * A model too large for the full diagram: its pages render, the same twice, with the overview of
 * parties and conversations, and say so in the figure and the caption. (The 100,000-element model's
 * page is measured from the command line; see docs/reports.md.)
 */
class LargeModelReportTest {

    private static final String SAYS_SO = "shows parties and conversations only";

    @Test
    void theReviewPagesOfALargeModelShowTheOverviewAndSaySo() throws Exception {
        Review review = Reviewer.standard(List.of()).review(new ModelLoader().parse("synthetic.yaml",
                SyntheticModel.generate(3000).getBytes(StandardCharsets.UTF_8)));
        List<byte[]> pages = ReportsTest.render(review, Builtin.HTML, Builtin.MD);
        String html = new String(pages.get(0), StandardCharsets.UTF_8);
        String diagram = ReportsTest.between(html, "<section id=\"diagram\"", "</section>");
        assertThat(ReportsTest.between(diagram, "<figcaption>", "</figcaption>")).contains(SAYS_SO);
        assertThat(ReportsTest.between(diagram, "<div class=\"screen\">", "</div>")).contains(SAYS_SO)
                .contains("class=\"edge member\"").doesNotContain("class=\"node component");
        String md = new String(pages.get(1), StandardCharsets.UTF_8);
        String section = md.substring(md.indexOf("## Diagram"));
        assertThat(section.substring(0, section.indexOf("```mermaid"))).contains(SAYS_SO);
        assertThat(ReportsTest.between(section, "```mermaid\n", "```")).contains(SAYS_SO).doesNotContain("subgraph");
        assertThat(Arrays.equals(pages.get(0), ReportsTest.render(review, Builtin.HTML).get(0))).isTrue();
    }
}
