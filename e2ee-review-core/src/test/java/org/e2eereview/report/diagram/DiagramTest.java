package org.e2eereview.report.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.e2eereview.Corpus;
import org.e2eereview.Repo;
import org.e2eereview.bench.SyntheticModel;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.model.Flow;
import org.e2eereview.model.Model;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The diagrams are legible: sized in real units, text inside its shapes, 7 pt or more in print, conditions in words. */
class DiagramTest {

    static Stream<Path> examples() throws Exception {
        return Corpus.files("examples").stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void noLabelLeavesItsShape(Path example) throws Exception {
        Review review = Corpus.reviewer().review(example);
        Document svg = xml(SvgDiagram.render(Diagram.of(review), "t", "d").svg());
        NodeList groups = svg.getElementsByTagName("g");
        int checked = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (!g.getAttribute("class").matches("(node|key)\\b.*")) continue;
            Element rect = child(g, "rect").get(0);
            double right = d(rect, "x") + d(rect, "width");
            for (Element text : child(g, "text")) {
                assertThat(d(text, "x") + d(text, "textLength")).as(text.getTextContent() + " in " + example)
                        .isLessThanOrEqualTo(right);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(review.model().components().size());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyFigureDeclaresItsSizeAndPrintsAtSevenPointsOrMore(Path example) throws Exception {
        Review review = Corpus.reviewer().review(example);
        List<Drawn> drawn = List.of(SvgDiagram.render(Diagram.of(review), "t", "d"),
                WhoReadsSvg.render(WhoReads.readers(review), "t", "r"), WhoReadsSvg.render(WhoReads.overview(review), "t", "o"));
        for (Drawn d : drawn) {
            assertThat(d.print()).isNotEmpty();
            for (String page : d.print()) {
                Element svg = xml(page).getDocumentElement();
                String[] box = svg.getAttribute("viewBox").split(" ");
                assertThat(svg.getAttribute("width")).endsWith("pt");
                assertThat(svg.getAttribute("height")).endsWith("pt");
                double scale = pt(svg.getAttribute("width")) / Double.parseDouble(box[2]);
                assertThat(scale * smallestFont(page)).as("smallest text in print, in points").isGreaterThanOrEqualTo(7);
                // A4 inside the page margins, landscape at most.
                assertThat(pt(svg.getAttribute("width"))).isLessThanOrEqualTo(Canvas.LANDSCAPE_WIDTH + 0.1);
            }
        }
        assertThat(WhoReadsSvg.render(WhoReads.readers(review), "t", "r").landscape())
                .as("the readers figure prints on portrait pages").isFalse();
    }

    @Test
    void theReadersFigureSaysEachConditionInWordsColourAndPattern() throws Exception {
        Review review = Corpus.reviewer().review(Repo.file("examples/whatsapp.yaml"));
        WhoReads w = WhoReads.readers(review);
        assertThat(w.conditions()).contains(Flow.Occurs.ALWAYS, Flow.Occurs.OPT_IN);
        assertThat(w.parties()).extracting(WhoReads.Box::label).contains("whatsapp", "apple", "google");
        // A box of conversations alike says how many and of which kinds, as a phrase, not as a list of names.
        assertThat(w.conversations()).extracting(WhoReads.Box::detail).contains("2 conversations: one-to-one and group");
        String svg = WhoReadsSvg.render(w, "t", "r").svg();
        // WhatsApp's own reading could be noticed: the key never says it reads "always" and leaves that out.
        assertThat(svg).contains(">for users who opt in</text>", ">reads for users who opt in</text>",
                        ">reads always, only in ways that could be noticed</text>").doesNotContain(">reads always</text>")
                .contains("stroke-dasharray=\"" + WhoReadsSvg.dash(Flow.Occurs.OPT_IN) + "\"");
        // In the submission, in the words its text and table use.
        String plain = WhoReadsSvg.render(WhoReads.readers(review, true), "t", "r").svg();
        assertThat(plain).contains(">reads only in ways that could be noticed</text>", ">reads for users who opt in</text>")
                .doesNotContain(">reads always");
        assertThat(WhoReadsMermaid.render(w)).contains("-->|\"for users who opt in\"|")
                .contains("stroke-dasharray:" + WhoReadsSvg.dash(Flow.Occurs.OPT_IN));
        Set<String> looks = new HashSet<>();
        for (Flow.Occurs o : Flow.Occurs.values()) looks.add(WhoReadsSvg.dash(o) + " " + WhoReadsSvg.colour(o));
        assertThat(looks).as("colour and pattern tell every condition apart").hasSize(Flow.Occurs.values().length);
    }

    @Test
    void aModelTooLargeForTheDiagramGetsPartiesAndConversationsOnlyAndSaysSo() throws Exception {
        Model m = new ModelLoader().parse("s.yaml", SyntheticModel.generate(3000).getBytes(StandardCharsets.UTF_8));
        Review review = Reviewer.standard(List.of()).review(m);
        assertThat(Diagram.detailed(m)).isFalse();
        WhoReads overview = WhoReads.overview(review);
        assertThat(overview.parties()).hasSizeLessThanOrEqualTo(WhoReads.MAX_BOXES);
        assertThat(overview.conversations()).hasSizeLessThanOrEqualTo(WhoReads.MAX_BOXES);
        assertThat(overview.notes().get(0)).contains("shows parties and conversations only");
        Drawn drawn = WhoReadsSvg.render(overview, "t", "o");
        assertThat(drawn.svg()).contains("parties and conversations only").isEqualTo(WhoReadsSvg.render(
                WhoReads.overview(review), "t", "o").svg());
        assertThat(WhoReadsMermaid.render(overview)).contains("parties and conversations only");
    }

    @Test
    void theFullDiagramDrawsEachPairOfComponentsOnceAndPointsArrowsTheRealWay() throws Exception {
        Review review = Corpus.reviewer().review(Repo.file("examples/whatsapp.yaml"));
        Diagram d = Diagram.of(review);
        Set<String> pairs = new HashSet<>();
        for (Diagram.Edge e : d.edges()) assertThat(pairs.add(e.from() + ">" + e.to() + e.kind() + e.onRoute())).isTrue();
        // Routes apart from the rest, but never two edges alike. Client to server and back: one of the two is laid out reversed, and drawn with its head at the start.
        String svg = SvgDiagram.render(d, "t", "d").svg();
        assertThat(svg).contains("marker-start=\"url(#d-arrow").contains("marker-end=\"url(#d-arrow");
    }

    /** The key shows a compelling party's dotted line only where the figure draws one. */
    @Test
    void theKeyShowsOnlyTheLinesTheFigureDraws() throws Exception {
        String compels = SvgDiagram.render(Diagram.of(Corpus.reviewer().review(Repo.file("examples/ghost-proposal.yaml"))),
                "t", "d").svg();
        String none = SvgDiagram.render(Diagram.of(Corpus.reviewer().review(Repo.file("examples/matrix-megolm.yaml"))),
                "t", "d").svg();
        assertThat(compels).contains("stroke-dasharray=\"2 3\"/>").contains("a party can compel another")
                .contains("the keys it stores");
        assertThat(none).doesNotContain("stroke-dasharray=\"2 3\"").doesNotContain("compel").contains("the keys it stores");
    }

    /**
     * ELK routes an edge that points against the layout around the figure; here every edge is laid
     * out left to right (its arrowhead moved to the start where its real direction is the other way).
     */
    @ParameterizedTest
    @MethodSource("examples")
    void everyEdgeRunsLeftToRightSoNoneCirclesTheFigure(Path example) throws Exception {
        Review review = Corpus.reviewer().review(example);
        String svg = SvgDiagram.render(Diagram.of(review), "t", "d").svg();
        Matcher edge = Pattern.compile("<g class=\"edge [^>]*><path d=\"M([0-9.-]+) [0-9.-]+[^\"]* L([0-9.-]+) [0-9.-]+\"")
                .matcher(svg);
        int edges = 0;
        while (edge.find()) {
            assertThat(Double.parseDouble(edge.group(2))).as(edge.group()).isGreaterThan(Double.parseDouble(edge.group(1)));
            edges++;
        }
        assertThat(edges).isEqualTo(Diagram.of(review).edges().size());
    }

    private static double smallestFont(String svg) {
        double least = 12;
        Matcher m = Pattern.compile("font-size=\"([0-9.]+)\"").matcher(svg);
        while (m.find()) least = Math.min(least, Double.parseDouble(m.group(1)));
        return least;
    }

    private static double pt(String s) {
        return Double.parseDouble(s.replace("pt", ""));
    }

    private static double d(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    private static List<Element> child(Element e, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(tag)) out.add(c);
        }
        return out;
    }

    private static Document xml(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
