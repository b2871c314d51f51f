package org.e2eereview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Main builds only the command named; what each command says must not depend on that. */
class CommandsTest {

    @Test
    void helpListsExactlyTheCommandsMainKnowsByName() {
        Cli r = Cli.run("--help");
        List<String> listed = new ArrayList<>();
        boolean inCommands = false;
        for (String line : r.out().split("\n")) {
            if (line.equals("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.isEmpty()) {
                break;
            } else if (inCommands && line.matches("  \\S.*")) {
                listed.add(line.strip().split("\\s+")[0]);
            }
        }
        assertThat(listed).containsExactlyElementsOf(Main.COMMANDS.keySet());
        Main.COMMANDS.forEach((name, command) -> assertThat(
                command.get().getClass().getAnnotation(CommandLine.Command.class).name()).isEqualTo(name));
    }

    @Test
    void aCommandBuiltAloneHasTheSameHelpAsThroughTheHelpCommand() {
        for (String name : Main.COMMANDS.keySet()) {
            if (name.equals("help")) continue;
            Cli alone = Cli.run(name, "--help");
            Cli all = Cli.run("help", name);
            assertThat(alone.out()).as(name).isEqualTo(all.out()).contains("--debug");
        }
    }
}
