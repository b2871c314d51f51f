package org.e2eereview.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.e2eereview.Repo;
import org.e2eereview.report.Axe;
import org.e2eereview.report.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The live page in headless Chromium over the DevTools protocol: it loads with the token and not
 * without, follows the model file as it is saved, keeps the last review when the file breaks, shows
 * what-ifs from its URL, and stays quiet and on its own server. Skipped with -De2ee.browser=skip.
 */
class ServeBrowserTest {

    @RegisterExtension
    static final Chromium.PerClass browser = new Chromium.PerClass();

    @TempDir
    Path dir;
    Served served;
    Chromium.Page page;

    @BeforeEach
    void start() throws Exception {
        served = new Served(dir, "examples/whatsapp.yaml");
        page = browser.open();
    }

    @AfterEach
    void stop() throws Exception {
        page.close();
        served.close();
    }

    @Test
    void refusesThePageWithoutTheToken() throws Exception {
        page.navigate(served.url().substring(0, served.url().indexOf('?')));
        assertThat(page.eval("document.body.innerText").asText()).contains("token is missing or wrong")
                .doesNotContain("Verdict");
    }

    @Test
    void followsTheFileAsItIsSavedKeepingTheScrollPosition() throws Exception {
        page.navigate(served.url());
        assertThat(findings()).doesNotContain("CRITICAL GHOST-PARTICIPANT@group-chat");
        page.eval("window.scrollTo(0, 600); window.scrollY");
        double before = page.eval("window.scrollY").asDouble();
        assertThat(before).isGreaterThan(0);
        page.eval("window.reloaded = 'not reloaded'");
        served.save(Repo.file("examples/ghost-proposal.yaml"));
        waitUntil("Array.from(document.querySelectorAll('article.finding h3')).some(h => h.textContent.includes('GHOST-PARTICIPANT'))");
        assertThat(findings()).contains("CRITICAL GHOST-PARTICIPANT@group-chat");
        assertThat(page.eval("window.reloaded").asText()).as("updated in place, not reloaded").isEqualTo("not reloaded");
        assertThat(page.eval("window.scrollY").asDouble()).isEqualTo(before);
        assertQuietAndOnItsServer();
    }

    /** A save that changes a comment swaps the model's lines and leaves the findings' elements as they were. */
    @Test
    void aSaveSwapsOnlyThePartsItChanged() throws Exception {
        page.navigate(served.url());
        page.eval("document.getElementById('findings').dataset.mark = 'kept'; "
                + "document.getElementById('model').dataset.mark = 'kept'; true");
        Path edited = dir.resolve("edited.yaml");
        Files.writeString(edited, Files.readString(Repo.file("examples/whatsapp.yaml")) + "# an edit\n");
        served.save(edited);
        waitUntil("document.getElementById('model').textContent.includes('# an edit')");
        assertThat(page.eval("document.getElementById('findings').dataset.mark || 'swapped'").asText()).isEqualTo("kept");
        assertThat(page.eval("document.getElementById('model').dataset.mark || 'swapped'").asText()).isEqualTo("swapped");
        assertThat(page.eval("document.querySelectorAll('#model').length").asInt()).isEqualTo(1);
        assertQuietAndOnItsServer();
    }

    @Test
    void aBrokenModelShowsWhereAboveTheLastGoodReview() throws Exception {
        page.navigate(served.url());
        List<String> good = findings();
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(Repo.file("examples/whatsapp.yaml")).replace("kind: server", "kind: servr"));
        served.save(broken);
        waitUntil("document.getElementById('live-problems') !== null");
        assertThat(page.eval("document.querySelector('#live-problems li').textContent").asText())
                .matches(java.util.regex.Pattern.quote(served.model.toString()) + ":\\d+:\\d+: .*servr.*");
        assertThat(page.eval("document.querySelector('main').classList.contains('stale')").asBoolean()).isTrue();
        assertThat(findings()).isEqualTo(good);
        assertThat(page.eval("document.getElementById('live-problems').compareDocumentPosition("
                + "document.querySelector('main')) & Node.DOCUMENT_POSITION_FOLLOWING").asInt()).isNotZero();
        served.save(Repo.file("examples/whatsapp.yaml"));
        waitUntil("document.getElementById('live-problems') === null");
        assertThat(page.eval("document.querySelector('main').classList.contains('stale')").asBoolean()).isFalse();
        assertQuietAndOnItsServer();
    }

    @Test
    void aProposalInTheUrlShowsItsFindingAndWhatChanged() throws Exception {
        page.navigate(served.url() + "&proposal=ghost");
        assertThat(findings()).contains("CRITICAL GHOST-PARTICIPANT@group-chat", "CRITICAL GHOST-PARTICIPANT@group-call");
        assertThat(page.eval("document.getElementById('what-if-changes').innerText").asText())
                .contains("introduced: CRITICAL GHOST-PARTICIPANT@group-chat");
        assertThat(page.eval("document.querySelector('input[name=proposal][value=ghost]').checked").asBoolean()).isTrue();
        // Unticking it in the panel goes back to the design as written, and the URL says so.
        page.eval("document.querySelector('input[name=proposal][value=ghost]').click()");
        waitUntil("!location.search.includes('proposal=ghost') && document.readyState === 'complete'"
                + " && document.getElementById('what-if-changes') === null");
        assertThat(findings()).doesNotContain("CRITICAL GHOST-PARTICIPANT@group-chat");
        assertQuietAndOnItsServer();
        byte[] png = page.screenshot(1200, 900);
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    /** The screenshot in docs/serve.md, made by this browser: the page with the ghost proposal ticked. */
    @Test
    void screenshotForTheDocs() throws Exception {
        page.navigate(served.url() + "&proposal=ghost");
        page.eval("document.querySelector('#live details').open = true");
        Path out = Repo.file("e2ee-review-cli/target/serve.png");
        Files.createDirectories(out.getParent());
        Files.write(out, page.screenshot(1200, 1000));
        assertThat(Files.size(out)).isGreaterThan(10_000);
        assertQuietAndOnItsServer();
    }

    /** The live page, panel open and a proposal applied, to the rules the review page passes. */
    @Test
    void theLivePagePassesWcag21AA() throws Exception {
        Axe axe = Axe.installed();
        page.navigate(served.url() + "&proposal=ghost");
        page.eval("document.querySelector('#live details').open = true");
        List<String> rules = new ArrayList<>(Axe.WCAG21_AA);
        rules.add("best-practice");
        List<Axe.Violation> found = axe.check(page, rules);
        assertThat(found).as("axe-core %s: %s", axe.version, found).isEmpty();
    }

    private List<String> findings() throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode n : page.eval("Array.from(document.querySelectorAll('article.finding h3')).map(h => h.textContent)")) {
            out.add(n.asText());
        }
        return out;
    }

    private void waitUntil(String condition) throws Exception {
        for (int i = 0; i < 400; i++) {
            try {
                if (page.eval(condition).asBoolean()) return;
            } catch (AssertionError navigating) {
                // The page is being replaced; ask again.
            }
            Thread.sleep(25);
        }
        throw new AssertionError("not within 10 s: " + condition);
    }

    private void assertQuietAndOnItsServer() {
        String own = "http://127.0.0.1:" + served.port() + "/";
        List<String> problems = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        for (JsonNode e : page.events()) {
            JsonNode p = e.path("params");
            switch (e.path("method").asText()) {
                case "Runtime.exceptionThrown" -> problems.add("exception: " + p.path("exceptionDetails"));
                case "Runtime.consoleAPICalled" -> {
                    String type = p.path("type").asText();
                    if (type.equals("error") || type.equals("assert") || type.equals("warning")) problems.add(type + ": " + p);
                }
                case "Log.entryAdded" -> {
                    String level = p.path("entry").path("level").asText();
                    if (level.equals("error") || level.equals("warning")) problems.add("log: " + p.path("entry"));
                }
                case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
                default -> { }
            }
        }
        assertThat(problems).as("console and log").isEmpty();
        assertThat(requests).as("every request goes to the server itself").isNotEmpty()
                .allMatch(u -> u.startsWith(own), "starts with " + own);
    }
}
