package org.e2eereview.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

/** review --baseline and --write-baseline: decisions kept beside the model. */
class BaselineCommandTest {

    static final String GHOST = Repo.arg("examples/ghost-proposal.yaml");

    static final String DECIDED = """
            e2ee-review-baseline: 1
            accepted:
              GHOST-PARTICIPANT@group-*:
                status: accepted
                justification: "the proposal under study: this model exists to show it"
                decided-by: design review board
                until: 2026-12-31
              UNVERIFIABLE-KEY-DIRECTORY@*:
                status: mitigated-elsewhere
                justification: key transparency audited by a third party
                decided-by: security team
              PROVIDER-KEYED-BACKUP@chat-backup:
                status: accepted
                justification: backups are opt-in and users are told
                decided-by: product
                until: 2026-06-30
              KEY-ESCROW@nowhere:
                status: false-positive
                justification: an old finding
                decided-by: me
            """;

    @Test
    void acceptedFindingsLeaveTheExitCodeAloneButStayVisible(@TempDir Path dir) throws Exception {
        Path baseline = Files.writeString(dir.resolve("baseline.yaml"), DECIDED);
        Cli before = Cli.run("review", GHOST, "--today=2026-06-01");
        assertThat(before.exitCode()).isEqualTo(1);
        Cli r = Cli.run("review", GHOST, "--baseline", baseline.toString(), "--today=2026-06-01");
        assertThat(r.exitCode()).as("every critical and high finding is decided").isZero();
        assertThat(r.out()).contains("Acceptances: 6 accepted, 1 matches no finding · baseline " + baseline)
                .contains("CRITICAL GHOST-PARTICIPANT@group-call")
                .contains("  accepted (accepted by design review board, until 2026-12-31; " + baseline
                        + ":3:3): the proposal under study: this model exists to show it")
                .contains("note: acceptance KEY-ESCROW@nowhere (" + baseline + ":17:3) matches no finding");
        for (String format : new String[] {"md", "html", "sarif", "junit"}) {
            Cli f = Cli.run("review", GHOST, "--baseline", baseline.toString(), "--today=2026-06-01", "--format", format);
            assertThat(f.exitCode()).isZero();
            assertThat(f.out()).as(format).contains("the proposal under study")
                    .contains("key transparency audited by a third party");
        }
        assertThat(Cli.run("review", GHOST, "--baseline", baseline.toString(), "--today=2026-06-01",
                "--format", "md").out()).contains("baseline " + baseline.toString().replace("_", "\\_"));
    }

    @Test
    void anExpiredAcceptanceFailsTheBuildAgain(@TempDir Path dir) throws Exception {
        Path baseline = Files.writeString(dir.resolve("baseline.yaml"), DECIDED);
        Cli r = Cli.run("review", GHOST, "--baseline", baseline.toString(), "--today=2026-07-01", "--format", "json");
        assertThat(r.exitCode()).as("the backup acceptance ended on 2026-06-30").isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode backup = finding(json, "PROVIDER-KEYED-BACKUP@chat-backup");
        assertThat(backup.get("status").asText()).isEqualTo("expired");
        assertThat(backup.at("/acceptance/key").asText()).isEqualTo("PROVIDER-KEYED-BACKUP@chat-backup");
        assertThat(backup.at("/acceptance/location/line").asInt()).isEqualTo(12);
        assertThat(finding(json, "GHOST-PARTICIPANT@group-chat").at("/acceptance/key").asText())
                .isEqualTo("GHOST-PARTICIPANT@group-*");
        assertThat(json.at("/verdict/counts/high").asInt()).isEqualTo(1);
        assertThat(json.get("unusedAcceptances").toString()).isEqualTo("[\"KEY-ESCROW@nowhere\"]");
        assertThat(json.at("/baseline/file").asText()).isEqualTo(baseline.toString());
        assertThat(json.at("/baseline/entries").asInt()).isEqualTo(4);
        Set<String> produced = new TreeSet<>();
        paths(json, "", produced);
        produced.removeIf(k -> k.startsWith("safetyFeatures[].")); // documented as "the fields of findings[]"
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([A-Za-z0-9.\\[\\]]+)` \\|").matcher(
                Files.readString(Repo.file("docs/json-output.md")));
        while (m.find()) documented.add(m.group(1));
        assertThat(documented).containsAll(produced);
        assertThat(Cli.run("review", GHOST, "--baseline", baseline.toString(), "--today=2026-07-01").out())
                .contains("Acceptances: 5 accepted, 1 expired (counted again), 1 matches no finding");
    }

    @Test
    void aModelsOwnAcceptanceComesBeforeTheBaseline(@TempDir Path dir) throws Exception {
        Path model = Files.writeString(dir.resolve("m.yaml"), Files.readString(Path.of(GHOST)) + """

                accepted:
                  GHOST-PARTICIPANT@group-chat: { status: false-positive, justification: written in the model, decided-by: architects }
                """);
        Path baseline = Files.writeString(dir.resolve("baseline.yaml"), DECIDED);
        JsonNode json = new ObjectMapper().readTree(Cli.run("review", model.toString(), "--baseline",
                baseline.toString(), "--today=2026-06-01", "--format", "json").out());
        assertThat(finding(json, "GHOST-PARTICIPANT@group-chat").at("/acceptance/justification").asText())
                .isEqualTo("written in the model");
        assertThat(finding(json, "GHOST-PARTICIPANT@group-call").at("/acceptance/key").asText())
                .isEqualTo("GHOST-PARTICIPANT@group-*");
    }

    @Test
    void writtenBaselinesRefuseToLoadUntilEachEntryIsJustified(@TempDir Path dir) throws Exception {
        Path written = dir.resolve("baseline.yaml");
        Cli w = Cli.run("review", GHOST, "--write-baseline", written.toString(), "--today=2026-06-01");
        assertThat(w.exitCode()).as("the review's own exit code").isEqualTo(1);
        assertThat(w.err()).isEqualTo(written + ": 9 finding(s) to decide and justify before it loads, "
                + "0 decision(s) kept\n");
        String text = Files.readString(written);
        assertThat(text).contains("e2ee-review-baseline: 1\naccepted:\n  GHOST-PARTICIPANT@group-call:\n"
                + "    # CRITICAL: law-enforcement, whatsapp can read group-call");

        Cli refused = Cli.run("review", GHOST, "--baseline", written.toString(), "--today=2026-06-01");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.out()).isEmpty();
        String firstLine = refused.err().lines().findFirst().orElseThrow();
        int line = lineOf(text, "  GHOST-PARTICIPANT@group-call:") + 2; // after the finding's comment
        assertThat(firstLine).isEqualTo(written + ":" + line + ":13: empty 'status' of acceptance "
                + "'GHOST-PARTICIPANT@group-call': expected one of accepted, false-positive, mitigated-elsewhere");
        assertThat(refused.err()).contains(written + ":" + (line + 1) + ":20: empty 'justification' of acceptance "
                + "'GHOST-PARTICIPANT@group-call': expected a non-empty string");
        assertThat(refused.err().lines()).allMatch(l -> l.startsWith(written + ":"));

        // Deciding every entry makes it load; the review then passes.
        String decided = text.replace("status: \"\"", "status: accepted")
                .replace("justification: \"\"", "justification: \"a study model: \\\"ghost\\\" is the point\"")
                .replace("decided-by: \"\"", "decided-by: review board");
        Files.writeString(written, decided);
        Cli ok = Cli.run("review", GHOST, "--baseline", written.toString(), "--today=2026-06-01");
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("Acceptances: 9 accepted · baseline");

        // Rewriting it keeps the decisions, quoted so that they read back the same.
        Cli again = Cli.run("review", GHOST, "--baseline", written.toString(), "--write-baseline", written.toString(),
                "--today=2026-06-01");
        assertThat(again.exitCode()).isZero();
        assertThat(again.err()).contains("0 finding(s) to decide and justify before it loads, 9 decision(s) kept");
        assertThat(Files.readString(written)).contains("    justification: \"a study model: \\\"ghost\\\" is the point\"\n");
        assertThat(Cli.run("review", GHOST, "--baseline", written.toString(), "--today=2026-06-01").exitCode()).isZero();
    }

    @Test
    void writeBaselineNeverReplacesAFileItWasNotGiven(@TempDir Path dir) throws Exception {
        Path other = Files.writeString(dir.resolve("other.yaml"), "keep me\n");
        Cli r = Cli.run("review", GHOST, "--write-baseline", other.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(other + ": exists; give it as --baseline too to keep its decisions, or remove "
                + "it first\n");
        assertThat(Files.readString(other)).isEqualTo("keep me\n");
    }

    @Test
    void badBaselinesAreLocated(@TempDir Path dir) throws Exception {
        Path b = Files.writeString(dir.resolve("b.yaml"), """
                e2ee-review-baseline: 1
                accepted:
                  GHOST-PARTICIPANT@group-chat:
                    status: acepted
                    justification: "  "
                    decided-by: me
                    until: someday
                  "*@x": { status: accepted, justification: x, decided-by: y }
                """);
        Cli r = Cli.run("review", GHOST, "--baseline", b.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(b + ":4:13: bad value 'acepted'")
                .contains(b + ":5:20: empty 'justification'")
                .contains(b + ":7:12: expected a date (YYYY-MM-DD)")
                .contains(b + ":8:3: ");
        assertThat(r.err()).doesNotContain("Exception");
        Path version = Files.writeString(dir.resolve("v.yaml"), "e2ee-review-baseline: 2\naccepted: {}\n");
        assertThat(Cli.run("review", GHOST, "--baseline", version.toString()).err())
                .isEqualTo(version + ":1:23: baseline format version 2: this release of e2ee-review reads version 1\n");
        assertThat(Cli.run("review", GHOST, "--baseline", dir.resolve("none.yaml").toString()).err())
                .isEqualTo(dir.resolve("none.yaml") + ": no such file\n");
        Path model = Files.writeString(dir.resolve("model-as-baseline.yaml"), Files.readString(Path.of(GHOST)));
        assertThat(Cli.run("review", GHOST, "--baseline", model.toString()).err())
                .startsWith(model + ":").contains("e2ee-review");
    }

    @Test
    void diffTakesTheBaselineToo(@TempDir Path dir) throws Exception {
        Path baseline = Files.writeString(dir.resolve("baseline.yaml"), DECIDED);
        assertThat(Cli.run("diff", Repo.arg("examples/whatsapp.yaml"), GHOST, "--today=2026-06-01").exitCode()).isEqualTo(1);
        assertThat(Cli.run("diff", Repo.arg("examples/whatsapp.yaml"), GHOST, "--today=2026-06-01", "--baseline",
                baseline.toString()).exitCode()).as("the ghost findings are accepted").isZero();
    }

    @Test
    void theDocumentedExampleLoadsAndDecidesWhatTheDocsSay() throws Exception {
        String doc = Files.readString(Repo.file("docs/baselines.md"));
        Matcher yaml = Pattern.compile("(?s)```yaml\n(.*?)```").matcher(doc);
        assertThat(yaml.find()).isTrue();
        var baseline = new org.e2eereview.load.ModelLoader().parseBaseline("docs/baselines.md", yaml.group(1)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(baseline.match("GHOST-PARTICIPANT@group-call").decidedBy()).isEqualTo("design review board");
        assertThat(baseline.match("UNVERIFIABLE-KEY-DIRECTORY@direct-chat").status().yamlName())
                .isEqualTo("mitigated-elsewhere");
    }

    @Test
    void anEntryNamingNoRuleSaysSo(@TempDir Path dir) throws Exception {
        Path b = Files.writeString(dir.resolve("b.yaml"), """
                e2ee-review-baseline: 1
                accepted:
                  METADATA@*: { status: accepted, justification: a known cost, decided-by: DPO }
                  GOST-PARTICIPANT@group-chat: { status: accepted, justification: study, decided-by: me }
                """);
        Cli r = Cli.run("review", GHOST, "--baseline", b.toString(), "--today=2026-06-01");
        assertThat(r.out()).contains("note: acceptance METADATA@* (" + b + ":3:3) names no rule 'METADATA' (did you "
                + "mean 'METADATA-EXPOSURE'?); see e2ee-review rules")
                .contains("note: acceptance GOST-PARTICIPANT@group-chat (" + b + ":4:3) names no rule "
                        + "'GOST-PARTICIPANT' (did you mean 'GHOST-PARTICIPANT'?)");
        assertThat(Cli.run("review", GHOST, "--baseline", b.toString(), "--today=2026-06-01", "--format", "md").out())
                .contains("names no rule 'METADATA'");
    }

    @Test
    void assessTakesTheBaselineForTheDesignAsItIs(@TempDir Path dir) throws Exception {
        Path baseline = Files.writeString(dir.resolve("baseline.yaml"), DECIDED);
        assertThat(Cli.run("assess", GHOST, "--proposal", "ghost", "--today=2026-06-01").exitCode()).isEqualTo(1);
        assertThat(Cli.run("assess", GHOST, "--proposal", "ghost", "--today=2026-06-01", "--baseline",
                baseline.toString()).exitCode()).isZero();
    }

    /** PROVIDER-KEYED-BACKUP@chat-backup is accepted until 2026-06-30, the ghost's findings until 2026-12-31. */
    @Test
    void acceptancesAboutToEndAreWarnedOfOnceEachInEveryReviewingCommand(@TempDir Path dir) throws Exception {
        Path baseline = Files.writeString(dir.resolve("baseline.yaml"), DECIDED);
        String backup = baseline + ":12:3: warning: acceptance PROVIDER-KEYED-BACKUP@chat-backup ends on 2026-06-30";
        Cli far = Cli.run("review", GHOST, "--baseline", baseline.toString(), "--today=2026-06-01");
        assertThat(far.err()).as("30 days left, beyond the default 14").isEmpty();
        Cli near = Cli.run("review", GHOST, "--baseline", baseline.toString(), "--today=2026-06-20");
        assertThat(near.exitCode()).as("a warning, not a failure").isZero();
        assertThat(near.err()).isEqualTo(backup + ", in 10 days: decide again, or the finding counts from the day "
                + "after\n");
        assertThat(Cli.run("review", GHOST, "--baseline", baseline.toString(), "--today=2026-06-30").err())
                .contains(backup + ", today:");
        Cli wide = Cli.run("review", GHOST, "--baseline", baseline.toString(), "--today=2026-06-29",
                "--warn-expiring", "200", "--format", "json");
        assertThat(wide.err()).as("one line per entry, though the ghost's entry decides two findings")
                .isEqualTo(backup + ", tomorrow: decide again, or the finding counts from the day after\n"
                        + baseline + ":3:3: warning: acceptance GHOST-PARTICIPANT@group-* ends on 2026-12-31, in 185 "
                        + "days: decide again, or the finding counts from the day after\n");
        assertThat(Cli.run("review", GHOST, "--baseline", baseline.toString(), "--today=2026-06-29",
                "--warn-expiring", "0").err()).isEmpty();
        assertThat(Cli.run("review", GHOST, "--baseline", baseline.toString(), "--today=2026-07-01").err())
                .as("once ended, the finding counts: the report says so, not a warning").isEmpty();
        assertThat(Cli.run("diff", Repo.arg("examples/whatsapp.yaml"), GHOST, "--baseline", baseline.toString(),
                "--today=2026-06-20").err()).startsWith(backup);
        assertThat(Cli.run("assess", GHOST, "--proposal", "ghost", "--baseline", baseline.toString(),
                "--today=2026-06-20").err()).startsWith(backup);
        assertThat(Cli.run("review", GHOST, "--warn-expiring", "x").exitCode()).isEqualTo(2);
    }

    @Test
    void strictBaselineRefusesEntriesThatMatchNothing(@TempDir Path dir) throws Exception {
        Path baseline = Files.writeString(dir.resolve("baseline.yaml"), DECIDED);
        Path out = dir.resolve("review.sarif");
        Cli lenient = Cli.run("review", GHOST, "--baseline", baseline.toString(), "--today=2026-06-01");
        assertThat(lenient.exitCode()).as("without the option, a note").isZero();
        Cli strict = Cli.run("review", GHOST, "--baseline", baseline.toString(), "--today=2026-06-01",
                "--strict-baseline", "--format", "sarif", "-o", out.toString());
        assertThat(strict.exitCode()).isEqualTo(2);
        assertThat(strict.err()).isEqualTo(baseline + ":17:3: acceptance KEY-ESCROW@nowhere matches no finding; "
                + "remove it or fix its id (--strict-baseline)\n");
        assertThat(out).as("refused before any report is written").doesNotExist();
        Path clean = Files.writeString(dir.resolve("clean.yaml"), DECIDED.substring(0, DECIDED.indexOf("  KEY-ESCROW")));
        assertThat(Cli.run("review", GHOST, "--baseline", clean.toString(), "--today=2026-06-01", "--strict-baseline")
                .exitCode()).isZero();
        Path model = Files.writeString(dir.resolve("model.yaml"), Files.readString(Path.of(GHOST))
                + "accepted:\n  KEY-ESCROW@elsewhere: { status: accepted, justification: x, decided-by: me }\n");
        assertThat(Cli.run("review", model.toString(), "--baseline", clean.toString(), "--today=2026-06-01",
                "--strict-baseline").exitCode()).as("the model's own acceptances are the model's business").isZero();
        Cli diff = Cli.run("diff", GHOST, Repo.arg("examples/whatsapp.yaml"), "--baseline", clean.toString(),
                "--today=2026-06-01", "--strict-baseline");
        assertThat(diff.exitCode()).as("the change removes the ghost: its entry is left deciding nothing").isEqualTo(2);
        assertThat(diff.err()).isEqualTo(clean + ":3:3: acceptance GHOST-PARTICIPANT@group-* matches no finding; "
                + "remove it or fix its id (--strict-baseline)\n");
        assertThat(Cli.run("assess", GHOST, "--baseline", baseline.toString(), "--today=2026-06-01",
                "--strict-baseline").exitCode()).isEqualTo(2);
    }

    private static int lineOf(String text, String line) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].equals(line)) return i + 1;
        throw new AssertionError(line);
    }

    private static JsonNode finding(JsonNode json, String id) {
        for (JsonNode f : json.get("findings")) if (f.get("id").asText().equals(id)) return f;
        throw new AssertionError(id);
    }

    private static void paths(JsonNode n, String prefix, Set<String> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = (prefix.isEmpty() ? "" : prefix + ".") + e.getKey();
                out.add(p);
                paths(e.getValue(), p, out);
            }
        } else if (n.isArray()) {
            for (JsonNode item : n) paths(item, prefix + "[]", out);
        }
    }
}
