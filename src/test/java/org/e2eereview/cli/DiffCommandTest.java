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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class DiffCommandTest {

    static final String TODAY = "--today=2026-06-01";

    @Test
    void whatsappAgainstTheGhostProposalNamesTheGhostChangeAndNothingElse() throws Exception {
        Cli r = Cli.run("diff", "examples/whatsapp.yaml", "examples/ghost-proposal.yaml", TODAY, "--format", "json");
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
        Cli text = Cli.run("diff", "examples/whatsapp.yaml", "examples/ghost-proposal.yaml", TODAY);
        assertThat(text.out()).contains("INTRODUCES\n  CRITICAL GHOST-PARTICIPANT@group-call")
                .contains("(replaces SERVER-CONTROLLED-MEMBERSHIP@group-call)")
                .contains("READERS GAINED\n  direct-chat: law-enforcement by substitutes-keys");
        Cli md = Cli.run("diff", "examples/whatsapp.yaml", "examples/ghost-proposal.yaml", TODAY, "--format", "md");
        assertThat(md.exitCode()).isEqualTo(1);
        assertThat(md.out()).startsWith("## e2ee-review: examples/whatsapp.yaml → examples/ghost-proposal.yaml\n")
                .contains("\n### Introduces\n\n- CRITICAL GHOST\\-PARTICIPANT@group\\-call".replace("\\-", "-"))
                .doesNotContain("<");
    }

    @Test
    void noChangeIsSaidAndPasses() {
        Cli r = Cli.run("diff", "examples/signal.yaml", "examples/signal.yaml", TODAY);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("No change in what the review says.");
        Cli back = Cli.run("diff", "examples/ghost-proposal.yaml", "examples/whatsapp.yaml", TODAY);
        assertThat(back.exitCode()).as("removing the ghost introduces nothing").isZero();
        assertThat(back.out()).doesNotContain("INTRODUCES")
                .contains("UNCOVERS\n  HIGH SERVER-CONTROLLED-MEMBERSHIP@group-call")
                .contains("(was within GHOST-PARTICIPANT@group-call)")
                .contains("REMOVES\n  CRITICAL GHOST-PARTICIPANT@group-call");
    }

    @Test
    void aCriticalFindingThatGainsAReaderFailsTheChange(@TempDir Path dir) throws Exception {
        String ghost = Files.readString(Path.of("examples/ghost-proposal.yaml"));
        Path old = Files.writeString(dir.resolve("old.yaml"), ghost.replace(
                "powers: [data-disclosure, add-participant]", "powers: [data-disclosure]"));
        Cli r = Cli.run("diff", old.toString(), "examples/ghost-proposal.yaml", TODAY);
        assertThat(r.out()).contains("CRITICAL GHOST-PARTICIPANT@group-chat: readers whatsapp → law-enforcement, "
                + "whatsapp").doesNotContain("INTRODUCES");
        assertThat(r.exitCode()).as("law enforcement now reads through a critical finding").isEqualTo(1);
        assertThat(Cli.run("diff", "examples/ghost-proposal.yaml", old.toString(), TODAY).exitCode())
                .as("losing a reader is no failure").isZero();
    }

    @Test
    void oldMayBeAGitRevision() {
        Cli r = Cli.run("diff", "HEAD:examples/whatsapp.yaml", "examples/ghost-proposal.yaml", TODAY, "--fail-on", "none");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("diff · HEAD:examples/whatsapp.yaml → examples/ghost-proposal.yaml")
                .contains("CRITICAL GHOST-PARTICIPANT@group-chat");
        Cli missing = Cli.run("diff", "HEAD:no/such.yaml", "examples/signal.yaml");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("HEAD:no/such.yaml: no such file, and git cannot show it: ")
                .hasLineCount(1);
        Cli noFile = Cli.run("diff", "nowhere.yaml", "examples/signal.yaml");
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).isEqualTo("nowhere.yaml: no such file\n");
    }

    @Test
    void everyJsonKeyIsDocumented(@TempDir Path dir) throws Exception {
        Set<String> produced = new TreeSet<>();
        for (String[] pair : new String[][] {{"examples/whatsapp.yaml", "examples/ghost-proposal.yaml"},
                {"examples/ghost-proposal.yaml", "examples/signal.yaml"},
                {"examples/ghost-proposal.yaml", "examples/whatsapp.yaml"}}) {
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
                    .replaceFirst("^uncovered\\[\\]\\.(?!within$).*", "uncovered"));
        }
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([A-Za-z0-9.*\\[\\]]+)` \\|").matcher(Files.readString(Path.of("docs/diff-output.md")));
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
