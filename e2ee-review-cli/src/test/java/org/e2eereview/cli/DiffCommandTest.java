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

class DiffCommandTest {

    static final String TODAY = "--today=2026-06-01";

    @Test
    void whatsappAgainstTheGhostProposalNamesTheGhostChangeAndNothingElse() throws Exception {
        Cli r = Cli.run("diff", Repo.arg("examples/whatsapp.yaml"), Repo.arg("examples/ghost-proposal.yaml"), TODAY, "--format", "json");
        assertThat(r.exitCode()).as("it introduces critical findings").isEqualTo(1);
        JsonNode d = new ObjectMapper().readTree(r.out());
        assertThat(ids(d.get("introduced"))).containsExactlyInAnyOrder("GHOST-PARTICIPANT@group-chat",
                "GHOST-PARTICIPANT@group-call");
        assertThat(d.get("superseded").toString()).isEqualTo("{\"SERVER-CONTROLLED-MEMBERSHIP@group-call\":"
                + "[\"GHOST-PARTICIPANT@group-call\"],\"SERVER-CONTROLLED-MEMBERSHIP@group-chat\":[\"GHOST-PARTICIPANT@group-chat\"]}");
        assertThat(d.get("removed")).isEmpty();
        Set<String> gained = new TreeSet<>();
        for (JsonNode g : d.get("readersGained")) gained.add(g.get("conversation").asText() + " " + g.get("party").asText());
        assertThat(gained).containsExactly("direct-chat law-enforcement", "group-call law-enforcement",
                "group-chat law-enforcement");
        assertThat(d.get("readersLost")).isEmpty();
        for (JsonNode c : d.get("changed")) {
            assertThat(c.get("what").toString()).as("only readers change: law enforcement, through the ghost power")
                    .isEqualTo("[\"readers\"]");
        }
        assertThat(d.get("safeguardsRemoved").toString()).contains("user-visible-indicators").contains(
                "examples/whatsapp.yaml:268:22");
    }

    @Test
    void textAndMarkdownSayTheSame() {
        Cli text = Cli.run("diff", Repo.arg("examples/whatsapp.yaml"), Repo.arg("examples/ghost-proposal.yaml"), TODAY);
        assertThat(text.out()).contains("INTRODUCES\n  CRITICAL GHOST-PARTICIPANT@group-call")
                .contains("(replaces SERVER-CONTROLLED-MEMBERSHIP@group-call)")
                .contains("READERS GAINED\n  direct-chat: law-enforcement by substitutes-keys");
        Cli md = Cli.run("diff", Repo.arg("examples/whatsapp.yaml"), Repo.arg("examples/ghost-proposal.yaml"), TODAY, "--format", "md");
        assertThat(md.exitCode()).isEqualTo(1);
        assertThat(Repo.relative(md.out())).startsWith("## e2ee-review: examples/whatsapp.yaml → examples/ghost-proposal.yaml\n")
                .contains("\n### Introduces\n\n- CRITICAL GHOST\\-PARTICIPANT@group\\-call".replace("\\-", "-"))
                .doesNotContain("<");
    }

    @Test
    void noChangeIsSaidAndPasses() {
        Cli r = Cli.run("diff", Repo.arg("examples/signal.yaml"), Repo.arg("examples/signal.yaml"), TODAY);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("No change in what the review says.");
        Cli back = Cli.run("diff", Repo.arg("examples/ghost-proposal.yaml"), Repo.arg("examples/whatsapp.yaml"), TODAY);
        assertThat(back.exitCode()).as("removing the ghost introduces nothing").isZero();
        assertThat(back.out()).doesNotContain("INTRODUCES")
                .contains("UNCOVERS\n  HIGH SERVER-CONTROLLED-MEMBERSHIP@group-call")
                .contains("(was within GHOST-PARTICIPANT@group-call)")
                .contains("REMOVES\n  CRITICAL GHOST-PARTICIPANT@group-call");
    }

    @Test
    void aCriticalFindingThatGainsAReaderFailsTheChange(@TempDir Path dir) throws Exception {
        String ghost = Files.readString(Repo.file("examples/ghost-proposal.yaml"));
        Path old = Files.writeString(dir.resolve("old.yaml"), ghost.replace(
                "powers: [data-disclosure, add-participant]", "powers: [data-disclosure]"));
        Cli r = Cli.run("diff", old.toString(), Repo.arg("examples/ghost-proposal.yaml"), TODAY);
        assertThat(r.out()).contains("CRITICAL GHOST-PARTICIPANT@group-chat: readers whatsapp → law-enforcement, "
                + "whatsapp").doesNotContain("INTRODUCES");
        assertThat(r.exitCode()).as("law enforcement now reads through a critical finding").isEqualTo(1);
        assertThat(Cli.run("diff", Repo.arg("examples/ghost-proposal.yaml"), old.toString(), TODAY).exitCode())
                .as("losing a reader is no failure").isZero();
    }

    @Test
    void oldMayBeAGitRevision() {
        Cli r = Cli.run("diff", "HEAD:examples/whatsapp.yaml", Repo.arg("examples/ghost-proposal.yaml"), TODAY, "--fail-on", "none");
        assertThat(r.exitCode()).isZero();
        assertThat(Repo.relative(r.out())).contains("diff · HEAD:examples/whatsapp.yaml → examples/ghost-proposal.yaml")
                .contains("CRITICAL GHOST-PARTICIPANT@group-chat");
        Cli missing = Cli.run("diff", "HEAD:no/such.yaml", Repo.arg("examples/signal.yaml"));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("HEAD:no/such.yaml: no such file, and no/such.yaml is not in HEAD\n");
        Cli folder = Cli.run("diff", "HEAD:examples", Repo.arg("examples/signal.yaml"));
        assertThat(folder.err()).isEqualTo("HEAD:examples: no such file, and examples is not a file in HEAD\n");
        Cli noRevision = Cli.run("diff", "no-such-branch:examples/whatsapp.yaml", Repo.arg("examples/signal.yaml"));
        assertThat(noRevision.exitCode()).isEqualTo(2);
        assertThat(noRevision.err()).isEqualTo("no-such-branch:examples/whatsapp.yaml: no such file, and git knows "
                + "no commit 'no-such-branch'\n");
        Cli noFile = Cli.run("diff", "nowhere.yaml", Repo.arg("examples/signal.yaml"));
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).isEqualTo("nowhere.yaml: no such file\n");
    }

    /**
     * A revision is never read by git as an option: '--output=FILE' would have git write wherever it says
     * (the file is looked for in the current directory, where git would have written it).
     */
    @Test
    void aRevisionOrPathThatGitCouldReadAsAnOptionIsRefused() throws Exception {
        String[][] hostile = {
                {"--output=e2ee-hostile-out:examples/whatsapp.yaml", "e2ee-hostile-out:examples/whatsapp.yaml",
                        "'--output=e2ee-hostile-out' cannot be a revision: it starts with '-'"},
                {"-oe2ee-hostile-out:examples/whatsapp.yaml", "e2ee-hostile-out:examples/whatsapp.yaml",
                        "'-oe2ee-hostile-out' cannot be a revision: it starts with '-'"},
                {"HEAD:--output=e2ee-hostile-out", "e2ee-hostile-out", "--output=e2ee-hostile-out is not in HEAD"},
                {"HEAD --output=e2ee-hostile-out:examples/whatsapp.yaml", "e2ee-hostile-out:examples/whatsapp.yaml",
                        "git knows no commit 'HEAD --output=e2ee-hostile-out'"},
                {"HEAD~0:examples/whatsapp.yaml\0--output=e2ee-hostile-out", "e2ee-hostile-out", "no such file"}};
        try {
            for (String[] h : hostile) {
                Cli r = Cli.run("diff", "--", h[0], Repo.arg("examples/signal.yaml"));
                assertThat(r.exitCode()).as(h[0]).isEqualTo(2);
                assertThat(r.err()).as(h[0]).startsWith(h[0].split("\0")[0]).contains(h[2]).hasLineCount(1);
                assertThat(Path.of(h[1])).as("git wrote a file for " + h[0]).doesNotExist();
                assertThat(Path.of("e2ee-hostile-out")).as(h[0]).doesNotExist();
            }
        } finally {
            Files.deleteIfExists(Path.of("e2ee-hostile-out:examples/whatsapp.yaml"));
            Files.deleteIfExists(Path.of("e2ee-hostile-out"));
        }
    }

    /** A baseline that accepts the ghost participant's findings, shared with SarifReportTest. */
    static final Path GHOST_ACCEPTED = Repo.file("e2ee-review-core/src/test/resources/baselines/ghost-accepted.yaml");

    @Test
    void acceptedFindingsAreCountedAsAcceptedInEveryFormat(@TempDir Path dir) throws Exception {
        Path baseline = Files.copy(GHOST_ACCEPTED, dir.resolve("baseline.yaml"));
        String[] args = {"diff", Repo.arg("examples/whatsapp.yaml"), Repo.arg("examples/ghost-proposal.yaml"), TODAY, "--baseline",
                baseline.toString()};
        Cli text = Cli.run(args);
        assertThat(text.exitCode()).as("accepted: they do not fail the change").isZero();
        String counts = "3 high, 5 low, 1 info → 2 critical (2 accepted), 1 high, 5 low, 1 info";
        assertThat(text.out()).contains("Verdict: WEAKENED → WEAKENED (" + counts + ")");
        assertThat(Cli.run(with(args, "--format", "md")).out()).contains("**Verdict:** WEAKENED → WEAKENED (" + counts + ")");
        JsonNode d = new ObjectMapper().readTree(Cli.run(with(args, "--format", "json")).out());
        assertThat(d.at("/new/counts").toString()).isEqualTo("{\"critical\":0,\"high\":1,\"medium\":0,\"low\":5,\"info\":1}");
        assertThat(d.at("/new/accepted").toString()).isEqualTo("{\"critical\":2,\"high\":0,\"medium\":0,\"low\":0,\"info\":0}");
        assertThat(d.at("/old/accepted/critical").asInt()).isZero();

        Path alone = Files.writeString(dir.resolve("only-ghost.yaml"), """
                e2ee-review-baseline: 1
                accepted:
                  GHOST-PARTICIPANT@group-*: { status: accepted, justification: under study, decided-by: board }
                  SERVER-CONTROLLED-MEMBERSHIP@group-*: { status: accepted, justification: known, decided-by: board }
                  PROVIDER-KEYED-BACKUP@chat-backup: { status: accepted, justification: opt-in, decided-by: board }
                """);
        Cli all = Cli.run("diff", Repo.arg("examples/whatsapp.yaml"), Repo.arg("examples/ghost-proposal.yaml"), TODAY, "--baseline",
                alone.toString(), "--fail-on", "low");
        assertThat(all.out()).as("introduced and accepted is not 'no findings'")
                .contains("→ 2 critical (2 accepted), 1 high (1 accepted), 5 low, 1 info)").doesNotContain("no findings");
    }

    @Test
    void objectivesNameTheWeakeningsThatChangedThem() throws Exception {
        String whatsapp = Repo.arg("examples/whatsapp.yaml");
        String ghost = Repo.arg("examples/ghost-proposal.yaml");
        String line = "lawful-access-to-content: no declared feature serves it → not met without weakening (now through "
                + "GHOST-PARTICIPANT@group-call, GHOST-PARTICIPANT@group-chat, UNVERIFIABLE-KEY-DIRECTORY@direct-chat, "
                + "UNVERIFIABLE-KEY-DIRECTORY@group-call, UNVERIFIABLE-KEY-DIRECTORY@group-chat)";
        assertThat(Cli.run("diff", whatsapp, ghost, TODAY).out()).contains("OBJECTIVES\n  " + line + "\n");
        assertThat(Cli.run("diff", whatsapp, ghost, TODAY, "--format", "md").out()).contains("### Objectives\n\n- " + line + "\n");
        JsonNode o = new ObjectMapper().readTree(Cli.run("diff", whatsapp, ghost, TODAY, "--format", "json").out()).at("/objectives/0");
        assertThat(o.get("objective").asText()).isEqualTo("lawful-access-to-content");
        assertThat(o.get("nowThrough").toString()).contains("\"GHOST-PARTICIPANT@group-chat\"");
        assertThat(o.get("noLongerThrough")).isEmpty();
        JsonNode back = new ObjectMapper().readTree(Cli.run("diff", ghost, whatsapp, TODAY, "--format", "json").out())
                .at("/objectives/0");
        assertThat(back.get("noLongerThrough")).isEqualTo(o.get("nowThrough"));
        assertThat(back.get("nowThrough")).isEmpty();
    }

    @Test
    void aSafeguardDeclaredAllAlongIsNowRelevantNotAdded(@TempDir Path dir) throws Exception {
        String mls = Files.readString(Repo.file("examples/mls-key-transparency.yaml"));
        Path signed = Files.writeString(dir.resolve("signed.yaml"), mls);
        Path unsigned = Files.writeString(dir.resolve("unsigned.yaml"), mls.replace(
                "signed-by-members: true        # [RFC9750]", "signed-by-members: false       # [RFC9750]"));
        JsonNode d = json("diff", signed.toString(), unsigned.toString());
        assertThat(d.get("safeguardsRemoved").toString()).contains("member-signed-changes");
        assertThat(d.get("safeguardsAdded")).as("changes-shown: always was there before").isEmpty();
        assertThat(d.get("safeguardsNowRelevant")).hasSize(1);
        assertThat(d.at("/safeguardsNowRelevant/0").asText()).startsWith("user-visible-indicators (every join to mls-group "
                + "is shown to its members, " + unsigned + ":124:22)");
        Cli text = Cli.run("diff", signed.toString(), unsigned.toString(), TODAY);
        assertThat(text.out()).contains("SAFEGUARDS DECLARED BEFORE, NOW RELEVANT\n  user-visible-indicators")
                .doesNotContain("SAFEGUARDS ADDED");
        assertThat(Cli.run("diff", signed.toString(), unsigned.toString(), TODAY, "--format", "md").out())
                .contains("### Safeguards declared before, now relevant\n\n- user-visible-indicators (every join");

        JsonNode back = json("diff", unsigned.toString(), signed.toString());
        assertThat(back.get("safeguardsAdded").toString()).contains("member-signed-changes");
        assertThat(back.get("safeguardsRemoved")).as("changes-shown: always is still written").isEmpty();
        assertThat(back.get("safeguardsNoLongerRelevant").toString()).contains("user-visible-indicators");
        assertThat(Cli.run("diff", unsigned.toString(), signed.toString(), TODAY).out())
                .contains("SAFEGUARDS STILL DECLARED, NO LONGER RELEVANT\n  user-visible-indicators")
                .doesNotContain("SAFEGUARDS TAKEN AWAY");

        Path hidden = Files.writeString(dir.resolve("hidden.yaml"), mls.replace("changes-shown: always ", "changes-shown: never  "));
        JsonNode both = json("diff", hidden.toString(), unsigned.toString());
        assertThat(both.get("safeguardsAdded").toString()).as("changes-shown went from never to always: written now")
                .contains("user-visible-indicators");
        assertThat(both.get("safeguardsNowRelevant")).isEmpty();

        Path targeted = Files.writeString(dir.resolve("targeted.yaml"), mls.replace(
                "updates: { per-user-targeting: false }", "updates: { per-user-targeting: true, binary-transparency: true }"));
        Path once = Files.writeString(dir.resolve("once.yaml"), mls.replace(
                "updates: { per-user-targeting: false }", "updates: { per-user-targeting: false, binary-transparency: true }"));
        JsonNode updates = json("diff", once.toString(), targeted.toString());
        assertThat(updates.get("safeguardsNowRelevant").toString()).contains("binary-transparency");
        assertThat(updates.get("safeguardsAdded")).isEmpty();
    }

    private static JsonNode json(String... args) throws Exception {
        Cli r = Cli.run(with(args, TODAY, "--format", "json", "--fail-on", "none"));
        assertThat(r.err()).isEmpty();
        return new ObjectMapper().readTree(r.out());
    }

    private static String[] with(String[] args, String... more) {
        String[] out = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, out, args.length, more.length);
        return out;
    }

    @Test
    void everyJsonKeyIsDocumented(@TempDir Path dir) throws Exception {
        Set<String> produced = new TreeSet<>();
        for (String[] pair : new String[][] {{Repo.arg("examples/whatsapp.yaml"), Repo.arg("examples/ghost-proposal.yaml")},
                {Repo.arg("examples/ghost-proposal.yaml"), Repo.arg("examples/signal.yaml")},
                {Repo.arg("examples/ghost-proposal.yaml"), Repo.arg("examples/whatsapp.yaml")}}) {
            Path out = dir.resolve("d.json");
            Cli r = Cli.run("diff", pair[0], pair[1], TODAY, "--format", "json", "-o", out.toString());
            assertThat(r.out()).isEmpty();
            paths(new ObjectMapper().readTree(Files.readString(out)), "", produced);
        }
        Set<String> keys = new TreeSet<>();
        for (String k : produced) {
            keys.add(k.replaceFirst("^(changed\\[\\]\\.(old|new)|removed\\[\\])\\..*", "$1")
                    .replaceFirst("^readersLost\\[\\]\\..*", "readersLost")
                    .replaceFirst("^readersWidened\\[\\]\\.before\\..*", "readersWidened[].before")
                    .replaceFirst("^readersWidened\\[\\]\\.(?!how$|before$).*", "readersWidened")
                    .replaceFirst("^uncovered\\[\\]\\.(?!within$).*", "uncovered")
                    .replaceFirst("^(old|new)\\.(counts|accepted)\\..*", "$1.$2"));
        }
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([A-Za-z0-9.*\\[\\]]+)` \\|").matcher(Files.readString(Repo.file("docs/diff-output.md")));
        while (m.find()) documented.add(m.group(1));
        keys.removeIf(k -> k.equals("changed[].old") || k.equals("changed[].new") || k.equals("removed[]"));
        keys.add("changed[].old");
        keys.add("changed[].new");
        assertThat(keys).isEqualTo(documented);
    }

    private static Set<String> ids(JsonNode list) {
        Set<String> out = new TreeSet<>();
        list.forEach(n -> out.add(n.get("id").asText()));
        return out;
    }

    private static void paths(JsonNode n, String prefix, Set<String> out) {
        if (n.isObject()) {
            boolean map = prefix.equals("superseded");
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = (prefix.isEmpty() ? "" : prefix + ".") + (map ? "*" : e.getKey());
                out.add(p);
                paths(e.getValue(), p, out);
            }
        } else if (n.isArray()) {
            for (JsonNode item : n) paths(item, prefix + "[]", out);
        }
    }
}
