package org.e2eereview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.e2eereview.Corpus;
import org.e2eereview.Repo;
import org.e2eereview.catalog.Severity;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ReportsTest {

    static final Reports.Options OPTIONS = new Reports.Options(Severity.HIGH, LocalDate.of(2026, 6, 1), null,
            "java -jar e2ee-review.jar review MODEL --today 2026-06-01");

    static Stream<Path> examples() throws Exception {
        return Corpus.files("examples").stream();
    }

    static List<byte[]> render(Review review, OutputFormat... formats) throws Exception {
        return Reports.render(review, List.of(formats), OPTIONS);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleRendersInEveryFormatTheSameTwice(Path example) throws Exception {
        List<OutputFormat> all = Builtin.all();
        List<byte[]> first = Reports.render(Corpus.reviewer().review(example), all, OPTIONS);
        List<byte[]> second = Reports.render(Corpus.reviewer().review(example), all, OPTIONS);
        for (int i = 0; i < all.size(); i++) {
            assertThat(first.get(i)).as(all.get(i).id()).isNotEmpty();
            assertThat(Arrays.equals(first.get(i), second.get(i))).as(all.get(i).id() + " gives the same bytes").isTrue();
        }
    }

    /**
     * A finding whose readers read under different conditions gives each its own: "readers: customer, police (on the
     * organisation's decision)" gave a newcomer's police, who read on a legal order, the customer's condition.
     */
    @Test
    void eachReaderOfAFindingHasItsOwnConditionWhereTheyDiffer() throws Exception {
        List<byte[]> out = render(Corpus.reviewer().review(Repo.file("examples/imessage-standard-backup.yaml")), Builtin.MD,
                Builtin.HTML);
        String md = new String(out.get(0), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(md).contains("- **Readers:** apple (by default), law-enforcement (on a legal order)\n")
                .doesNotContain("- **Readers:** apple, law-enforcement (by default)");
        assertThat(new String(out.get(1), java.nio.charset.StandardCharsets.UTF_8))
                .contains(" · readers: apple (by default), law-enforcement (on a legal order)</p>");
    }

    /** One member's opt-in takes the other members' content with it: who can read, and the finding, say so. */
    @Test
    void aRouteOneMemberOpensSaysTheOthersContentGoesWithIt() throws Exception {
        String text = new String(render(Corpus.reviewer().review(Repo.file("examples/whatsapp.yaml")), Builtin.TEXT).get(0),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("apple: runs-component, holds-key (for users who opt in, and the other members' "
                + "content too, though those members did not opt in) → PROVIDER-KEYED-BACKUP@chat-backup");
        assertThat(text).contains("for users who turn backups on: one member's backup holds what the others wrote too, "
                + "without their choosing it");
        assertThat(text).contains("apple can read direct-chat (for users who opt in, and the other members' content "
                + "too, though those members did not opt in):");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void markdownCarriesTheVerdictEveryFindingAndTheDiagramWithoutRawHtml(Path example) throws Exception {
        Review review = Corpus.reviewer().review(example);
        String md = text(render(review, Builtin.MD).get(0));
        assertThat(md).contains("**Verdict: " + review.verdict().text() + ".**");
        for (Reviewed r : review.weakenings()) {
            assertThat(md).contains("### " + r.finding().severity().yamlName().toUpperCase() + " "
                    + org.e2eereview.report.escape.Markdown.escape(r.finding().id()));
        }
        String readers = between(md, "```mermaid\n", "```");
        assertThat(readers).as("the who-reads-what figure, by the table").startsWith("flowchart LR\n")
                .doesNotContain("subgraph ");
        String mermaid = between(md.substring(md.indexOf("## Diagram")), "```mermaid\n", "```");
        assertThat(mermaid).startsWith("flowchart LR\n").contains("subgraph ");
        String outside = md.replace(mermaid, "").replace(readers, "");
        Matcher html = Pattern.compile("<(?!https?://)[A-Za-z/!]").matcher(outside);
        assertThat(html.find()).as("GitHub strips raw HTML, so there must be none: " + (html.find(0) ? outside.substring(
                Math.max(0, html.start() - 40), Math.min(outside.length(), html.start() + 40)) : "")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void theHtmlPageIsWellFormedSelfContainedAndShowsTheReview(Path example) throws Exception {
        Review review = Corpus.reviewer().review(example);
        String html = text(render(review, Builtin.HTML).get(0));
        Document doc = xml(html);
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(html.contains("src=\"http") || html.contains("href=\"http") || html.contains("@import")
                || html.replace("url(#", "").contains("url(")).as("nothing fetched from outside the page").isFalse();
        assertThat(text(doc, "verdict")).contains("Verdict: " + review.verdict().text());
        for (Reviewed r : review.weakenings()) assertThat(html).contains("</span> " + r.finding().id() + "</h3>");
        // The readers figure, the diagram for the screen, and its copy (or parts) for print.
        NodeList svg = doc.getElementsByTagName("svg");
        assertThat(svg.getLength()).isGreaterThanOrEqualTo(3);
        Element diagram = (Element) svg.item(1);
        assertThat(((Element) diagram.getParentNode()).getAttribute("class")).isEqualTo("screen");
        assertThat(diagram.getElementsByTagName("rect").getLength())
                .isGreaterThanOrEqualTo(review.model().components().size());
        NodeList anchors = doc.getElementsByTagName("a");
        for (int i = 0; i < anchors.getLength(); i++) {
            String href = ((Element) anchors.item(i)).getAttribute("href");
            assertThat(href).as("links stay inside the page").startsWith("#");
            assertThat(findById(doc, href.substring(1))).as("target of " + href).isTrue();
        }
    }

    @Test
    void hostileTextRendersInertlyInEveryFormat(@TempDir Path dir) throws Exception {
        Review review = Corpus.reviewer().review(Hostile.model(dir));
        assertThat(review.model().system().name()).isEqualTo(Hostile.TEXT);
        List<OutputFormat> all = Builtin.all();
        List<byte[]> out = Reports.render(review, all, OPTIONS);
        for (int i = 0; i < all.size(); i++) {
            String s = text(out.get(i));
            assertThat(s).as(all.get(i).id() + ": no raw escape or bidirectional control").doesNotContain("\u001b")
                    .doesNotContain("\u202e").doesNotContain("\u202c");
        }
        String text = text(out.get(all.indexOf(Builtin.TEXT)));
        assertThat(text).contains("\\u001b[31mred").contains("\\u202eevil");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(json.readTree(out.get(all.indexOf(Builtin.JSON))).at("/model/system").asText()).isEqualTo(Hostile.TEXT);
        assertThat(json.readTree(out.get(all.indexOf(Builtin.SARIF))).at("/version").asText()).isEqualTo("2.1.0");
        JUnitReportTest.validate(text(out.get(all.indexOf(Builtin.JUNIT))));

        for (OutputFormat f : List.of(Builtin.HTML, Builtin.SUBMISSION_HTML)) {
            String html = text(out.get(all.indexOf(f)));
            Document doc = xml(html);
            assertThat(doc.getElementsByTagName("script").getLength()).as(f.id()).isZero();
            assertThat(html).as(f.id()).contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &#39;a&#39; ${x} "
                    + "{{y}} --&gt; ] | `b` \\u001b[31mred");
            assertThat(textContent(doc)).contains("<script>alert(1)</script> \"q\" 'a' ${x} {{y}} --> ] | `b`");
        }
        for (OutputFormat f : List.of(Builtin.MD, Builtin.SUBMISSION_MD)) {
            String md = text(out.get(all.indexOf(f)));
            assertThat(Pattern.compile("(?<!\\\\)(<script|<!--|\\[l\\]|`b`|\\$\\{)").matcher(md).find())
                    .as(f.id() + ": markup, links, code and template syntax from the model are escaped").isFalse();
            assertThat(md).as(f.id())
                    .contains("\\<script\\>alert(1)\\</script\\> \"q\" 'a' \\$\\{x\\} \\{\\{y\\}\\} --\\> \\] \\| \\`b\\`");
        }
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static String between(String s, String start, String end) {
        int a = s.indexOf(start);
        assertThat(a).as("contains " + start).isNotNegative();
        int b = s.indexOf(end, a + start.length());
        return s.substring(a + start.length(), b);
    }

    static Document xml(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }

    static String text(Document doc, String id) {
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) return e.getTextContent();
        }
        throw new AssertionError("no element #" + id);
    }

    static boolean findById(Document doc, String id) {
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) if (id.equals(((Element) all.item(i)).getAttribute("id"))) return true;
        return false;
    }

    static String textContent(Document doc) {
        return doc.getDocumentElement().getTextContent();
    }
}
