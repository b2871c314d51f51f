package org.e2eereview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.e2eereview.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ReviewCommandTest {

    static final String TODAY = "--today=2026-06-01";

    @Test
    void signalPassesAndTheGhostProposalFails() {
        Cli signal = Cli.run("review", Repo.arg("examples/signal.yaml"), TODAY);
        assertThat(signal.exitCode()).isZero();
        assertThat(signal.out()).contains("Verdict: NO WEAKENING AT HIGH OR ABOVE")
                .contains("  direct-chat:\n    signal: substitutes-keys (always, visible: safety-numbers, key-change-alerts)"
                        + " → UNVERIFIABLE-KEY-DIRECTORY@direct-chat\n");
        Cli ghost = Cli.run("review", Repo.arg("examples/ghost-proposal.yaml"), TODAY);
        assertThat(ghost.exitCode()).isEqualTo(1);
        assertThat(ghost.out()).contains("CRITICAL GHOST-PARTICIPANT@group-chat")
                .contains("law-enforcement can read group-chat (on a legal order, through whatsapp):")
                .contains("examples/ghost-proposal.yaml:255:22  changes-shown: suppressible")
                .contains("lawful-access-to-content: not met without weakening");
    }

    /** The ArchUnit sample's model (examples/java-messenger) reviews through the command line like any example. */
    @Test
    void theJavaMessengerModelReviewsCleanly() {
        Cli cli = Cli.run("review", Repo.arg("examples/java-messenger/model.yaml"));
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void failOnSetsTheThreshold() {
        assertThat(Cli.run("review", Repo.arg("examples/whatsapp.yaml"), TODAY).exitCode()).isEqualTo(1);
        assertThat(Cli.run("review", Repo.arg("examples/whatsapp.yaml"), "--fail-on", "critical", TODAY).exitCode()).isZero();
        assertThat(Cli.run("review", Repo.arg("examples/signal.yaml"), "--fail-on", "info", TODAY).exitCode()).isEqualTo(1);
        assertThat(Cli.run("review", Repo.arg("examples/ghost-proposal.yaml"), "--fail-on", "none", TODAY).exitCode()).isZero();
        Cli bad = Cli.run("review", Repo.arg("examples/signal.yaml"), "--fail-on", "severe");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("'severe' is not a severity");
    }

    @Test
    void unusableInputIsExitTwoWithLocatedErrors(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("m.yaml"), "e2ee-review: 1\nsystem: { name: x }\n");
        Cli r = Cli.run("review", broken.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith(broken + ":1:1: missing required field");
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("X.yaml"), "id: X\n");
        Cli badRules = Cli.run("review", Repo.arg("examples/signal.yaml"), "--rules", rules.toString());
        assertThat(badRules.exitCode()).isEqualTo(2);
        assertThat(badRules.err()).contains(rules.resolve("X.yaml") + ":1:1: missing required field 'title'");
    }

    @Test
    void jsonIsDeterministic() {
        Cli a = Cli.run("review", Repo.arg("examples/whatsapp.yaml"), "--format", "json", TODAY);
        Cli b = Cli.run("review", Repo.arg("examples/whatsapp.yaml"), "--format", "json", TODAY);
        assertThat(a.out()).isEqualTo(b.out()).startsWith("{\n  \"format\" : \"e2ee-review/review\"");
    }


    /** A finding names its catalog entry by id; the entry is written once, however many findings cite it. */
    @Test
    void jsonListsEachCitedCatalogEntryOnce() throws Exception {
        JsonNode json = new ObjectMapper().readTree(
                Cli.run("review", Repo.arg("examples/whatsapp.yaml"), "--format", "json", TODAY).out());
        assertThat(json.get("formatVersion").asInt()).isEqualTo(3);
        Set<String> cited = new TreeSet<>();
        int citations = 0;
        for (String list : new String[] {"findings", "safetyFeatures"}) {
            for (JsonNode f : json.get(list)) {
                assertThat(f.get("catalog").isTextual()).as(f.get("id").asText()).isTrue();
                cited.add(f.get("catalog").asText());
                citations++;
            }
        }
        java.util.List<String> listed = new java.util.ArrayList<>();
        for (JsonNode e : json.get("catalog")) listed.add(e.get("id").asText());
        assertThat(listed).containsExactlyElementsOf(cited);
        assertThat(citations).as("an entry cited twice, so that once means once").isGreaterThan(cited.size());
        JsonNode first = json.get("catalog").get(0);
        assertThat(first.get("summary").asText()).isNotBlank();
        assertThat(first.get("kind").asText()).isIn("weakening", "safety-feature");
    }
    @Test
    void outWritesTheReportToAFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report.json");
        Cli r = Cli.run("review", Repo.arg("examples/signal.yaml"), "--format", "json", "-o", out.toString(), TODAY);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo(Cli.run("review", Repo.arg("examples/signal.yaml"), "--format", "json", TODAY).out());
    }

    @Test
    void severalFormatsRenderFromOneReview(@TempDir Path dir) throws Exception {
        Path sarif = dir.resolve("r.sarif");
        Path junit = dir.resolve("r.xml");
        Cli r = Cli.run("review", Repo.arg("examples/whatsapp.yaml"), TODAY, "--format", "sarif", "--out", sarif.toString(),
                "--format", "junit", "--out", junit.toString(), "--format", "text");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEqualTo(Cli.run("review", Repo.arg("examples/whatsapp.yaml"), TODAY).out());
        assertThat(Files.readString(sarif)).isEqualTo(Cli.run("review", Repo.arg("examples/whatsapp.yaml"), TODAY, "--format", "sarif").out())
                .contains("\"version\" : \"2.1.0\"");
        assertThat(Files.readString(junit)).startsWith("<?xml").contains("<testsuites ");
    }

    @Test
    void formatsAndFilesMustPair(@TempDir Path dir) throws Exception {
        Path kept = Files.writeString(dir.resolve("kept.json"), "previous");
        Cli r = Cli.run("review", Repo.arg("examples/signal.yaml"), "--format", "json", "--out", kept.toString(),
                "--out", dir.resolve("extra.json").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("give one --out for each --format (the last format may go to standard output): "
                + "1 --format, 2 --out\n");
        assertThat(Files.readString(kept)).isEqualTo("previous");
        assertThat(dir.resolve("extra.json")).doesNotExist();
        Cli unknown = Cli.run("review", Repo.arg("examples/signal.yaml"), "--format", "pdf");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("'pdf' is not a format: use html, json, junit, md, sarif, submission-html, "
                + "submission-md, submission-pdf, text\n");
    }

    /** The formats help lists are those found on the class path (the PDF's in its own module), each with what it is. */
    @Test
    void helpListsTheFormatsFound() {
        String help = Cli.run("review", "--help").out();
        assertThat(help).containsPattern("--format=FORMAT +html, json, junit, md, sarif, submission-html,");
        String formats = help.substring(help.indexOf("\nFormats:\n"), help.indexOf("\nExit codes:"));
        assertThat(formats.lines().skip(2).map(l -> l.trim().split(" ")[0]).toList()).containsExactly("html", "json",
                "junit", "md", "sarif", "submission-html", "submission-md", "submission-pdf", "text");
        assertThat(formats).contains("\n  sarif            SARIF 2.1.0 for code scanning\n")
                .contains("\n  submission-pdf   a consultation submission as tagged PDF\n");
    }

    @Test
    void aBrokenTemplateIsExitTwoAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("review.html.ftlh"), "<p>${verdict.text}</p>\n<#list findings as f>\n");
        Path md = Files.writeString(dir.resolve("review.md"), "previous");
        Path html = dir.resolve("review.html");
        Cli r = Cli.run("review", Repo.arg("examples/signal.yaml"), TODAY, "--template-dir", templates.toString(),
                "--format", "md", "--out", md.toString(), "--format", "html", "--out", html.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith(templates.resolve("review.html.ftlh") + ":2:").endsWith("\n")
                .hasLineCount(1);
        assertThat(Files.readString(md)).isEqualTo("previous");
        assertThat(html).doesNotExist();
        Files.writeString(templates.resolve("review.html.ftlh"), "<p>${verdict.text}</p>\n");
        Cli fixed = Cli.run("review", Repo.arg("examples/signal.yaml"), TODAY, "--template-dir", templates.toString(),
                "--format", "html", "--out", html.toString(), "--format", "md");
        assertThat(fixed.exitCode()).isZero();
        assertThat(Files.readString(html)).isEqualTo("<p>NO WEAKENING AT HIGH OR ABOVE</p>\n");
        assertThat(fixed.out()).startsWith("# e2ee-review: Signal\n");
    }

    @Test
    void aFileThatCannotBeWrittenLeavesTheOthersAsTheyWere(@TempDir Path dir) throws Exception {
        Path md = Files.writeString(dir.resolve("review.md"), "previous");
        Path unwritable = dir.resolve("missing").resolve("review.html");
        Cli r = Cli.run("review", Repo.arg("examples/signal.yaml"), TODAY, "--format", "md", "--out", md.toString(),
                "--format", "html", "--out", unwritable.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(unwritable + ": cannot write: no such directory\n");
        assertThat(Files.readString(md)).isEqualTo("previous");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).as("no temporary file is left")
                    .containsExactly("review.md");
        }
    }

    @Test
    void thePdfNeedsAFile() {
        Cli r = Cli.run("review", Repo.arg("examples/signal.yaml"), "--format", "submission-pdf");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("submission-pdf is binary: give it an --out FILE\n");
    }

    @Test
    void acceptedFindingsDoNotCountUntilTheyExpire(@TempDir Path dir) throws Exception {
        String whatsapp = Files.readString(Repo.file("examples/whatsapp.yaml"), StandardCharsets.UTF_8);
        String accepted = whatsapp + """

                accepted:
                  SERVER-CONTROLLED-MEMBERSHIP@group-chat: { status: accepted, justification: clients show every change, decided-by: review board, until: 2026-12-31 }
                  SERVER-CONTROLLED-MEMBERSHIP@group-call: { status: mitigated-elsewhere, justification: calls are short-lived, decided-by: review board }
                  PROVIDER-KEYED-BACKUP@chat-backup: { status: accepted, justification: opt-in only, decided-by: review board, until: 2026-01-31 }
                  GHOST-PARTICIPANT@nowhere: { status: false-positive, justification: stale, decided-by: me }
                """;
        Path model = Files.writeString(dir.resolve("whatsapp.yaml"), accepted);
        Cli r = Cli.run("review", model.toString(), TODAY, "--format", "json");
        assertThat(r.exitCode()).as("the expired backup acceptance counts again").isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.at("/verdict/counts/high").asInt()).isEqualTo(1);
        assertThat(statusOf(json, "SERVER-CONTROLLED-MEMBERSHIP@group-chat")).isEqualTo("accepted");
        assertThat(statusOf(json, "PROVIDER-KEYED-BACKUP@chat-backup")).isEqualTo("expired");
        assertThat(json.get("unusedAcceptances").toString()).isEqualTo("[\"GHOST-PARTICIPANT@nowhere\"]");
        Cli beforeExpiry = Cli.run("review", model.toString(), "--today=2026-01-15");
        assertThat(beforeExpiry.exitCode()).isZero();
        assertThat(beforeExpiry.out()).contains("note: acceptance GHOST-PARTICIPANT@nowhere (" + model + ":")
                .contains(") matches no finding");
        assertJsonIsDocumented(json);
    }

    private static String statusOf(JsonNode json, String id) {
        for (JsonNode f : json.get("findings")) {
            if (f.get("id").asText().equals(id)) return f.get("status").asText();
        }
        return null;
    }

    /** Every key the JSON output has is in docs/json-output.md, and every documented key occurs. */
    @Test
    void everyJsonKeyIsDocumented() throws Exception {
        Set<String> produced = new TreeSet<>();
        for (String example : new String[] {"ghost-proposal", "apple-2021-csam-scanning", "imessage-standard-backup",
                "key-escrow", "telegram-cloud-chats", "pgp-additional-decryption-key"}) {
            JsonNode json = new ObjectMapper().readTree(
                    Cli.run("review", Repo.arg("examples/" + example + ".yaml"), "--format", "json", TODAY).out());
            paths(json, "", produced);
        }
        Set<String> documented = documented();
        produced.add("findings[].acceptance"); // exercised in acceptedFindingsDoNotCountUntilTheyExpire
        documented.removeIf(p -> p.startsWith("findings[].acceptance."));
        documented.removeIf(p -> p.startsWith("baseline.")); // exercised in BaselineCommandTest
        assertThat(produced).isEqualTo(documented);
    }

    private static void assertJsonIsDocumented(JsonNode json) throws Exception {
        Set<String> produced = new TreeSet<>();
        paths(json, "", produced);
        assertThat(documented()).containsAll(produced);
    }

    private static Set<String> documented() throws Exception {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([A-Za-z0-9.\\[\\]]+)` \\|").matcher(
                Files.readString(Repo.file("docs/json-output.md")));
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static void paths(JsonNode node, String prefix, Set<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                out.add(p.replace("safetyFeatures[]", "findings[]"));
                paths(e.getValue(), p, out);
            }
        } else if (node.isArray()) {
            for (JsonNode n : node) paths(n, prefix + "[]", out);
        }
    }

    @Test
    void rulesTestRunsTheCasesOfBundledAndUserRules(@TempDir Path dir) throws Exception {
        Cli all = Cli.run("rules", "--test");
        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).matches("rules: \\d+ passed, 0 failed\\R");
        Files.writeString(dir.resolve("MY-RULE.yaml"), """
                id: MY-RULE
                title: Every group
                kind: weakening
                severity: low
                catalog: SERVER-CONTROLLED-MEMBERSHIP
                inspects: conversation
                when: conversation.kind == 'group'
                message: "{{conversation.id}} is a group"
                remediation: None.
                tests:
                  - { name: the group, expect: [chat], model: "{}" }
                  - { name: wrongly expects nothing, expect: [], model: "{}" }
                """);
        Cli mine = Cli.run("rules", "--test", "--rules", dir.toString(), "MY-RULE");
        assertThat(mine.exitCode()).isEqualTo(1);
        assertThat(mine.out()).isEqualTo("rules: 1 passed, 1 failed\n");
        assertThat(mine.err()).contains("test 'wrongly expects nothing' of MY-RULE: expected it to fire on [] but it fired on [chat]");
    }

    @Test
    void rulesListsAndExplains() {
        Cli list = Cli.run("rules");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("GHOST-PARTICIPANT").contains("Safety-feature rules:").contains("VERIFIABLE-REPORTING");
        Cli one = Cli.run("rules", "GHOST-PARTICIPANT");
        assertThat(one.exitCode()).isZero();
        assertThat(one.out()).startsWith("GHOST-PARTICIPANT — Ghost participant")
                .contains("Condition:").contains("'adds-member' in conversation.unseen_routes").contains("Test cases:")
                .contains("Not assessed where membership.managed-by is not written")
                .contains("[OL19]").contains("TOLA s317ZG(3)");
        Cli none = Cli.run("rules", "GHOST");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("no rule 'GHOST' (did you mean GHOST-PARTICIPANT?)");
    }
}
