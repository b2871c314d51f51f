package org.e2eereview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.e2eereview.Repo;
import org.e2eereview.report.OutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * A plain review is read without picocli ({@link ReviewCommand#direct}): what it reads must be what
 * picocli reads, and whatever it does not read exactly so is left to picocli.
 */
class DirectReviewTest {

    /** What picocli makes of the arguments: the command, and Main for the inherited --debug. */
    private record ByPicocli(ReviewCommand command, Main main) {
    }

    private static ByPicocli picocli(String... args) {
        Main main = new Main();
        ReviewCommand command = new ReviewCommand();
        new CommandLine(main).addSubcommand(command).parseArgs(args);
        return new ByPicocli(command, main);
    }

    private static List<Object> fields(ReviewCommand c, boolean debug) {
        return List.of(String.valueOf(c.model), c.formats.stream().map(OutputFormat::id).toList(), String.valueOf(c.failOn),
                c.outs, String.valueOf(c.templateDir), String.valueOf(c.writeBaseline), c.settings.ruleDirs,
                String.valueOf(c.settings.today), String.valueOf(c.settings.baseline), c.settings.warnExpiring,
                c.settings.strictBaseline, debug);
    }

    @Test
    void whatItReadsIsWhatPicocliReads() {
        List<String[]> taken = List.of(
                new String[] {"review", "m.yaml"},
                new String[] {"review", "m.yaml", "--fail-on", "none"},
                new String[] {"review", "--fail-on=LOW", "m.yaml", "--format", "json", "-o", "out.json", "--format=md",
                        "--out=x.md", "--format", "text"},
                new String[] {"review", "m.yaml", "--today", "2026-06-01", "--rules", "a", "--rules=b", "--baseline",
                        "base.yaml", "--warn-expiring", "0", "--strict-baseline", "--template-dir", "t",
                        "--write-baseline", "w.yaml", "--debug"},
                new String[] {"review", "a folder/m o.yaml", "--warn-expiring=30", "--format", "submission-md",
                        "--fail-on", "Critical", "--today=2026-02-28"});
        for (String[] args : taken) {
            ReviewCommand direct = ReviewCommand.direct(args);
            assertThat(direct).as(String.join(" ", args)).isNotNull();
            ByPicocli p = picocli(args);
            assertThat(fields(direct, direct.debug)).as(String.join(" ", args))
                    .isEqualTo(fields(p.command(), p.main().debug));
        }
    }

    @Test
    void whatItDoesNotReadExactlyAsPicocliIsLeftToPicocli() {
        List<String[]> declined = List.of(
                new String[] {"review"},
                new String[] {"review", "--help"},
                new String[] {"review", "-h"},
                new String[] {"review", "-V"},
                new String[] {"review", "m.yaml", "-oout.txt"},
                new String[] {"review", "m.yaml", "-o=out.txt"},
                new String[] {"review", "@args.txt"},
                new String[] {"review", "m.yaml", "--format", "json", "--out", "@out"},
                new String[] {"review", "m.yaml", "--fail-on", "none", "--fail-on", "low"},
                new String[] {"review", "m.yaml", "--fail-on", "severe"},
                new String[] {"review", "m.yaml", "--format", "no-such-format"},
                new String[] {"review", "m.yaml", "--today", "2026-13-01"},
                new String[] {"review", "m.yaml", "--out", "-"},
                new String[] {"review", "m.yaml", "--out="},
                new String[] {"review", "m.yaml", "--out"},
                new String[] {"review", "a.yaml", "b.yaml"},
                new String[] {"review", "m.yaml", "--"},
                new String[] {"review", "m.yaml", "--warn-expiring", "010"},
                new String[] {"review", "m.yaml", "--warn-expiring", "+5"},
                new String[] {"review", "m.yaml", "--no-such-option"},
                new String[] {"review", "m.yaml", "--debug=true"},
                new String[] {"review", "m.yaml", "--debug", "--debug"},
                new String[] {"review", "m.yaml", "--strict-baseline", "--strict-baseline"},
                new String[] {"review", "m.yaml", ""});
        for (String[] args : declined) {
            assertThat(ReviewCommand.direct(args)).as(String.join(" ", args)).isNull();
        }
    }

    @Test
    void withPicocliSettingsItLeavesEverythingToPicocli() {
        System.setProperty("picocli.trace", "OFF");
        try {
            assertThat(ReviewCommand.direct(new String[] {"review", "m.yaml"})).isNull();
        } finally {
            System.clearProperty("picocli.trace");
        }
    }

    @Test
    void aReviewReadEitherWaySaysTheSame(@TempDir Path dir) {
        // Never /dev/null: a report replaces its file in one step, and would replace that too.
        String text = "-o" + dir.resolve("review.txt");
        // -oFILE is left to picocli; --out FILE is read directly: the same report, the same exit code.
        String model = Repo.arg("examples/whatsapp.yaml");
        Cli direct = Cli.run("review", model, "--today", "2026-06-01", "--format", "json");
        Cli picocli = Cli.run("review", model, "--today", "2026-06-01", "--format", "text", text, "--format", "json");
        assertThat(ReviewCommand.direct(new String[] {"review", model, "--today", "2026-06-01", "--format", "json"}))
                .isNotNull();
        assertThat(direct.exitCode()).isEqualTo(1).isEqualTo(picocli.exitCode());
        assertThat(direct.out()).isEqualTo(picocli.out());
        assertThat(direct.err()).isEqualTo(picocli.err());
        Cli missing = Cli.run("review", "no-such-model.yaml");
        Cli missingByPicocli = Cli.run("review", "no-such-model.yaml", text);
        assertThat(missing.exitCode()).isEqualTo(2).isEqualTo(missingByPicocli.exitCode());
        assertThat(missing.err()).isEqualTo(missingByPicocli.err());
    }
}
