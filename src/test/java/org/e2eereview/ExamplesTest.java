package org.e2eereview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.e2eereview.load.ModelLoader;
import org.e2eereview.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The examples are real designs; each must load cleanly and cite its sources. */
class ExamplesTest {

    static final List<String> REQUIRED = List.of("signal.yaml", "whatsapp.yaml", "ghost-proposal.yaml",
            "apple-2021-csam-scanning.yaml", "telegram-cloud-chats.yaml", "key-escrow.yaml", "matrix-megolm.yaml",
            "mls-key-transparency.yaml", "imessage-standard-backup.yaml", "pgp-additional-decryption-key.yaml");

    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("examples")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @Test
    void everyNamedExampleExists() {
        for (String name : REQUIRED) assertThat(Path.of("examples", name)).exists();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void loadsWithoutProblems(Path example) throws Exception {
        Model m = new ModelLoader().load(example);
        assertThat(m.conversations()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void headerCitesItsSources(Path example) throws IOException {
        String header = Files.readString(example).lines().takeWhile(l -> l.startsWith("#"))
                .reduce("", (a, b) -> a + b + "\n");
        assertThat(header).contains("Sources:").containsPattern("\\[[A-Z0-9-]+\\]");
    }

    /** The ghost proposal is WhatsApp plus the ghost change, so that the two can be compared line by line. */
    @Test
    void ghostProposalDiffersFromWhatsAppOnlyByTheGhostChange() throws Exception {
        Model whatsapp = new ModelLoader().load(Path.of("examples/whatsapp.yaml"));
        Model ghost = new ModelLoader().load(Path.of("examples/ghost-proposal.yaml"));
        assertThat(ghost.components().keySet()).isEqualTo(whatsapp.components().keySet());
        assertThat(ghost.keys().keySet()).isEqualTo(whatsapp.keys().keySet());
        assertThat(ghost.data().keySet()).isEqualTo(whatsapp.data().keySet());
        assertThat(ghost.flows().keySet()).isEqualTo(whatsapp.flows().keySet());
        assertThat(ghost.features().keySet()).isEqualTo(whatsapp.features().keySet());
        assertThat(ghost.conversations().keySet()).isEqualTo(whatsapp.conversations().keySet());
        List<String> body = body("whatsapp.yaml");
        List<String> ghostBody = body("ghost-proposal.yaml");
        long changed = ghostBody.stream().filter(l -> !body.contains(l)).count();
        assertThat(changed).as("lines the ghost proposal adds or changes").isBetween(1L, 12L);
    }

    private static List<String> body(String name) throws IOException {
        return Files.readAllLines(Path.of("examples", name)).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
}
