package org.e2eereview.report.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.e2eereview.Corpus;
import org.e2eereview.Repo;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.load.ModelPatch;
import org.junit.jupiter.api.Test;

/** The submission's names inside a sentence: a label's capital lowered, a proper name kept as the model spells it. */
class PlainWordsTest {

    @Test
    void aLabelsCapitalIsLoweredInsideASentenceAndAProperNameIsKept() throws Exception {
        PlainWords words = new PlainWords(Corpus.reviewer().review(Repo.file("examples/signal.yaml")));
        List<String> names = List.of("Law enforcement (e.g. FBI)", "One-to-one chat", "First escrow agent", "The phones' maker",
                "A group", "Signal group", "Signal Messenger LLC", "Intel (SGX)", "Apple (iCloud)", "WhatsApp (Meta)", "NCMEC",
                "iCloud", "law enforcement", "The customer's IT department", "The Home Office", "An NGO",
                "Swiss federal police", "German police", "Federal police", "Police of the canton");
        assertThat(names.stream().map(words::inSentence).toList()).containsExactly("law enforcement (e.g. FBI)",
                "one-to-one chat", "first escrow agent", "the phones' maker", "a group",
                // the system's own name, another capitalised word, a capital inside the word, or no capital at all
                "Signal group", "Signal Messenger LLC", "Intel (SGX)", "Apple (iCloud)", "WhatsApp (Meta)", "NCMEC", "iCloud",
                "law enforcement",
                // an article is lowered whatever follows it
                "the customer's IT department", "the Home Office", "an NGO",
                // a people's or a language's adjective keeps its capital; a common word does not
                "Swiss federal police", "German police", "federal police", "police of the canton");
    }

    /** A finding named in a sentence ("would become ..."): by its conversations, never an outside reader's or a key's id. */
    @Test
    void aFindingIsNamedByWhereItIsNotByItsId() throws Exception {
        byte[] base = java.nio.file.Files.readAllBytes(Repo.file("rules/_test-base.yaml"));
        var review = Corpus.reviewer().review(new ModelLoader().parse("m.yaml", ModelPatch.apply(base, """
                components:
                  escrow-vault: { kind: escrow-vault, run-by: police }
                keys:
                  escrow-key: { kind: escrow, stored-on: [escrow-vault], protects: [session], scope: user }
                conversations:
                  chat:
                    name: Team chat
                    membership: { signed-by-members: false, changes-shown: null }
                """)));
        PlainWords words = new PlainWords(review);
        List<String> named = review.weakenings().stream().map(r -> r.finding())
                .filter(f -> f.id().equals("OUTSIDE-READER@chat/provider") || f.id().equals("KEY-ESCROW@escrow-key"))
                .map(f -> words.finding(f, f.id())).toList();
        assertThat(named).containsExactlyInAnyOrder("reader outside the conversation (high) in team chat",
                "key escrow (critical) in team chat");
    }

    @Test
    void whatIsSaidAlikeOfSeveralConversationsIsSaidOnceInTheOrderFirstSaid() {
        List<PlainWords.Line> lines = List.of(new PlainWords.Line("group one", "the provider would no longer be noticed"),
                new PlainWords.Line("one-to-one chat", "the police, on a legal order"),
                new PlainWords.Line("group two", "the provider would no longer be noticed"),
                new PlainWords.Line("group three", "the cloud, by default"));

        PlainWords.Said said = PlainWords.alike(lines, 2);

        assertThat(said.lines()).containsExactly(
                "In each of group one and group two: the provider would no longer be noticed",
                "One-to-one chat: the police, on a legal order");
        assertThat(said.notListed()).isEqualTo(1);
        assertThat(PlainWords.alike(lines, 3).notListed()).isZero();
        assertThat(PlainWords.alike(List.of(), 3).lines()).isEmpty();
    }

    @Test
    void aModifiedAppIsNamedSoThatOneAppsPublishedBuildsAreNotTakenForAnothers() throws Exception {
        byte[] whatsapp = java.nio.file.Files.readAllBytes(Repo.file("examples/whatsapp.yaml"));
        List<String> silent = new java.util.ArrayList<>();
        List<String> known = new java.util.ArrayList<>();
        new PlainWords(Corpus.reviewer().review(new ModelLoader().parse("whatsapp.yaml", whatsapp))).readers(silent, known);
        assertThat(String.join("\n", known)).contains("by shipping a modified WhatsApp Web (companion device) to chosen users");
        assertThat(String.join("\n", silent)).doesNotContain("shipping a modified");

        // The phone app shipped per user too, with nothing published: that way nobody would notice.
        byte[] targeted = ModelPatch.apply(whatsapp, "components: { phone: { updates: { per-user-targeting: true } } }");
        silent.clear();
        known.clear();
        new PlainWords(Corpus.reviewer().review(new ModelLoader().parse("targeted.yaml", targeted))).readers(silent, known);
        assertThat(String.join("\n", silent)).contains("by shipping a modified WhatsApp app (primary device) to chosen users")
                .doesNotContain("modified WhatsApp Web");
        // Both apps shipped per user with nothing published: both are named, where the access keeps one reading a way.
        byte[] both = ModelPatch.apply(whatsapp, "components: { phone: { updates: { per-user-targeting: true } }, "
                + "web-client: { updates: { per-user-targeting: true, binary-transparency: false } } }");
        silent.clear();
        known.clear();
        new PlainWords(Corpus.reviewer().review(new ModelLoader().parse("both.yaml", both))).readers(silent, known);
        assertThat(String.join("\n", silent))
                .contains("by shipping a modified WhatsApp Web (companion device) or WhatsApp app (primary device) to chosen users");
    }
}
