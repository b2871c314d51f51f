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

class AssessCommandTest {

    static final String TODAY = "--today=2026-06-01";

    @Test
    void assessingSignalShowsWhatEachProposalWouldCostWithEvidence() {
        Cli r = Cli.run("assess", Repo.arg("examples/signal.yaml"), TODAY);
        assertThat(r.exitCode()).as("as review: Signal passes --fail-on high").isZero();
        assertThat(r.out()).startsWith("e2ee-review ").contains("The design as it is: NO WEAKENING AT HIGH OR ABOVE")
                .contains("GHOST · The \"ghost\" participant (2018)")
                .contains("  introduces:\n    CRITICAL GHOST-PARTICIPANT@group-chat")
                .contains("catalog/proposals/ghost.yaml:39:24  changes-shown: suppressible")
                .contains("    group-chat: law-enforcement by adds-member (on a legal order, through signal)")
                .contains("KEY-ESCROW · Key escrow with two escrow agents (1994)")
                .contains("CRITICAL KEY-ESCROW@device-escrow-key")
                .contains("CRITICAL CLIENT-SIDE-SCANNING@scanner-phone")
                .contains("CRITICAL PROVIDER-KEYED-BACKUP@default-backup")
                .contains("HIGH TARGETED-UPDATE@phone")
                .contains("HIGH ORIGINATOR-TRACEABILITY@originator-fingerprints")
                .contains("CRITICAL MASTER-KEY@golden-key")
                .contains("without weakening instead: ");
        assertThat(Cli.run("assess", Repo.arg("examples/signal.yaml"), TODAY).out()).as("same bytes").isEqualTo(r.out());
    }

    @Test
    void proposalsCanBeNamedAndTheExitCodeIsTheDesigns() {
        Cli ghost = Cli.run("assess", Repo.arg("examples/ghost-proposal.yaml"), TODAY, "--proposal", "ghost");
        assertThat(ghost.exitCode()).isEqualTo(1);
        assertThat(ghost.out()).contains("no new finding (the design already has what it asks for)")
                .doesNotContain("KEY-ESCROW ·");
        Cli cannot = Cli.run("assess", Repo.arg("examples/key-escrow.yaml"), TODAY, "--proposal", "client-side-scanning",
                "--fail-on", "none");
        assertThat(cannot.exitCode()).isZero();
        assertThat(cannot.out()).contains("CANNOT APPLY: no end-to-end encrypted conversation carries messages");
        Cli unknown = Cli.run("assess", Repo.arg("examples/signal.yaml"), "--proposal", "backdoor");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("--proposal: unknown proposal 'backdoor': known are ").doesNotContain("\tat ");
        Cli badFormat = Cli.run("assess", Repo.arg("examples/signal.yaml"), "--format", "sarif");
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.err()).contains("'sarif' is not a format of assess");
    }

    @Test
    void aFileThatCannotBeWrittenIsSaidInOneLineAndAnExistingOneIsKept(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("no-such-dir").resolve("assess.json");
        Cli r = Cli.run("assess", Repo.arg("examples/signal.yaml"), TODAY, "--format", "json", "--out", missing.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(missing + ": cannot write: no such directory\n");
        Path kept = dir.resolve("assess.txt");
        Files.writeString(kept, "before");
        Cli ok = Cli.run("assess", Repo.arg("examples/signal.yaml"), TODAY, "--out", kept.toString());
        assertThat(ok.exitCode()).isZero();
        assertThat(Files.readString(kept)).isEqualTo(Cli.run("assess", Repo.arg("examples/signal.yaml"), TODAY).out());
        assertThat(dir.toFile().list()).containsExactly("assess.txt");
    }

    @Test
    void everyJsonKeyIsDocumented(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("assess.json");
        Cli r = Cli.run("assess", Repo.arg("examples/whatsapp.yaml"), TODAY, "--format", "json", "--out", out.toString(),
                "--fail-on", "none");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(Files.readString(out));
        assertThat(json.get("format").asText()).isEqualTo("e2ee-review/assess");
        Set<String> produced = new TreeSet<>();
        paths(json, "", produced);
        JsonNode cannot = new ObjectMapper().readTree(Cli.run("assess", Repo.arg("examples/key-escrow.yaml"), TODAY,
                "--format", "json", "--proposal", "ghost").out());
        paths(cannot, "", produced);
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([A-Za-z0-9.*\\[\\]]+)` \\|").matcher(Files.readString(Repo.file("docs/assess-output.md")));
        while (m.find()) documented.add(m.group(1));
        // changed[] entries have introduced[]'s keys, and the doc says so once.
        Set<String> keys = new TreeSet<>();
        for (String k : produced) keys.add(k.replace("proposals[].changed[].", "proposals[].introduced[]."));
        assertThat(keys).isEqualTo(documented);
    }

    /** Key paths; the keys of bindings and superseded are data (placeholders, finding ids), written as *. */
    private static void paths(JsonNode n, String prefix, Set<String> out) {
        if (n.isObject()) {
            boolean map = prefix.endsWith(".bindings") || prefix.endsWith(".superseded");
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
