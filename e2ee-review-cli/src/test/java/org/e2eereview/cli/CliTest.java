package org.e2eereview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.e2eereview.load.JsonSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {

    @Test
    void versionNamesReleaseAndFormat() {
        Cli r = Cli.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).matches("e2ee-review \\S+ \\(model format 1\\)\\R");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "validate", "schema", "init"})
    void everyCommandHasHelp(String command) {
        Cli r = command.isEmpty() ? Cli.run("--help") : Cli.run(command, "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: e2ee-review" + (command.isEmpty() ? "" : " " + command));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void noCommandIsAUsageError() {
        Cli r = Cli.run();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("e2ee-review: a command is required");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli r = Cli.run("validate", "--frobnicate", "x.yaml");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--frobnicate'").contains("validate --help");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void validateMissingFileArgument() {
        Cli r = Cli.run("validate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter: 'FILE'");
    }

    @Test
    void initWritesAStarterThatValidatesAndNeverOverwrites(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("model.yaml");
        Cli r = Cli.run("init", model.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("wrote " + model);
        String text = Files.readString(model);
        assertThat(text).startsWith("# yaml-language-server: $schema=e2ee-review.schema.json\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(model))).isEqualTo("rw-r--r--");

        Cli v = Cli.run("validate", model.toString());
        assertThat(v.exitCode()).isZero();
        assertThat(v.out()).isEqualTo(model + ": valid: 'My Messenger', 12 elements (2 parties, 3 components, "
                + "2 keys, 1 data item, 1 conversation, 2 flows, 1 feature)\n");

        Files.writeString(model, "mine");
        Cli again = Cli.run("init", model.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).isEqualTo(model + ": already exists; not overwritten (choose another FILE)\n");
        assertThat(Files.readString(model)).isEqualTo("mine");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("model.yaml");
        }
    }

    @Test
    void initIntoAMissingDirectoryFailsCleanly(@TempDir Path dir) {
        Cli r = Cli.run("init", dir.resolve("no/such/dir/model.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).endsWith(": cannot write: no such directory\n");
    }

    @Test
    void schemaPrintsTheGeneratedSchemaOrWritesIt(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("schema");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(JsonSchema.text());
        Path out = dir.resolve("s.json");
        assertThat(Cli.run("schema", "-o", out.toString()).exitCode()).isZero();
        assertThat(Files.readString(out)).isEqualTo(JsonSchema.text());
    }

    @Test
    void validateReportsEachFileAndFailsIfAnyFails(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.yaml");
        Cli.run("init", good.toString());
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "e2ee-review: 1\n");
        Cli r = Cli.run("validate", good.toString(), bad.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).startsWith(good + ": valid");
        assertThat(r.err()).startsWith(bad + ":1:1: missing required field 'components'");
    }
}
