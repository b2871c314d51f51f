package org.e2eereview.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.e2eereview.model.Acceptance;
import org.e2eereview.model.Component;
import org.e2eereview.model.Conversation;
import org.e2eereview.model.Flow;
import org.e2eereview.model.Key;
import org.e2eereview.model.Location;
import org.e2eereview.model.Model;
import org.e2eereview.model.Party;
import org.junit.jupiter.api.Test;

class ModelLoaderTest {

    static final String MODEL = """
            e2ee-review: 1
            system: { name: Example, claims-end-to-end: true }
            parties:
              users: { kind: user }
              provider: { kind: provider, jurisdiction: NO }
              police:
                kind: law-enforcement
                lawful-access: { compels: [provider], powers: [add-participant], legal-basis: IPA s253 }
            components:
              phone: { kind: client, run-by: users, supplied-by: provider,
                       updates: { per-user-targeting: true } }
              relay: { kind: server, run-by: provider }
              vault: { kind: hsm, run-by: provider }
            keys:
              backup-key:
                kind: backup
                protects: [backup]
                recovery: { secret: pin, stored-on: [vault], enforced-by: vault, guess-limit: 10 }
            data:
              messages: { kind: message-content, created-on: [phone] }
              backup: { kind: backup, contains: [messages] }
            conversations:
              group:
                kind: group
                members: [users]
                content: [messages]
                end-to-end: { default: true, forward-secrecy: true }
                membership: { managed-by: relay, changes-shown: suppressible }
            flows:
              upload: { from: phone, to: relay, carries: [backup], protection: end-to-end, stage: after-encryption }
            accepted:
              GHOST-PARTICIPANT@group: { status: accepted, justification: test, decided-by: me, until: 2030-01-31 }
            """;

    static Model load(String text) throws InputException {
        return new ModelLoader().parse("m.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void errorsStayOnOneLineWhateverTheInputHolds() {
        String yaml = "e2ee-review: 1\nsystem: { name: x }\nparties: { p: { kind: \"us\\ner\\u001b[2J\\u202e\" } }\n"
                + "components: {}\nconversations: {}\n";
        assertThatThrownBy(() -> new ModelLoader().parse("m.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems()).anySatisfy(p -> assertThat(p.toString())
                        .startsWith("m.yaml:3:").contains("'us\\ner\\u001b[2J\\u202e'")
                        .doesNotContain("\n").doesNotContain("\u001b")));
    }

    @Test
    void readsEveryKindOfElementWithValuesAndDefaults() throws Exception {
        Model m = load(MODEL);
        assertThat(m.system().claimsEndToEnd()).isTrue();
        assertThat(m.parties().keySet()).containsExactly("users", "provider", "police");
        Party police = m.parties().get("police");
        assertThat(police.lawfulAccess().compels()).containsExactly("provider");
        assertThat(police.lawfulAccess().powers()).containsExactly(Party.Power.ADD_PARTICIPANT);

        Component phone = m.components().get("phone");
        assertThat(phone.suppliedBy()).isEqualTo("provider");
        assertThat(phone.updates().perUserTargeting()).isTrue();
        assertThat(phone.updates().binaryTransparency()).as("safeguards default to not credited").isFalse();
        assertThat(m.components().get("relay").suppliedBy()).as("supplied-by defaults to run-by").isEqualTo("provider");

        Key key = m.keys().get("backup-key");
        assertThat(key.scope()).isEqualTo(Key.Scope.CONVERSATION);
        assertThat(key.recovery().secret()).isEqualTo(Key.Secret.PIN);
        assertThat(key.recovery().guessLimit()).isEqualTo(10);

        assertThat(m.data().get("backup").contains()).containsExactly("messages");
        Conversation group = m.conversations().get("group");
        assertThat(group.endToEnd().available()).isTrue();
        assertThat(group.endToEnd().postCompromiseSecurity()).isFalse();
        assertThat(group.membership().changesShown()).isEqualTo(Conversation.ChangesShown.SUPPRESSIBLE);
        assertThat(group.membership().devicesManagedBy()).isEqualTo("relay");
        assertThat(m.flows().get("upload").protection()).isEqualTo(Flow.Protection.END_TO_END);
        Acceptance a = m.accepted().get("GHOST-PARTICIPANT@group");
        assertThat(a.until()).isEqualTo(LocalDate.of(2030, 1, 31));
        assertThat(m.size()).as("elements, not counting acceptances").isEqualTo(11);
    }

    @Test
    void textIsNeverTurnedIntoABoolean() throws Exception {
        assertThat(load(MODEL).parties().get("provider").jurisdiction()).isEqualTo("NO");
    }

    @Test
    void elementsAndFieldsKeepTheirLocations() throws Exception {
        Model m = load(MODEL);
        Conversation group = m.conversations().get("group");
        assertThat(group.source().at()).isEqualTo(new Location("m.yaml", 23, 3));
        assertThat(group.membership().source().of("changes-shown")).isEqualTo(new Location("m.yaml", 28, 53));
        assertThat(group.source().written("kind")).isTrue();
        assertThat(group.source().written("protocol")).isFalse();
        assertThat(group.source().of("protocol")).as("unwritten fields point at the element").isEqualTo(group.source().at());
    }

    @Test
    void byteOrderMarkIsAccepted() throws Exception {
        byte[] text = ("\uFEFF" + MODEL).getBytes(StandardCharsets.UTF_8);
        assertThat(new ModelLoader().parse("bom.yaml", text).system().name()).isEqualTo("Example");
    }

    @Test
    void aReplacementCharacterWrittenInTheFileIsText() throws Exception {
        assertThat(load(MODEL.replace("name: Example", "name: \"Ex\uFFFDample\"")).system().name())
                .isEqualTo("Ex\uFFFDample");
    }

    @Test
    void aliasesWithinTheLimitAreAllowed() throws Exception {
        Model m = load(MODEL.replace("updates: { per-user-targeting: true }", "updates: &u { per-user-targeting: true }")
                .replace("relay: { kind: server, run-by: provider }",
                        "relay: { kind: server, run-by: provider, updates: *u }"));
        assertThat(m.components().get("relay").updates().perUserTargeting()).isTrue();
    }

    @Test
    void anAliasStandsForItsNodeWhereverItIsUsedEvenInsideAnotherAnchor() throws Exception {
        Model m = load(MODEL.replace("members: [users]", "members: *who")
                .replace("conversations:\n", "conversations:\n"
                        + "  dm: &dm { members: &who [users], content: &what [messages], end-to-end: &e2e { default: true, forward-secrecy: *yes } }\n"
                        + "  dm-again: { members: *who, content: *what, end-to-end: *e2e }\n")
                .replace("claims-end-to-end: true", "claims-end-to-end: &yes true"));
        assertThat(m.conversations().get("group").members()).containsExactly("users");
        assertThat(m.conversations().get("dm-again").members()).containsExactly("users");
        assertThat(m.conversations().get("dm-again").endToEnd().forwardSecrecy()).isTrue();
        assertThat(m.conversations().get("group").source().of("members"))
                .as("an aliased value is located where its anchor was written")
                .isEqualTo(m.conversations().get("dm").source().of("members"));
    }

    @Test
    void aLaterAnchorOfTheSameNameHidesTheEarlierOne() throws Exception {
        Model m = load(MODEL.replace("provider: { kind: provider, jurisdiction: NO }",
                        "provider: { kind: &k provider, jurisdiction: &k NO }")
                .replace("    kind: law-enforcement\n", "    kind: law-enforcement\n    jurisdiction: *k\n"));
        assertThat(m.parties().get("police").jurisdiction()).isEqualTo("NO");
    }

    @Test
    void recursiveAndUndefinedAliasesAreRefusedWhereTheyAreWritten() {
        assertThatThrownBy(() -> load(MODEL.replace("system: { name: Example, claims-end-to-end: true }",
                "system: &s { name: Example, description: *s }")))
                .hasMessage("m.yaml:2:42: alias '*s' is inside the node it names: recursive structures are not allowed");
        assertThatThrownBy(() -> load(MODEL.replace("name: Example,", "name: *nowhere,")))
                .hasMessage("m.yaml:2:17: alias '*nowhere' has no anchor '&nowhere' before it");
    }

    @Test
    void explicitTagsOfPlainTypesAreAccepted() throws Exception {
        Model m = load(MODEL.replace("claims-end-to-end: true", "claims-end-to-end: !!bool true")
                .replace("name: Example", "name: !!str 42"));
        assertThat(m.system().claimsEndToEnd()).isTrue();
        assertThat(m.system().name()).isEqualTo("42");
    }

    @Test
    void aProblemThatStopsReadingReplacesTheProblemsFoundBeforeIt() {
        assertThatThrownBy(() -> load(MODEL.replace("kind: user", "kind: nobody") + "---\ne2ee-review: 1\n"))
                .hasMessage("m.yaml:33:1: more than one YAML document ('---'); a model file holds one");
    }

    @Test
    void repeatsAreFoundInLongListsToo() {
        String members = "members: [" + String.join(", ",
                java.util.stream.IntStream.range(0, 12).mapToObj(i -> "p" + i).toList()) + ", p3]";
        assertThatThrownBy(() -> load(MODEL.replace("members: [users]", members)))
                .hasMessageContaining("m.yaml:25:65: 'p3' is listed twice in 'members' of conversation 'group'");
        assertThatThrownBy(() -> load(MODEL.replace("members: [users]", "members: [users, police, users]")))
                .hasMessageContaining("m.yaml:25:30: 'users' is listed twice in 'members' of conversation 'group'");
    }

    @Test
    void misspeltIdGetsASuggestionAmongIdsOfTheRightKind() {
        assertThatThrownBy(() -> load(MODEL.replace("managed-by: relay", "managed-by: rleay")))
                .isInstanceOf(InputException.class)
                .hasMessage("m.yaml:28:31: unknown component 'rleay' in 'managed-by' (did you mean 'relay'?)");
    }

    @Test
    void referenceToTheWrongKindOfElementNamesBoth() {
        assertThatThrownBy(() -> load(MODEL.replace("compels: [provider]", "compels: [relay]")))
                .hasMessage("m.yaml:8:32: 'relay' is a component, but 'compels' needs a party");
    }

    /** A newcomer's "{ description: wake-up only, no content }" read as a field "no content": the message says why. */
    @Test
    void anUnknownFieldWithASpaceSuggestsQuotingTheTextBeforeIt() {
        assertThatThrownBy(() -> load(MODEL.replace("system: { name: Example, claims-end-to-end: true }",
                "system: { name: Example, claims-end-to-end: true, description: wake-up only, no content }")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("unknown field 'no content' in ")
                .hasMessageContaining("if it is the rest of a text before it, quote that text: a comma inside { } ends a value");
    }

    @Test
    void problemsAreSortedByPositionAndAllReported() {
        String broken = MODEL.replace("kind: hsm", "kind: hsn").replace("changes-shown: suppressible", "changes-shown: sometimes")
                .replace("system: { name: Example,", "system: { nam: Example,");
        try {
            load(broken);
        } catch (InputException e) {
            assertThat(e.problems()).extracting(p -> p.location().line()).containsExactly(2, 2, 13, 28);
            assertThat(e.problems().get(0).message()).contains("missing required field 'name'");
            assertThat(e.problems().get(1).message()).contains("unknown field 'nam'").contains("did you mean 'name'?");
            assertThat(e.problems().get(2).message()).contains("did you mean 'hsm'?");
            assertThat(e.problems().get(3).message()).contains("expected one of always, suppressible, never");
            return;
        }
        throw new AssertionError("expected a InputException");
    }

    @Test
    void problemsBeyondTheCapAreSummarised() {
        StringBuilder parties = new StringBuilder("e2ee-review: 1\nsystem: { name: X }\ncomponents: {}\nconversations: {}\nparties:\n");
        for (int i = 0; i < 150; i++) parties.append("  p").append(i).append(": { kind: nobody }\n");
        try {
            load(parties.toString());
        } catch (InputException e) {
            assertThat(e.problems()).hasSize(Checker.MAX_PROBLEMS + 1);
            assertThat(e.problems().get(Checker.MAX_PROBLEMS).message()).isEqualTo("50 more problems not shown");
            return;
        }
        throw new AssertionError("expected a InputException");
    }

    static final String WITH_CODE = """
            e2ee-review: 1
            system: { name: Example }
            parties:
              users: { kind: user }
              provider: { kind: provider }
            components:
              phone: { kind: client, run-by: users, supplied-by: provider, code: [com.acme.client.., com.acme.ui.*View] }
              relay: { kind: server, run-by: provider }
            keys:
              identity: { kind: identity, stored-on: [phone], code: [com.acme.client.IdentityKey] }
            data:
              messages: { kind: message-content, created-on: [phone] }
            conversations:
              chat: { members: [users], content: [messages], end-to-end: { default: true } }
            code:
              logging: [org.slf4j.., ..log..]
              serialisation: [java.io.Serializable]
            """;

    @Test
    void codePatternsAreReadWithTheirLocations() throws Exception {
        Model m = load(WITH_CODE);
        assertThat(m.components().get("phone").code()).containsExactly("com.acme.client..", "com.acme.ui.*View");
        assertThat(m.components().get("relay").code()).as("code defaults to none").isEmpty();
        assertThat(m.keys().get("identity").code()).containsExactly("com.acme.client.IdentityKey");
        assertThat(m.code().logging()).containsExactly("org.slf4j..", "..log..");
        assertThat(m.code().serialisation()).containsExactly("java.io.Serializable");
        assertThat(m.code().telemetry()).isEmpty();
        assertThat(m.code().source().of("serialisation")).isEqualTo(new Location("m.yaml", 17, 18));
        assertThat(load(MODEL).code()).as("a model without code").isNull();
    }

    @Test
    void badCodePatternsAreLocatedErrors() {
        for (String bad : new String[] {"com..acme...x", "com.**", "com.acme.", ".com", "com-acme", "com.1x", "*.$Inner",
                "com acme", "[a|b]", "(*)"}) {
            String yaml = WITH_CODE.replace("[java.io.Serializable]", "['" + bad + "']");
            assertThatThrownBy(() -> load(yaml)).as(bad).isInstanceOf(InputException.class)
                    .satisfies(e -> assertThat(((InputException) e).problems()).singleElement()
                            .satisfies(p -> assertThat(p.toString()).isEqualTo("m.yaml:17:19: bad value '" + bad
                                    + "' for an item of 'serialisation' of 'code' of the model: expected a Java code pattern such as "
                                    + "com.acme.server.. (a package and its subpackages) or com.acme.client.IdentityKey "
                                    + "(a class)")));
        }
        assertThatThrownBy(() -> load(WITH_CODE.replace("code: [com.acme.client.IdentityKey]", "code: com.acme.Key")))
                .hasMessage("m.yaml:10:57: expected a list of Java code pattern such as com.acme.server.. (a package "
                        + "and its subpackages) or com.acme.client.IdentityKey (a class) for 'code' of key 'identity', "
                        + "found a string 'com.acme.Key' (write [com.acme.Key])");
        assertThatThrownBy(() -> load(WITH_CODE.replace("telemetry", "x").replace("logging:", "loging:")))
                .hasMessageContaining("m.yaml:16:3: unknown field 'loging' in 'code' of the model (did you mean 'logging'?)");
    }
}
