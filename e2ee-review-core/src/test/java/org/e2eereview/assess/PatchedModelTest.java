package org.e2eereview.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.e2eereview.Corpus;
import org.e2eereview.bench.SyntheticModel;
import org.e2eereview.catalog.Entries.Proposal;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.model.ElementKind;
import org.e2eereview.model.Model;
import org.junit.jupiter.api.Test;

/**
 * A proposal's patched model is made from the design's: an element the patch leaves as it was is the
 * design's own, neither checked nor made again. The model made so is the one a fresh read of the file
 * with the patch gives, for every example and every proposal that applies.
 */
class PatchedModelTest {

    @Test
    void everyExampleWithEveryProposal() throws Exception {
        for (Path p : Corpus.files("examples")) sameAsAFreshRead(p.toString(), Files.readAllBytes(p), 0);
    }

    @Test
    void aSmallSyntheticDesignWithEveryProposal() throws Exception {
        // Every proposal binds every client or every conversation's content, a tenth to a fifth of a large design.
        sameAsAFreshRead("synthetic-400.yaml", SyntheticModel.generate(400).getBytes(StandardCharsets.UTF_8), 300);
    }

    @Test
    void aDesignWithAnchorsAndAliasesWithEveryProposal() throws Exception {
        // An element written as an alias of another is the same node twice in the tree, under two keys; a list
        // shared the same way is one node in two elements.
        String text = Files.readString(org.e2eereview.Repo.file("examples/whatsapp.yaml"));
        assertThat(text).contains("  group-chat:\n", "  group-call:\n", "    members: [users]\n");
        text = text.replace("  group-chat:\n", "  group-chat: &group\n")
                .replace("  group-call:\n", "  group-chat-again: *group\n  group-call:\n")
                .replaceFirst("    members: \\[users]\n", "    members: &who [users]\n")
                .replace("    members: [users]\n", "    members: *who\n");
        sameAsAFreshRead("aliased.yaml", text.getBytes(StandardCharsets.UTF_8), 10);
    }

    @Test
    void theKeptTreeLetsGoOfWhatNoPatchGoesIntoAndSaysSoIfOneDoes() throws Exception {
        byte[] bytes = SyntheticModel.generate(400).getBytes(StandardCharsets.UTF_8);
        ModelLoader.Parsed parsed = new ModelLoader().parseKeepingTree("synthetic-400.yaml", bytes);
        Proposal escrow = Corpus.rules().catalog().proposals().get("key-escrow");
        Proposal ghost = Corpus.rules().catalog().proposals().get("ghost");
        org.e2eereview.load.YamlPatch escrowPatch = Assessor.bind(escrow, parsed.model()).patch();
        org.e2eereview.load.YamlPatch ghostPatch = Assessor.bind(ghost, parsed.model()).patch();
        assertThat(escrowPatch.entries()).containsKeys("parties", "keys").doesNotContainKey("conversations");
        assertThat(escrowPatch.entries().get("parties")).as("the authority bound, and the agents added").contains("police");
        parsed.base().keepOnly(escrowPatch.entries());
        assertThat(new ModelLoader().parse(parsed.base(), List.of(escrowPatch)))
                .isEqualTo(new ModelLoader().parse("synthetic-400.yaml", bytes, List.of(escrowPatch)));
        // The ghost goes into conversations the escrow patch does not: their fields were let go.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ModelLoader().parse(parsed.base(), List.of(ghostPatch)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("was let go");
    }

    private static void sameAsAFreshRead(String name, byte[] bytes, int minimumKept) throws Exception {
        ModelLoader.Parsed parsed = new ModelLoader().parseKeepingTree(name, bytes);
        Model design = parsed.model();
        for (Proposal p : Corpus.rules().catalog().proposals().values()) {
            Assessor.Bound bound = Assessor.bind(p, design);
            if (bound.patch() == null) continue;
            Model shared = new ModelLoader().parse(parsed.base(), List.of(bound.patch()));
            Model fresh = new ModelLoader().parse(name, bytes, List.of(bound.patch()));
            assertThat(shared).as(name + " with " + p.id()).isEqualTo(fresh);
            int kept = 0;
            int made = 0;
            for (ElementKind k : ElementKind.values()) {
                Map<String, ?> before = k.in(design);
                for (Map.Entry<String, ?> e : k.in(shared).entrySet()) {
                    if (e.getValue() == before.get(e.getKey())) kept++;
                    else made++;
                }
            }
            // A patch that sets a field "where not written" makes its element again, equal to what it was.
            assertThat(made).as(name + " with " + p.id() + ": the elements the patch went through are made again").isPositive();
            assertThat(kept).as(name + " with " + p.id() + ": the rest are the design's own").isGreaterThan(minimumKept);
        }
    }
}
