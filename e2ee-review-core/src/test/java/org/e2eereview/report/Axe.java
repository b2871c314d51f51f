package org.e2eereview.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.e2eereview.Repo;

/**
 * axe-core, the accessibility engine, run in a page opened by {@link Chromium}. Its script comes from
 * the npm package pinned in e2ee-review-core/src/test/a11y (installed there by .ci/run) and is evaluated over the
 * DevTools protocol, so the page under test keeps its own content security policy and no script of
 * its own, and nothing is fetched while the tests run.
 */
public final class Axe {

    /** WCAG 2.0 and 2.1, levels A and AA: the rules the pages must pass. */
    public static final List<String> WCAG21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    static final Path PACKAGE = Repo.file("e2ee-review-core/src/test/a11y");
    private static final Path SCRIPT = PACKAGE.resolve("node_modules/axe-core/axe.min.js");
    private static final ObjectMapper JSON = new ObjectMapper();

    public final String version;
    private final String source;

    private Axe(String version, String source) {
        this.version = version;
        this.source = source;
    }

    /** The installed axe-core, which must be the version package.json pins; fails saying how to install it. */
    public static Axe installed() throws IOException {
        String pinned = JSON.readTree(PACKAGE.resolve("package.json").toFile()).path("devDependencies")
                .path("axe-core").asText();
        String install = "install it with: npm ci --prefix " + PACKAGE + " (bash .ci/run does), or skip the "
                + "browser tests with -De2ee.browser=skip";
        if (!Files.isRegularFile(SCRIPT)) throw new AssertionError("axe-core " + pinned + " is not installed: " + install);
        String found = JSON.readTree(PACKAGE.resolve("node_modules/axe-core/package.json").toFile())
                .path("version").asText();
        if (!found.equals(pinned)) {
            throw new AssertionError("axe-core " + found + " is installed but " + pinned + " is pinned: " + install);
        }
        return new Axe(found, Files.readString(SCRIPT, StandardCharsets.UTF_8));
    }

    public record Violation(String rule, String impact, String help, String helpUrl, List<String> targets) {
        @Override
        public String toString() {
            return rule + " (" + impact + "): " + help + " <" + helpUrl + ">\n    at " + String.join("\n    at ", targets);
        }
    }

    /** Runs the rules with any of the tags on the loaded page and returns what they found wrong. */
    public List<Violation> check(Chromium.Page page, List<String> tags) throws Exception {
        if (!page.eval("typeof window.axe").asText().equals("object")) page.eval(source + "; undefined");
        JsonNode found = page.eval("axe.run(document, {runOnly: {type: 'tag', values: " + JSON.writeValueAsString(tags)
                + "}, resultTypes: ['violations']}).then(r => r.violations.map(v => ({rule: v.id, impact: v.impact,"
                + " help: v.help, helpUrl: v.helpUrl, targets: v.nodes.map(n => n.target.join(' ') + ': '"
                + " + (n.failureSummary || '').replace(/\\s+/g, ' '))})))");
        List<Violation> out = new ArrayList<>();
        for (JsonNode v : found) {
            List<String> targets = new ArrayList<>();
            v.path("targets").forEach(t -> targets.add(t.asText()));
            out.add(new Violation(v.path("rule").asText(), v.path("impact").asText(), v.path("help").asText(),
                    v.path("helpUrl").asText(), targets));
        }
        return out;
    }
}
