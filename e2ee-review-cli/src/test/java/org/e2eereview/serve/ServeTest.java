package org.e2eereview.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.e2eereview.Repo;
import org.e2eereview.report.Hostile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live server's safety and what it serves, over raw HTTP: nothing here needs a browser. */
class ServeTest {

    @TempDir
    Path dir;
    Served served;

    @BeforeEach
    void start() throws Exception {
        served = new Served(dir, "examples/whatsapp.yaml");
    }

    @AfterEach
    void stop() {
        served.close();
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        assertThat(served.server.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(served.url()).startsWith("http://127.0.0.1:" + served.port() + "/?token=");
        for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(i.getInetAddresses())) {
                if (a.isLoopbackAddress() || a.isLinkLocalAddress()) continue;
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(a, served.port()), 2000);
                    throw new AssertionError("the server answers on " + a);
                } catch (java.io.IOException refused) {
                    // As it should be.
                }
            }
        }
    }

    @Test
    void servesThePageWithTheTokenOnly() throws Exception {
        String page = served.get("GET", "/?token=" + served.token());
        assertThat(Served.status(page)).isEqualTo(200);
        assertThat(page).contains("<section class=\"verdict").contains("id=\"what-if\"");
        for (String target : List.of("/", "/?token=", "/?token=x" + served.token(), "/live.js", "/events",
                "/?token=" + served.token() + "&token=" + served.token())) {
            String r = served.get("GET", target);
            assertThat(Served.status(r)).as(target).isEqualTo(403);
            assertThat(r).as(target).contains("token").doesNotContain("verdict");
        }
    }

    @Test
    void refusesAnotherHostNameOrOrigin() throws Exception {
        String target = "/?token=" + served.token();
        String rebound = served.raw("GET " + target + " HTTP/1.1\r\nHost: attacker.test:" + served.port()
                + "\r\nConnection: close\r\n\r\n");
        assertThat(Served.status(rebound)).isEqualTo(403);
        assertThat(Served.status(served.raw("GET " + target + " HTTP/1.1\r\nConnection: close\r\n\r\n")))
                .as("no Host at all").isEqualTo(403);
        assertThat(Served.status(served.get("GET", target, "Origin: http://attacker.test"))).isEqualTo(403);
        assertThat(Served.status(served.get("GET", target, "Origin: null"))).isEqualTo(403);
        assertThat(Served.status(served.get("GET", target, "Origin: http://127.0.0.1:" + served.port())))
                .isEqualTo(200);
        assertThat(Served.status(served.raw("GET " + target + " HTTP/1.1\r\nHost: localhost:" + served.port()
                + "\r\nConnection: close\r\n\r\n"))).isEqualTo(200);
    }

    @Test
    void isReadOnly() throws Exception {
        List<Path> before = files();
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            String r = served.get(method, "/?token=" + served.token(), "Content-Length: 2", "") ;
            assertThat(Served.status(r)).as(method).isEqualTo(405);
        }
        served.get("GET", "/?token=" + served.token() + "&proposal=ghost&flip=group-chat");
        assertThat(files()).isEqualTo(before);
        assertThat(Files.readString(served.model)).isEqualTo(Files.readString(Repo.file("examples/whatsapp.yaml")));
    }

    @Test
    void sendsAStrictPolicy() throws Exception {
        String page = served.get("GET", "/?token=" + served.token());
        String headers = page.substring(0, page.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        assertThat(headers).contains("content-security-policy: " + LiveServer.POLICY.toLowerCase(java.util.Locale.ROOT))
                .contains("x-content-type-options: nosniff").contains("referrer-policy: no-referrer");
        assertThat(LiveServer.POLICY).startsWith("default-src 'none';").contains("script-src 'self';")
                .doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
        assertThat(page.contains("<script>")).as("no inline script").isFalse();
        assertThat(page.contains("<script src=\"/live.js?token=")).isTrue();
        String script = served.get("GET", "/live.js?token=" + served.token());
        assertThat(Served.status(script)).isEqualTo(200);
        assertThat(script.toLowerCase(java.util.Locale.ROOT)).contains("content-type: text/javascript");
        assertThat(script).contains("new EventSource('/events");
    }

    @Test
    void whatIfIsInTheUrl() throws Exception {
        String ghost = served.get("GET", "/?token=" + served.token() + "&proposal=ghost");
        assertThat(ghost).contains("GHOST-PARTICIPANT@group-chat").contains("id=\"what-if-changes\"")
                .contains("introduced: CRITICAL GHOST-PARTICIPANT@group-chat")
                .contains("value=\"ghost\" checked");
        assertThat(served.get("GET", "/?token=" + served.token())).doesNotContain("GHOST-PARTICIPANT@")
                .doesNotContain("what-if-changes");
        String escrow = served.get("GET", "/?token=" + served.token() + "&proposal=key-escrow");
        assertThat(escrow).contains("introduced: CRITICAL KEY-ESCROW@");
        String unknown = served.get("GET", "/?token=" + served.token() + "&proposal=nope");
        assertThat(Served.status(unknown)).isEqualTo(400);
        assertThat(unknown).contains("unknown proposal 'nope'");
    }

    @Test
    void givesUpADeclaredSafeguardOrFlipsADefault() throws Exception {
        String page = served.get("GET", "/?token=" + served.token());
        // Every safeguard WhatsApp declares, wherever it does: on a key directory, a recovery, a web client's builds.
        assertThat(java.util.regex.Pattern.compile("name=\"without\" value=\"([a-z-]+)\"").matcher(page).results()
                .map(m -> m.group(1)).toList()).containsExactly("key-transparency", "safety-numbers",
                "member-signed-changes", "signed-device-lists", "hsm-guess-limits", "binary-transparency",
                "forward-secrecy", "post-compromise-security", "user-visible-indicators");
        assertThat(served.get("GET", "/?token=" + served.token() + "&without=hsm-guess-limits"))
                .contains("introduced: HIGH WEAK-RECOVERY-SECRET@e2ee-backup-key");
        String unknown = served.get("GET", "/?token=" + served.token() + "&without=tinfoil");
        assertThat(Served.status(unknown)).isEqualTo(400);
        assertThat(unknown).contains("unknown safeguard 'tinfoil': known are key-transparency");
        String without = served.get("GET", "/?token=" + served.token() + "&without=signed-device-lists");
        assertThat(without).contains("safeguard given up: signed-device-lists").contains("wider reading: whatsapp of direct-chat: new route: adds-device");
        String flipped = served.get("GET", "/?token=" + served.token() + "&flip=direct-chat");
        assertThat(flipped).contains("value=\"direct-chat\" checked").contains("id=\"what-if-changes\"")
                .contains("introduced: CRITICAL PROVIDER-PLAINTEXT@direct-chat");
    }

    @Test
    void aModelThatStopsLoadingKeepsTheLastReviewAndSaysWhereItIsWrong() throws Exception {
        long before = served.server.live().current().version();
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(Repo.file("examples/whatsapp.yaml")).replace("kind: server", "kind: servr"));
        served.save(broken);
        LiveReview.Snapshot s = waitFor(before);
        assertThat(s.problems()).isNotEmpty();
        assertThat(s.problems().get(0)).matches(java.util.regex.Pattern.quote(served.model.toString()) + ":\\d+:\\d+: .*servr.*");
        String page = served.get("GET", "/?token=" + served.token());
        assertThat(page).contains("id=\"live-problems\"").contains("<main class=\"stale\">")
                .contains("Verdict:");
        assertThat(page.indexOf("live-problems")).isLessThan(page.indexOf("<main"));
        // The model's lines are the text the review shown was made from, not the file as it is now.
        String lines = page.substring(page.indexOf("<pre class=\"source\""));
        assertThat(lines).contains("kind: server").doesNotContain("servr");
        // What-ifs patch the text the last good review was read from, not the broken file.
        assertThat(served.get("GET", "/?token=" + served.token() + "&proposal=ghost"))
                .contains("introduced: CRITICAL GHOST-PARTICIPANT@group-chat");
        assertThat(s.model().text()).isEqualTo(Files.readString(Repo.file("examples/whatsapp.yaml")));
        served.save(Repo.file("examples/ghost-proposal.yaml"));
        s = waitFor(s.version());
        assertThat(s.problems()).isEmpty();
        assertThat(served.get("GET", "/?token=" + served.token())).contains("GHOST-PARTICIPANT@group-chat")
                .doesNotContain("live-problems").doesNotContain("class=\"stale\"");
    }

    /** The page in parts, each one element the script can swap, in the order the page shows them. */
    @Test
    void cutsThePageIntoItsSections() throws Exception {
        Page page = Page.of(1, body(served.get("GET", "/?token=" + served.token())));
        assertThat(page.parts().stream().map(Page.Part::key).toList()).containsExactly("[head]", "body > header",
                "#live", "main", "#verdict", "main > nav", "#readers", "#diagram", "#findings", "#features",
                "#objectives", "#safeguards", "#references", "#model", "[/main]",
                "body > footer", "[tail]");
        assertThat(new String(page.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(body(served.get("GET", "/?token=" + served.token())));
        assertThat(Page.of(1, "<p>a page of another shape</p>\n<section>\n<section>\n").parts())
                .extracting(Page.Part::key).containsExactly("[head]");
    }

    /**
     * A save that adds a comment changes the snapshot number, the model's lines and its digest: only those
     * parts are sent to a page that shows the version before; one that shows a version no longer held, or
     * none, fetches the page whole.
     */
    @Test
    void sendsOnlyThePartsASaveChanged() throws Exception {
        long before = served.server.live().current().version();
        served.get("GET", "/?token=" + served.token());
        Path edited = dir.resolve("edited.yaml");
        Files.writeString(edited, Files.readString(Repo.file("examples/whatsapp.yaml")) + "# an edit\n");
        served.save(edited);
        waitFor(before);
        String parts = body(served.get("GET", "/parts?token=" + served.token() + "&since=" + before));
        var answer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(parts);
        assertThat(answer.path("whole").asBoolean()).isFalse();
        List<String> keys = new java.util.ArrayList<>();
        answer.path("parts").forEach(p -> keys.add(p.path("key").asText()));
        assertThat(keys).containsExactly("#live", "#model", "body > footer");
        assertThat(answer.path("parts").get(1).path("html").asText()).contains("# an edit")
                .startsWith("<section id=\"model\">");
        for (String since : List.of("0", "x", "")) {
            assertThat(served.get("GET", "/parts?token=" + served.token() + "&since=" + since))
                    .as(since).contains("\"whole\":true");
        }
        assertThat(Served.status(served.get("GET", "/parts?token=" + served.token() + "&proposal=nope")))
                .isEqualTo(400);
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void aChangedTemplateIsUsedForTheNextPage() throws Exception {
        served.close();
        Path templates = Files.createDirectories(dir.resolve("templates"));
        served = new Served(Files.createDirectories(dir.resolve("m")), "examples/whatsapp.yaml", templates);
        assertThat(served.get("GET", "/?token=" + served.token())).doesNotContain("Our own page");
        long before = served.server.live().current().version();
        Files.writeString(templates.resolve("review.html.ftlh"), Files.readString(Repo.file("report-templates/review.html.ftlh"))
                .replace("<main", "<p>Our own page</p>\n<main"));
        waitFor(before);
        assertThat(served.get("GET", "/?token=" + served.token())).contains("<p>Our own page</p>");
    }

    @Test
    void escapesModelText() throws Exception {
        served.save(Hostile.model(dir));
        waitFor(1);
        String page = served.get("GET", "/?token=" + served.token() + "&proposal=key-escrow");
        assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("\u001b").doesNotContain("\u202E");
    }

    /**
     * An editor's save is often several writes: those within the settling time make one review. On a
     * machine too loaded to make five writes within half of it, the test says nothing and is skipped.
     */
    @Test
    void writesInQuickSuccessionMakeOneReview() throws Exception {
        long before = served.server.live().current().version();
        String text = Files.readString(Repo.file("examples/whatsapp.yaml"));
        // Writing another file first warms the path up; the server takes no notice of it.
        for (int i = 0; i < 20; i++) Files.writeString(dir.resolve("other.yaml"), text);
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) Files.writeString(served.model, text + "# write " + i + "\n");
        long took = (System.nanoTime() - start) / 1_000_000;
        org.junit.jupiter.api.Assumptions.assumeTrue(took < 20, "five writes took " + took + " ms");
        LiveReview.Snapshot s = waitFor(before);
        Thread.sleep(500);
        assertThat(served.server.live().current().version()).isEqualTo(before + 1);
        assertThat(s.model().text()).endsWith("# write 4\n");
    }

    /**
     * A rule that stops loading keeps the page stale until it loads again, though the model is saved
     * meanwhile: the reviewer is remade on the next review rather than taken as fixed.
     */
    @Test
    void aBrokenRuleStaysReportedUntilItLoads() throws Exception {
        served.close();
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Path model = dir.resolve("m.yaml");
        Files.copy(Repo.file("examples/whatsapp.yaml"), model);
        LiveReview.Reviewers reviewers = () -> {
            if (Files.exists(rules.resolve("broken.yaml"))) {
                throw new org.e2eereview.load.InputException(List.of(new org.e2eereview.load.Problem(
                        new org.e2eereview.model.Location(rules.resolve("broken.yaml").toString(), 1, 1), "broken")));
            }
            return org.e2eereview.Corpus.reviewer();
        };
        try (LiveReview live = new LiveReview(model, reviewers, null, List.of(), List.of(rules))) {
            live.watch();
            long v = live.current().version();
            Files.writeString(rules.resolve("broken.yaml"), "id: [\n");
            v = waitFor(live, v).version();
            assertThat(live.current().problems()).singleElement().asString().endsWith("broken.yaml:1:1: broken");
            Files.writeString(model, Files.readString(model) + "# saved meanwhile\n");
            v = waitFor(live, v).version();
            assertThat(live.current().problems()).as("still broken").isNotEmpty();
            Files.delete(rules.resolve("broken.yaml"));
            waitFor(live, v);
            assertThat(live.current().problems()).isEmpty();
            assertThat(live.current().model().text()).endsWith("# saved meanwhile\n");
        }
    }

    private LiveReview.Snapshot waitFor(long after) throws InterruptedException {
        return waitFor(served.server.live(), after);
    }

    private static LiveReview.Snapshot waitFor(LiveReview live, long after) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            LiveReview.Snapshot s = live.current();
            if (s.version() > after) return s;
            Thread.sleep(25);
        }
        throw new AssertionError("no new review within 10 s of saving the model");
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.sorted().toList();
        }
    }
}
