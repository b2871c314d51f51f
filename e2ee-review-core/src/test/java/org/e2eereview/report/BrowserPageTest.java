package org.e2eereview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.e2eereview.Corpus;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every example's review page opened in headless Chromium: what it shows, that its console stays
 * clean and that it asks the network for nothing. `.ci/run` installs Debian's chromium; elsewhere set
 * CHROMIUM to a browser binary, or skip these tests with -De2ee.browser=skip.
 */
class BrowserPageTest {

    @RegisterExtension
    static final Chromium.PerClass browser = new Chromium.PerClass();

    static Stream<Path> examples() throws Exception {
        return Corpus.files("examples").stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void theReviewPageShowsTheReviewAndStaysOffline(Path example, @TempDir Path dir) throws Exception {
        Review review = Corpus.reviewer().review(example);
        Chromium.Page page = open(review, dir);
        try {
            assertThat(page.eval("document.querySelector('#verdict strong').textContent").asText())
                    .isEqualTo("Verdict: " + review.verdict().text());
            List<String> expected = new ArrayList<>();
            for (Reviewed r : review.weakenings()) {
                expected.add(r.finding().severity().yamlName().toUpperCase() + " " + r.finding().id());
            }
            assertThat(strings(page.eval("Array.from(document.querySelectorAll('article.finding h3'))"
                    + ".map(h => h.textContent)"))).isEqualTo(expected);
            assertThat(page.eval("document.querySelectorAll('#readers tr.conversation').length").asInt())
                    .isEqualTo(review.model().conversations().size());
            JsonNode box = page.eval("(() => { const s = document.querySelector('#diagram svg'); const b = s.getBBox();"
                    + " return {w: b.width, h: b.height, shown: s.getBoundingClientRect().width,"
                    + " rects: s.querySelectorAll('rect').length, routes: s.querySelectorAll('.route').length}; })()");
            assertThat(box.get("w").asDouble()).as("the diagram is drawn").isGreaterThan(100);
            assertThat(box.get("h").asDouble()).isGreaterThan(50);
            assertThat(box.get("shown").asDouble()).as("and shown").isGreaterThan(100);
            assertThat(box.get("rects").asInt()).isGreaterThanOrEqualTo(review.model().components().size());
            assertThat(box.get("routes").asInt() > 0).as("routes are marked when someone outside reads")
                    .isEqualTo(!review.access().isEmpty());
            assertQuietAndOffline(page, dir.resolve("review.html"));
        } finally {
            page.close();
        }
    }

    /**
     * The Mermaid sources in the Markdown report, parsed and drawn by Mermaid itself in the browser: the
     * diagram, with no box's title over what the box holds, and the who-reads-what figure.
     */
    @ParameterizedTest
    @MethodSource("examples")
    void theMarkdownDiagramsAreMermaidThatDraws(Path example, @TempDir Path dir) throws Exception {
        Review review = Corpus.reviewer().review(example);
        String md = new String(Reports.render(review, List.of(Builtin.MD), ReportsTest.OPTIONS).get(0),
                java.nio.charset.StandardCharsets.UTF_8);
        String source = ReportsTest.between(md.substring(md.indexOf("## Diagram")), "```mermaid\n", "```");
        String readers = ReportsTest.between(md, "```mermaid\n", "```");
        try (var in = BrowserPageTest.class.getResourceAsStream(
                "/META-INF/resources/webjars/mermaid/11.6.0/dist/mermaid.min.js")) {
            assertThat(in).as("the mermaid webjar").isNotNull();
            Files.write(dir.resolve("mermaid.min.js"), in.readAllBytes());
        }
        Files.writeString(dir.resolve("mermaid.html"), "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<script src=\"mermaid.min.js\"></script></head><body></body></html>");
        Chromium.Page page = browser.open();
        try {
            page.navigate(dir.resolve("mermaid.html").toUri().toString());
            JsonNode drawn = mermaid(page, source);
            long boxes = review.model().parties().values().stream()
                    .filter(p -> review.model().components().values().stream().anyMatch(c -> c.runBy().equals(p.id())))
                    .count();
            long unstored = review.model().keys().values().stream().filter(k -> k.storedOn().isEmpty()).count();
            assertThat(drawn.get("clusters").asInt()).as("a box per party that runs components").isEqualTo((int) boxes);
            assertThat(drawn.get("nodes").asInt()).as("components, keys stored nowhere, parties without components, "
                    + "and the words under each box's title").isEqualTo(review.model().components().size() + (int) unstored
                    + review.model().parties().size());
            assertThat(drawn.get("edges").asInt()).isEqualTo(
                    org.e2eereview.report.diagram.Diagram.of(review).edges().size());
            for (String id : review.model().components().keySet()) assertThat(drawn.get("text").asText()).contains(id);
            for (String id : review.model().keys().keySet()) assertThat(drawn.get("text").asText()).contains(id);
            assertThat(drawn.get("overlaps").asText()).as("box titles over nodes and edge labels").isEmpty();

            JsonNode who = mermaid(page, readers);
            for (String party : review.access().stream().map(org.e2eereview.analysis.Access::party).distinct().toList()) {
                assertThat(who.get("text").asText()).contains(party);
            }
            assertThat(who.get("edges").asInt()).isEqualTo((int) readers.lines().filter(l -> l.contains("-->")).count());
        } finally {
            page.close();
        }
    }

    /** Draws Mermaid source in the page; says which box titles lie over a node or an edge's label. */
    private static JsonNode mermaid(Chromium.Page page, String source) throws Exception {
        String call = "(async () => { mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});"
                + " const r = await mermaid.render('d' + Date.now(), " + new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(source) + "); const svg = document.createElement('div'); svg.innerHTML = r.svg;"
                + " document.body.replaceChildren(svg);"
                + " const over = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;"
                + " const overlaps = [];"
                // A borderless node (the words under a title) is only its text; any other, its whole shape.
                + " const shape = n => n.classList.contains('about') ? n.querySelector('.nodeLabel') : n;"
                + " for (const l of svg.querySelectorAll('g.cluster-label')) for (const n of svg.querySelectorAll('g.node, g.edgeLabel'))"
                + "   if (over(l.getBoundingClientRect(), shape(n).getBoundingClientRect())) overlaps.push(l.textContent + ' / ' + n.textContent);"
                + " return {nodes: svg.querySelectorAll('g.node').length, clusters: svg.querySelectorAll('g.cluster').length,"
                + " edges: svg.querySelectorAll('path.flowchart-link').length, text: svg.textContent,"
                + " overlaps: overlaps.join('; ')}; })()";
        return page.eval(call);
    }

    @Test
    void hostileModelTextStaysText(@TempDir Path dir) throws Exception {
        Review review = Corpus.reviewer().review(Hostile.model(dir));
        Chromium.Page page = open(review, dir);
        try {
            assertThat(page.eval("document.scripts.length").asInt()).isZero();
            assertThat(page.eval("document.querySelector('h1').textContent").asText())
                    .startsWith("e2ee-review: <script>alert(1)</script> \"q\" 'a' ${x} {{y}} --> ] | `b` \\u001b[31mred");
            assertThat(page.eval("document.querySelectorAll('a[href^=javascript]').length").asInt()).isZero();
            assertQuietAndOffline(page, dir.resolve("review.html"));
        } finally {
            page.close();
        }
    }

    private static Chromium.Page open(Review review, Path dir) throws Exception {
        Path html = dir.resolve("review.html");
        Files.write(html, Reports.render(review, List.of(Builtin.HTML), ReportsTest.OPTIONS).get(0));
        Chromium.Page page = browser.open();
        page.navigate(html.toUri().toString());
        return page;
    }

    private static void assertQuietAndOffline(Chromium.Page page, Path file) {
        List<String> problems = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        for (JsonNode e : page.events()) {
            String method = e.path("method").asText();
            JsonNode p = e.path("params");
            switch (method) {
                case "Runtime.exceptionThrown" -> problems.add("exception: " + p.path("exceptionDetails"));
                case "Runtime.consoleAPICalled" -> {
                    String type = p.path("type").asText();
                    if (type.equals("error") || type.equals("assert") || type.equals("warning")) problems.add(type + ": " + p);
                }
                case "Log.entryAdded" -> {
                    String level = p.path("entry").path("level").asText();
                    if (level.equals("error") || level.equals("warning")) problems.add("log: " + p.path("entry"));
                }
                case "Page.javascriptDialogOpening" -> problems.add("dialog: " + p);
                case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
                default -> { }
            }
        }
        assertThat(problems).as("console and log").isEmpty();
        assertThat(requests).as("no request leaves the page").containsOnly(file.toUri().toString());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
