package org.e2eereview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.e2eereview.Repo;
import org.e2eereview.report.Hostile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's text output, on a model whose free text holds terminal escapes (colours, OSC-8
 * links, BEL, a bare CR) and bidirectional overrides, and on a file whose name holds one: nothing
 * the command line prints can drive the terminal.
 */
class TerminalEscapingTest {

    @Test
    void noCommandPrintsAControlSequence(@TempDir Path dir) throws Exception {
        Path hostile = Hostile.model(dir);
        Path oddName = Files.copy(hostile, dir.resolve("odd\u001b[31mname\u0007.yaml"));
        Path broken = Files.writeString(dir.resolve("bad\u001b]8;;x\u001b\\.yaml"), "e2ee-review: 1\nsystem: { name: \"\\e[2J\" }\n");
        List<String[]> commands = List.of(
                new String[] {"validate", hostile.toString(), oddName.toString()},
                new String[] {"validate", broken.toString()},
                new String[] {"review", hostile.toString(), "--fail-on", "none", "--today", "2026-06-01"},
                new String[] {"review", oddName.toString(), "--fail-on", "none", "--format", "md"},
                new String[] {"assess", hostile.toString(), "--today", "2026-06-01"},
                new String[] {"diff", Repo.arg("examples/whatsapp.yaml"), hostile.toString(), "--today", "2026-06-01"},
                new String[] {"diff", hostile.toString(), Repo.arg("examples/whatsapp.yaml"), "--format", "md"},
                new String[] {"review", "no-such\u001b[31m.yaml"});
        assertThat(Cli.run("validate", hostile.toString()).exitCode()).as("the hostile model is valid").isZero();
        for (String[] args : commands) {
            Cli r = Cli.run(args);
            assertThat(r.out() + r.err()).as(String.join(" ", args)).isNotEmpty();
            assertInert(String.join(" ", args) + " (out)", r.out());
            assertInert(String.join(" ", args) + " (err)", r.err());
        }
    }

    private static void assertInert(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\n' && c != '\t' && !(c == '\r' && i + 1 < text.length()
                    && text.charAt(i + 1) == '\n');
            boolean c1 = c >= 0x7f && c < 0xa0;
            boolean bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f;
            assertThat(control || c1 || bidi).as("%s: U+%04X at %d in ...%s...", what, (int) c, i,
                    text.substring(Math.max(0, i - 30), Math.min(text.length(), i + 10))).isFalse();
        }
    }
}
