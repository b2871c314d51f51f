package org.e2eereview.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.e2eereview.Repo;
import org.e2eereview.model.Conversation;
import org.e2eereview.model.Model;
import org.e2eereview.model.Party;
import org.junit.jupiter.api.Test;

class YamlPatchTest {

    static final String GHOST = """
            id: test
            patch:
              parties:
                $authority:
                  lawful-access:
                    powers+: [add-participant, data-disclosure]
              conversations:
                $managed:
                  membership:
                    changes-shown: suppressible
                    signed-by-members?: true
            """;

    static YamlPatch ghost() throws InputException {
        return YamlPatch.read("proposals/test.yaml", GHOST.getBytes(StandardCharsets.UTF_8), "patch")
                .bind(Map.of("authority", List.of("law-enforcement"), "managed", List.of("group-chat", "group-call")));
    }

    @Test
    void aBoundPatchGivesTheHandWrittenModelWithEveryChangeLocatedInThePatch() throws Exception {
        byte[] whatsapp = Files.readAllBytes(Repo.file("examples/whatsapp.yaml"));
        Model patched = new ModelLoader().parse("examples/whatsapp.yaml", whatsapp, List.of(ghost()));
        Model handWritten = new ModelLoader().load(Repo.file("examples/ghost-proposal.yaml"));
        for (String c : List.of("group-chat", "group-call", "direct-chat")) {
            Conversation.Membership got = patched.conversations().get(c).membership();
            Conversation.Membership want = handWritten.conversations().get(c).membership();
            assertThat(got == null ? null : got.changesShown()).as(c).isEqualTo(want == null ? null : want.changesShown());
            assertThat(got == null ? null : got.signedByMembers()).as(c + ": ?-keys keep what is written")
                    .isEqualTo(want == null ? null : want.signedByMembers());
        }
        Party police = patched.parties().get("law-enforcement");
        assertThat(police.lawfulAccess().powers()).as("+ adds what is missing, in order")
                .isEqualTo(handWritten.parties().get("law-enforcement").lawfulAccess().powers());
        var membership = patched.conversations().get("group-chat").membership();
        assertThat(membership.source().of("changes-shown").toString()).isEqualTo("proposals/test.yaml:10:24");
        assertThat(membership.source().of("managed-by").file()).isEqualTo("examples/whatsapp.yaml");
        assertThat(patched.sha256()).as("the digest is the model file's")
                .isEqualTo(new ModelLoader().load(Repo.file("examples/whatsapp.yaml")).sha256());
    }

    @Test
    void aPatchThatBreaksTheModelIsRefusedWithLocationsInThePatch() throws Exception {
        YamlPatch bad = YamlPatch.read("proposals/bad.yaml", """
                patch:
                  parties:
                    $authority:
                      lawful-access: { compels+: [nobody] }
                """.getBytes(StandardCharsets.UTF_8), "patch").bind(Map.of("authority", List.of("law-enforcement")));
        byte[] whatsapp = Files.readAllBytes(Repo.file("examples/whatsapp.yaml"));
        assertThatThrownBy(() -> new ModelLoader().parse("examples/whatsapp.yaml", whatsapp, List.of(bad)))
                .isInstanceOf(InputException.class).hasMessageContaining("proposals/bad.yaml:4:");
    }

    @Test
    void aPatchedModelMadeFromTheKeptTreeChecksWhatTheUnchangedElementsNameAgain() throws Exception {
        // The elements the patch leaves alone are not checked again, but what they name is: here the
        // conversation names the relay the patch removes.
        YamlPatch removal = YamlPatch.read("proposals/removal.yaml", """
                patch:
                  components:
                    relay: ~
                """.getBytes(StandardCharsets.UTF_8), "patch").bind(Map.of());
        byte[] model = ModelLoaderTest.MODEL.getBytes(StandardCharsets.UTF_8);
        ModelLoader.Parsed parsed = new ModelLoader().parseKeepingTree("m.yaml", model);
        assertThatThrownBy(() -> new ModelLoader().parse(parsed.base(), List.of(removal)))
                .isInstanceOf(InputException.class).hasMessageContaining("m.yaml:28:31: unknown component 'relay' in 'managed-by'")
                .hasMessage(org.assertj.core.api.Assertions.catchThrowable(
                        () -> new ModelLoader().parse("m.yaml", model, List.of(removal))).getMessage());
        // An id that stays but names another kind of element: the relay is now a party.
        YamlPatch party = YamlPatch.read("proposals/party.yaml", """
                patch:
                  components:
                    relay: ~
                  parties:
                    relay: { kind: provider }
                """.getBytes(StandardCharsets.UTF_8), "patch").bind(Map.of());
        assertThatThrownBy(() -> new ModelLoader().parse(parsed.base(), List.of(party)))
                .isInstanceOf(InputException.class).hasMessageContaining("m.yaml:28:31: 'relay' is a party")
                .hasMessage(org.assertj.core.api.Assertions.catchThrowable(
                        () -> new ModelLoader().parse("m.yaml", model, List.of(party))).getMessage());
        assertThat(new ModelLoader().parse(parsed.base(), List.of())).as("no patch, the model as read")
                .isEqualTo(parsed.model());
    }

    @Test
    void placeholdersMustBeBoundAndSingleWhereOneIdIsNeeded() throws Exception {
        YamlPatch p = YamlPatch.read("p.yaml", "patch:\n  parties:\n    x:\n      name: ${who}\n".getBytes(StandardCharsets.UTF_8),
                "patch");
        assertThat(p.placeholders()).containsExactly("who");
        assertThatThrownBy(() -> p.bind(Map.of())).isInstanceOf(InputException.class)
                .hasMessageContaining("p.yaml:4:13: placeholder '$who' is not bound");
        assertThatThrownBy(() -> p.bind(Map.of("who", List.of("a", "b")))).isInstanceOf(InputException.class)
                .hasMessageContaining("placeholder '$who' needs one id here, but 2 are bound");
        assertThat(p.bind(Map.of("who", List.of("a"))).toString()).contains("name: a");
    }

    @Test
    void aListItemWithAnInlinePlaceholderStandsForOneItemPerBoundId() throws Exception {
        YamlPatch p = YamlPatch.read("p.yaml", """
                patch:
                  keys:
                    vendor-key: { protects: ["unlock-${client}"] }
                    unlock-${client}: { stored-on: [$client] }
                """.getBytes(StandardCharsets.UTF_8), "patch").bind(Map.of("client", List.of("phone", "tablet")));
        String bound = p.toString();
        assertThat(bound).contains("protects: [\"unlock-phone\", \"unlock-tablet\"]")
                .contains("unlock-phone: {stored-on: [phone]}").contains("unlock-tablet: {stored-on: [tablet]}");
    }

    /** Clear's request flows: one per client and maker, where a design's phones come from two makers. */
    @Test
    void aKeyWithTwoPlaceholdersStandsForOneEntryPerPairOfIds() throws Exception {
        YamlPatch p = YamlPatch.read("p.yaml", """
                patch:
                  flows:
                    ask-${client}-${maker}: { from: $client, to: "vault-${maker}" }
                """.getBytes(StandardCharsets.UTF_8), "patch").bind(Map.of("client", List.of("phone", "tablet"),
                "maker", List.of("apple", "google")));
        assertThat(p.toString()).contains("ask-phone-apple: {from: phone, to: \"vault-apple\"}")
                .contains("ask-phone-google: {from: phone, to: \"vault-google\"}")
                .contains("ask-tablet-apple: {from: tablet, to: \"vault-apple\"}")
                .contains("ask-tablet-google: {from: tablet, to: \"vault-google\"}");
    }

    @Test
    void aNarrowedPlaceholderStandsForTheCurrentIdsOwnInsideARepeatedPartAndForAllElsewhere() throws Exception {
        YamlPatch p = YamlPatch.read("p.yaml", """
                patch:
                  data:
                    backup-${client}: { created-on: [$client], contains: [$content] }
                    archive: { contains: [$content] }
                """.getBytes(StandardCharsets.UTF_8), "patch").bind(
                Map.of("client", List.of("phone-a", "phone-b"), "content", List.of("a-messages", "b-messages")),
                Map.of("content", new YamlPatch.Narrowed("client",
                        Map.of("phone-a", List.of("a-messages"), "phone-b", List.of("b-messages")))));
        String bound = p.toString();
        assertThat(bound).contains("backup-phone-a: {created-on: [phone-a], contains: [a-messages]}")
                .contains("backup-phone-b: {created-on: [phone-b], contains: [b-messages]}")
                .contains("archive: {contains: [a-messages, b-messages]}");
    }
}
