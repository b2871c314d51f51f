package org.e2eereview.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.e2eereview.Repo;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.load.ModelPatch;
import org.e2eereview.model.Flow;
import org.e2eereview.model.Model;
import org.junit.jupiter.api.Test;

/** Who can read what: each route of the analysis, shown firing and not firing, with its evidence. */
class AccessAnalysisTest {

    /**
     * The design rule test cases patch, less its key directory: the provider could otherwise swap
     * keys (visibly, under key transparency), and most tests here are about other routes.
     */
    static Analysis analyze(String patch) throws Exception {
        byte[] base = ModelPatch.apply(Files.readAllBytes(Repo.file("rules/_test-base.yaml")),
                "conversations:\n  chat:\n    membership: { device-keys-from: null }\n");
        Model m = new ModelLoader().parse("m.yaml", ModelPatch.apply(base, patch));
        return AccessAnalysis.analyze(m);
    }

    static Analysis analyzeWithDirectory(String patch) throws Exception {
        byte[] base = Files.readAllBytes(Repo.file("rules/_test-base.yaml"));
        return AccessAnalysis.analyze(new ModelLoader().parse("m.yaml", ModelPatch.apply(base, patch)));
    }

    static List<String> texts(Reading r) {
        return r.evidence().steps().stream().map(Step::text).toList();
    }

    @Test
    void theBaseDesignLetsNobodyOutsideReadUnseen() throws Exception {
        assertThat(analyze("").access("chat")).isEmpty();
        Analysis a = analyzeWithDirectory("");
        assertThat(a.access("chat")).singleElement().satisfies(x -> {
            assertThat(x.party()).isEqualTo("provider");
            assertThat(x.routes()).containsExactly(Route.SUBSTITUTES_KEYS);
            assertThat(x.detectable()).as("key transparency shows a swap; it does not prevent it").isTrue();
            assertThat(x.lowering()).extracting(Safeguarded::name)
                    .containsExactly("key-transparency", "safety-numbers", "key-change-alerts");
        });
        assertThat(a.safeguards("chat")).extracting(Safeguarded::name)
                .contains("member-signed-changes", "signed-device-lists", "key-transparency");
        assertThat(a.safeguards("backup-key")).extracting(Safeguarded::name).containsExactly("hsm-guess-limits");
    }

    @Test
    void aKeyIsUsableWhereItIsKeptWhereItArrivesUnprotectedAndAKeyDerivedWhereAllItsSourcesAre() throws Exception {
        Analysis a = analyze("""
                keys:
                  prekey: { kind: identity, generated-on: phone, stored-on: [phone] }
                  relay-secret: { kind: identity, generated-on: relay, stored-on: [relay] }
                  mixed: { kind: session, derived-from: [identity, relay-secret] }
                flows:
                  upload-identity: { from: phone, to: relay, carries: [identity], protection: transport }
                  upload-prekey: { from: phone, to: directory, carries: [prekey], protection: end-to-end }
                """);
        assertThat(a.keyPlaces("identity")).containsExactly("phone", "relay");
        assertThat(a.keyPlaces("prekey")).as("an end-to-end flow leaves it unusable where it goes")
                .containsExactly("phone");
        assertThat(a.keyPlaces("mixed")).as("only the relay has both sources").containsExactly("relay");
        assertThat(a.keyPlaces("backup-key")).as("a recovery store holds it wrapped").containsExactly("phone");
        assertThat(a.keyPlaces("no-such-key")).isEmpty();
    }

    @Test
    void anOuterKeyGivesTheKeysItWrapsAndTheirData() throws Exception {
        Analysis a = analyze("""
                components:
                  escrow-vault: { kind: escrow-vault, run-by: police }
                keys:
                  escrow-key: { kind: escrow, stored-on: [escrow-vault], protects: [session] }
                """);
        Access police = a.access("chat").get(0);
        assertThat(police.party()).isEqualTo("police");
        assertThat(police.routes()).containsExactly(Route.HOLDS_KEY);
        assertThat(texts(police.best())).containsExactly("escrow-key is stored on escrow-vault",
                "escrow-vault is run by police", "escrow-key protects session", "session protects messages");
        assertThat(a.holders("session").get("police").unwrappedWith()).isEqualTo("escrow-key");
        assertThat(police.best().passesThrough("escrow-key")).isTrue();
        assertThat(a.through("escrow-key")).contains(police.best());
    }

    @Test
    void aDerivedKeyNeedsAllItsSourcesAndNamesEveryPartyCompelled() throws Exception {
        String halves = """
                parties:
                  agent-a: { kind: escrow-agent }
                  agent-b: { kind: escrow-agent }
                components:
                  vault-a: { kind: escrow-vault, run-by: agent-a }
                  vault-b: { kind: escrow-vault, run-by: agent-b }
                keys:
                  half-a: { kind: escrow, stored-on: [vault-a] }
                  half-b: { kind: escrow, stored-on: [vault-b] }
                  unit: { kind: escrow, derived-from: [half-a, half-b], protects: [session] }
                """;
        assertThat(analyze(halves).access("chat")).as("each agent holds only half").isEmpty();
        Analysis both = analyze(halves + """
                  police: { kind: law-enforcement, lawful-access: { compels: [agent-a, agent-b], powers: [key-disclosure] } }
                """.replace("  police:", "parties:\n  police:"));
        assertThat(both.access("chat")).extracting(Access::party).containsExactly("police");
        Access police = both.access("chat").get(0);
        assertThat(texts(police.best())).contains("unit is derived from half-a and half-b");
        assertThat(police.through()).containsExactly("agent-a", "agent-b");
        assertThat(police.condition()).as("keys handed over under compulsion").isEqualTo(Flow.Occurs.ON_LEGAL_ORDER);
    }

    @Test
    void aKeyReleasedOnlyOnALegalOrderIsReadOnALegalOrder() throws Exception {
        Analysis a = analyze("""
                components:
                  agency-desk: { kind: other, run-by: police }
                keys:
                  session: { stored-on: [phone, vault] }
                flows:
                  release: { from: vault, to: agency-desk, carries: [session], protection: transport, occurs: on-legal-order }
                """);
        Access police = a.access("chat").stream().filter(x -> x.party().equals("police")).findFirst().orElseThrow();
        assertThat(police.condition()).isEqualTo(Flow.Occurs.ON_LEGAL_ORDER);
        assertThat(a.access("chat")).extracting(Access::party).containsExactly("police", "provider");
    }

    @Test
    void aGuessableRecoverySecretWithoutALimitGivesTheKeyToItsKeeper() throws Exception {
        Analysis a = analyze("""
                keys:
                  session: { protects: [messages], recovery: { secret: pin, stored-on: [backup] } }
                """);
        assertThat(a.access("chat")).singleElement().satisfies(x -> {
            assertThat(x.party()).isEqualTo("provider");
            assertThat(x.routes()).containsExactly(Route.RECOVERS_KEY);
        });
        Analysis limited = analyze("""
                keys:
                  session: { protects: [messages], recovery: { secret: pin, stored-on: [vault], enforced-by: vault } }
                """);
        assertThat(limited.access("chat")).isEmpty();
    }

    @Test
    void lawfulAccessReachesWhatTheCompelledPartyReadsByThePowersGivenOnALegalOrder() throws Exception {
        String serverReads = "flows:\n  send: { protection: transport }\n";
        Analysis disclosure = analyze(serverReads + """
                parties:
                  police: { kind: law-enforcement, lawful-access: { compels: [provider], powers: [data-disclosure] } }
                """);
        assertThat(disclosure.access("chat")).extracting(Access::party).containsExactly("police", "provider");
        Access police = disclosure.access("chat").get(0);
        assertThat(texts(police.best()).get(0)).isEqualTo("police can compel provider (data-disclosure)");
        assertThat(police.best().through()).containsExactly("provider");
        assertThat(police.condition()).isEqualTo(Flow.Occurs.ON_LEGAL_ORDER);

        Analysis wrongPower = analyze(serverReads + """
                parties:
                  police: { kind: law-enforcement, lawful-access: { compels: [provider], powers: [targeted-update] } }
                """);
        assertThat(wrongPower.access("chat")).extracting(Access::party).containsExactly("provider");
    }

    @Test
    void hiddenMembershipChangesLetTheManagerInToThatConversationOnly() throws Exception {
        Analysis a = analyze("""
                conversations:
                  chat:
                    membership: { signed-by-members: false, changes-shown: suppressible }
                  other:
                    kind: group
                    members: [users]
                    content: [messages]
                    end-to-end: { default: true }
                    membership: { managed-by: relay, signed-by-members: true, changes-shown: always, device-list-signed: true }
                """);
        assertThat(a.access("chat")).singleElement().satisfies(x -> {
            assertThat(x.party()).isEqualTo("provider");
            assertThat(x.routes()).containsExactly(Route.ADDS_MEMBER);
            assertThat(x.detectable()).isFalse();
        });
        assertThat(a.access("other")).as("the same content in a member-signed conversation").isEmpty();
    }

    @Test
    void joinsShownToMembersAreVisibleNotPrevented() throws Exception {
        Analysis a = analyze("""
                conversations:
                  chat:
                    membership: { signed-by-members: false, changes-shown: always }
                """);
        assertThat(a.access("chat")).singleElement().satisfies(x -> {
            assertThat(x.routes()).containsExactly(Route.ADDS_MEMBER);
            assertThat(x.detectable()).isTrue();
            assertThat(x.lowering()).extracting(Safeguarded::name).containsExactly("user-visible-indicators");
        });
        Analysis unwritten = analyze("""
                conversations:
                  chat:
                    membership: { signed-by-members: false, changes-shown: null }
                """);
        assertThat(unwritten.access("chat")).singleElement().satisfies(x -> {
            assertThat(x.detectable()).as("an unwritten notice is not credited").isFalse();
            assertThat(texts(x.best())).contains("whether joins are shown is not written, so no notice is credited");
        });
    }

    @Test
    void nobodyIsAddedToAOneToOneChat() throws Exception {
        Analysis a = analyze("""
                conversations:
                  chat:
                    kind: one-to-one
                    membership: { signed-by-members: false, changes-shown: never }
                """);
        assertThat(a.access("chat")).isEmpty();
    }

    @Test
    void unverifiableDirectoriesAndUnsignedDeviceListsAreRoutes() throws Exception {
        Analysis a = analyzeWithDirectory("""
                components:
                  directory: { transparency: none }
                conversations:
                  chat:
                    membership: { verification: [], device-list-signed: false, device-changes-shown: never }
                """);
        assertThat(a.access("chat")).singleElement().satisfies(x -> {
            assertThat(x.routes()).containsExactlyInAnyOrder(Route.ADDS_DEVICE, Route.SUBSTITUTES_KEYS);
            assertThat(x.detectable()).isFalse();
        });
    }

    @Test
    void devicesAreJudgedOnlyWhereTheModelDescribesThem() throws Exception {
        String undescribed = """
                conversations:
                  chat:
                    membership: { device-list-signed: null }
                """;
        assertThat(analyze(undescribed).access("chat")).as("nothing said about devices: not assessed").isEmpty();
        Analysis warned = analyze("""
                conversations:
                  chat:
                    membership: { device-list-signed: false, unverified-devices: warn }
                """);
        assertThat(warned.access("chat")).singleElement().satisfies(x -> {
            assertThat(x.routes()).containsExactly(Route.ADDS_DEVICE);
            assertThat(x.lowering()).extracting(Safeguarded::name).containsExactly("unverified-device-warnings");
        });
        Analysis blocked = analyze("""
                conversations:
                  chat:
                    membership: { device-list-signed: false, unverified-devices: block }
                """);
        assertThat(blocked.access("chat")).as("keys only for verified devices prevent it").isEmpty();
    }

    @Test
    void aTargetableClientGivesItsSupplierWhatItHoldsAndTransparencyOnlyMakesItVisible() throws Exception {
        Analysis a = analyze("""
                components:
                  phone: { updates: { per-user-targeting: true, binary-transparency: false, reproducible-builds: false } }
                """);
        assertThat(a.access("chat")).singleElement().satisfies(x -> {
            assertThat(x.party()).isEqualTo("provider");
            assertThat(x.routes()).contains(Route.TARGETED_UPDATE);
            assertThat(x.systemic()).as("a targeted update is aimed at chosen users").isFalse();
            assertThat(x.detectable()).isFalse();
        });
        Analysis logged = analyze("""
                components:
                  phone: { updates: { per-user-targeting: true, binary-transparency: true, reproducible-builds: false } }
                """);
        assertThat(logged.access("chat")).singleElement()
                .satisfies(x -> assertThat(x.lowering()).extracting(Safeguarded::name).containsExactly("binary-transparency"));
        Analysis silent = analyze("components:\n  phone: { updates: null }\n");
        assertThat(silent.access("chat")).as("updates not described: not assessed, not assumed").isEmpty();
    }

    @Test
    void readingsCarryTheConditionOfTheFlowsTheyDependOn() throws Exception {
        Analysis optIn = analyze("flows:\n  back-up: { protection: transport }\n");
        Access provider = optIn.access("chat").get(0);
        assertThat(provider.best().condition()).isEqualTo(Flow.Occurs.OPT_IN);
        assertThat(texts(provider.best())).contains("history contains messages");

        Analysis always = analyze("flows:\n  back-up: { protection: transport }\n  send: { protection: transport }\n");
        assertThat(always.access("chat").get(0).condition()).isEqualTo(Flow.Occurs.ALWAYS);
    }

    /**
     * An authority that compels the keeper of an opt-in backup reads it on a legal order, and only for users who opt in:
     * the legal order took the opt-in's place as the condition, and the users it reaches are kept beside it (a
     * submission said "every user" of such a reading).
     */
    @Test
    void aLegalOrderForAnOptInBackupReachesOnlyTheUsersWhoOptIn() throws Exception {
        Analysis a = analyze("""
                parties:
                  police: { lawful-access: { compels: [provider], powers: [data-disclosure] } }
                flows:
                  back-up: { protection: transport }
                """);
        Access police = a.access("chat").stream().filter(x -> x.party().equals("police")).findFirst().orElseThrow();
        assertThat(police.best().condition()).isEqualTo(Flow.Occurs.ON_LEGAL_ORDER);
        assertThat(police.best().reach()).isEqualTo(Flow.Occurs.OPT_IN);
        assertThat(police.best().narrowed()).isTrue();
        assertThat(police.reach()).isEqualTo(Flow.Occurs.OPT_IN);
        assertThat(a.conditionWords(police.best())).startsWith("on a legal order, for users who opt in, and the other members'");
        // The provider's own reading is opt-in and says only that; with the backup on for everyone the police's
        // reaches every user.
        Access provider = a.access("chat").stream().filter(x -> x.party().equals("provider")).findFirst().orElseThrow();
        assertThat(provider.best().narrowed()).isFalse();
        Analysis always = analyze("""
                parties:
                  police: { lawful-access: { compels: [provider], powers: [data-disclosure] } }
                flows:
                  back-up: { protection: transport, occurs: always }
                """);
        Reading wide = always.access("chat").stream().filter(x -> x.party().equals("police")).findFirst().orElseThrow().best();
        assertThat(wide.reach()).isEqualTo(Flow.Occurs.ALWAYS);
        assertThat(always.conditionWords(wide)).isEqualTo("on a legal order");
    }

    /**
     * Two backups under one key each hold the messages: each keeps its own chain to them, so that each backup's finding
     * cites how its backup gives the content (the second's cited only the backup itself).
     */
    @Test
    void twoBackupsUnderOneKeyEachGiveTheContentByTheirOwnChain() throws Exception {
        Analysis a = analyze("""
                keys:
                  backup-key: { stored-on: [phone, vault], protects: [history, media-history], recovery: null }
                data:
                  media-history: { kind: backup, created-on: [phone], contains: [messages] }
                flows:
                  back-up: { carries: [history, media-history] }
                """);
        List<Reading> byKey = a.readers("messages").get("provider").stream().filter(r -> r.route() == Route.HOLDS_KEY).toList();
        assertThat(byKey).extracting(r -> texts(r).get(texts(r).size() - 1))
                .containsExactlyInAnyOrder("history contains messages", "media-history contains messages");
    }

    @Test
    void metadataIsNotContentAndDerivedDataIsPartial() throws Exception {
        Analysis meta = analyze("conversations:\n  chat: { content: [messages, sender] }\n");
        assertThat(meta.access("chat")).as("the relay sees sender metadata, not content").isEmpty();
        Analysis hash = analyze("""
                data:
                  fingerprint: { kind: content-hash, derived-from: [messages], created-on: [phone] }
                flows:
                  report-hash: { from: phone, to: relay, carries: [fingerprint], protection: transport, stage: before-encryption }
                """);
        assertThat(hash.access("chat")).singleElement().satisfies(x -> {
            assertThat(x.routes()).containsExactly(Route.LEARNS_DERIVED);
            assertThat(x.partial()).isTrue();
        });
    }

    /**
     * Learning about an item adds nothing for a party that reads it, or reads what it learns it from; but a
     * provider that reads only the links its preview server fetches still learns something new from a
     * fingerprint of the photos (a reader modelling a messenger with server-side previews saw a scanning
     * proposal said to give "nobody new").
     */
    @Test
    void derivedDataCountsWhereThePartyDoesNotReadWhatItIsDerivedFrom() throws Exception {
        String links = """
                data:
                  links: { kind: link, created-on: [phone] }
                  photos: { kind: attachment, created-on: [phone] }
                  fingerprint: { kind: content-hash, derived-from: [%s], created-on: [phone] }
                conversations:
                  chat: { content: [messages, links, photos] }
                flows:
                  fetch: { from: phone, to: relay, carries: [links], protection: transport }
                  report-hash: { from: phone, to: relay, carries: [fingerprint], protection: transport, stage: before-encryption }
                """;
        assertThat(analyze(links.formatted("photos")).access("chat")).singleElement().satisfies(x -> {
            assertThat(x.party()).isEqualTo("provider");
            assertThat(x.routes()).containsExactlyInAnyOrder(Route.RUNS_COMPONENT, Route.LEARNS_DERIVED);
            assertThat(x.partial()).as("it reads the links themselves").isFalse();
        });
        assertThat(analyze(links.formatted("links")).access("chat")).singleElement()
                .satisfies(x -> assertThat(x.routes()).as("a fingerprint of what it reads tells it nothing more")
                        .containsExactly(Route.RUNS_COMPONENT));
    }

    @Test
    void aNotificationPreviewShowsTheMessageAndAFrankingTagShowsNothing() throws Exception {
        Analysis preview = analyze("""
                data:
                  preview: { kind: notification-payload, derived-from: [messages], created-on: [phone] }
                flows:
                  notify: { from: phone, to: push, carries: [preview], protection: transport }
                """);
        assertThat(preview.access("chat")).singleElement().satisfies(x -> {
            assertThat(x.party()).isEqualTo("vendor");
            assertThat(x.partial()).as("a preview is the content, not a summary of it").isFalse();
        });
        Analysis tag = analyze("""
                data:
                  tag: { kind: franking-tag, derived-from: [messages], created-on: [phone] }
                flows:
                  frank: { from: phone, to: relay, carries: [tag], protection: transport }
                """);
        assertThat(tag.access("chat")).as("a commitment reveals nothing").isEmpty();
    }

    @Test
    void derivedDataMadeOnAServerInheritsTheConditionOfItsSource() throws Exception {
        Analysis a = analyze("""
                components:
                  previewer: { kind: link-preview-service, run-by: provider }
                data:
                  links: { kind: link, created-on: [phone] }
                  previews: { kind: link-preview, created-on: [previewer], derived-from: [links] }
                conversations:
                  chat: { content: [messages, links, previews] }
                flows:
                  fetch: { from: phone, to: previewer, carries: [links], protection: transport, occurs: by-default }
                """);
        Access provider = a.access("chat").get(0);
        assertThat(provider.condition()).isEqualTo(Flow.Occurs.BY_DEFAULT);
        assertThat(provider.readings()).allMatch(r -> r.passesThrough("fetch"));
    }

    @Test
    void aMembersReportIsTheirDisclosureNotAReader() throws Exception {
        Analysis a = analyze("""
                data:
                  report-body: { kind: report, created-on: [phone], contains: [messages] }
                flows:
                  report: { from: phone, to: relay, carries: [report-body], protection: transport }
                features:
                  reporting: { kind: user-reporting, runs-on: phone, initiated-by: member, discloses: [report-body], results-to: [provider] }
                """);
        assertOnlyDisclosedTo(a, "provider");
        Analysis automatic = analyze("""
                features:
                  upload: { kind: content-scanning, runs-on: phone, inspects: [messages], initiated-by: automatic,
                            discloses: [messages], results-to: [provider] }
                """);
        assertThat(automatic.access("chat")).singleElement().satisfies(x ->
                assertThat(x.routes()).contains(Route.FEATURE_RESULT));
    }

    /** Nobody outside reads the chat; one party is told of it, by a member's own disclosure. */
    private static void assertOnlyDisclosedTo(Analysis a, String party) {
        assertThat(a.access("chat")).isEmpty();
        assertThat(a.disclosures("chat")).singleElement().satisfies(x -> {
            assertThat(x.party()).isEqualTo(party);
            assertThat(x.routes()).containsExactly(Route.MEMBER_DISCLOSURE);
        });
    }

    /**
     * What a feature a member starts finds, and a verdict a member chooses to send, go out when that member
     * chooses: a child alerting a parent about a flagged photo was shown as the parent reading every
     * conversation "always".
     */
    @Test
    void whatAMemberChoosesToSendIsTheirDisclosureWhateverItIsDerivedFrom() throws Exception {
        Analysis scan = analyze("""
                parties:
                  parent: { kind: parent }
                features:
                  alert: { kind: content-scanning, runs-on: phone, inspects: [messages], method: classifier,
                           initiated-by: member, results-to: [parent] }
                """);
        assertOnlyDisclosedTo(scan, "parent");
        Analysis verdict = analyze("""
                parties:
                  parent: { kind: parent }
                data:
                  flag: { kind: classifier-verdict, created-on: [phone], derived-from: [messages] }
                flows:
                  alert-parent: { from: phone, to: relay, carries: [flag], protection: end-to-end }
                features:
                  alert: { kind: user-reporting, runs-on: phone, initiated-by: member, discloses: [flag], results-to: [parent] }
                """);
        assertThat(verdict.access("chat")).isEmpty();
        assertThat(verdict.disclosures("chat")).extracting(Access::party).containsExactly("parent");
        Analysis automatic = analyze("""
                parties:
                  parent: { kind: parent }
                features:
                  alert: { kind: content-scanning, runs-on: phone, inspects: [messages], method: classifier,
                           initiated-by: automatic, results-to: [parent] }
                """);
        assertThat(automatic.access("chat")).singleElement().satisfies(x -> {
            assertThat(x.party()).isEqualTo("parent");
            assertThat(x.routes()).containsExactly(Route.LEARNS_DERIVED);
        });
    }

    @Test
    void whatALegalFeatureGivesAnAuthorityItGivesOnALegalOrder() throws Exception {
        Analysis a = analyze("""
                features:
                  warrant: { kind: exceptional-access, runs-on: relay, discloses: [messages], results-to: [police] }
                """);
        assertThat(a.access("chat")).singleElement().satisfies(x -> {
            assertThat(x.party()).isEqualTo("police");
            assertThat(x.condition()).isEqualTo(Flow.Occurs.ON_LEGAL_ORDER);
        });
    }

    /** A model where the provider's client can be updated per user and the provider keeps a content key. */
    private static final String COMPELLED = """
            parties:
              police:
                lawful-access: { compels: [provider], powers: [%s] }
            components:
              phone: { updates: { per-user-targeting: true, binary-transparency: false, reproducible-builds: false } }
              vault: { kind: hsm, run-by: provider }
            keys:
              vendor-key: { kind: master, scope: all-users, stored-on: [vault], protects: [session] }
            """;

    @Test
    void keyDisclosureGivesHeldKeysAndWhatTheyOpenButNoTargetedUpdate() throws Exception {
        Analysis a = analyze(COMPELLED.formatted("key-disclosure"));
        assertThat(a.holders("vendor-key")).containsKey("police");
        assertThat(a.holders("vendor-key").get("police").through()).containsExactly("provider");
        assertThat(a.access("chat")).filteredOn(x -> x.party().equals("police")).singleElement().satisfies(x -> {
            assertThat(x.routes()).as("shipping a build needs the targeted-update power").containsExactly(Route.HOLDS_KEY);
            assertThat(x.condition()).isEqualTo(Flow.Occurs.ON_LEGAL_ORDER);
        });
        Analysis updates = analyze(COMPELLED.formatted("key-disclosure, targeted-update"));
        assertThat(updates.access("chat")).filteredOn(x -> x.party().equals("police")).singleElement()
                .satisfies(x -> assertThat(x.routes()).contains(Route.HOLDS_KEY, Route.TARGETED_UPDATE));
    }

    @Test
    void decryptionGivesWhatTheKeysOpenButNeverTheKeys() throws Exception {
        Analysis a = analyze(COMPELLED.formatted("decryption"));
        assertThat(a.holders("vendor-key")).doesNotContainKey("police");
        assertThat(a.holders("session")).doesNotContainKey("police");
        assertThat(a.access("chat")).filteredOn(x -> x.party().equals("police")).singleElement().satisfies(x -> {
            assertThat(x.routes()).containsExactly(Route.HOLDS_KEY);
            assertThat(x.through()).containsExactly("provider");
            assertThat(x.condition()).isEqualTo(Flow.Occurs.ON_LEGAL_ORDER);
            assertThat(texts(x.best()).get(0)).isEqualTo("police can compel provider (decryption)");
        });
        assertThat(analyze(COMPELLED.formatted("add-participant")).access("chat"))
                .noneMatch(x -> x.party().equals("police"));
    }

    @Test
    void anOrganisationsPowerActsOnItsDecisionNotOnALegalOrder() throws Exception {
        Analysis a = analyze("""
                parties:
                  employer:
                    kind: organisation
                    lawful-access: { compels: [provider], powers: [data-disclosure] }
                components:
                  archive: { kind: storage, run-by: provider }
                flows:
                  retain: { from: phone, to: archive, carries: [messages], protection: transport, occurs: on-organisation-decision }
                """);
        assertThat(a.access("chat")).filteredOn(x -> x.party().equals("employer")).singleElement()
                .satisfies(x -> assertThat(x.condition()).isEqualTo(Flow.Occurs.ON_ORGANISATION_DECISION));
        assertThat(a.access("chat")).filteredOn(x -> x.party().equals("provider")).singleElement()
                .satisfies(x -> assertThat(x.condition()).isEqualTo(Flow.Occurs.ON_ORGANISATION_DECISION));
    }

    @Test
    void aWrappedKeyThatLeavesTheDeviceOnlyWithTheDeviceInHandIsHadOnlyThen() throws Exception {
        Analysis a = analyze("""
                components:
                  vault: { kind: hsm, run-by: vendor }
                keys:
                  vendor-key: { kind: master, scope: all-users, stored-on: [vault], protects: [unlock] }
                  unlock: { kind: device, generated-on: phone, stored-on: [phone], protects: [session] }
                flows:
                  read-off: { from: phone, to: vault, carries: [unlock], protection: end-to-end, occurs: with-device }
                """);
        assertThat(a.holders("unlock").get("vendor").condition()).isEqualTo(Flow.Occurs.WITH_DEVICE);
        assertThat(a.access("chat")).filteredOn(x -> x.party().equals("vendor")).singleElement()
                .satisfies(x -> assertThat(x.condition()).isEqualTo(Flow.Occurs.WITH_DEVICE));
        Analysis unmoved = analyze("""
                components:
                  vault: { kind: hsm, run-by: vendor }
                keys:
                  vendor-key: { kind: master, scope: all-users, stored-on: [vault], protects: [unlock] }
                  unlock: { kind: device, generated-on: phone, stored-on: [phone], protects: [session] }
                """);
        assertThat(unmoved.holders("unlock").get("vendor").condition())
                .as("where the model says nothing of the wrapped copy, it is taken to be obtainable")
                .isEqualTo(Flow.Occurs.ALWAYS);
    }

    @Test
    void whatIsMadeOnAComponentThatReceivesAnythingOnlyOnOptInIsReadOnlyThen() throws Exception {
        Analysis a = analyze("""
                parties:
                  ai-vendor: { kind: third-party }
                components:
                  assistant: { kind: ai-service, run-by: ai-vendor }
                data:
                  summary: { kind: other, created-on: [assistant] }
                conversations:
                  chat: { content: [messages, summary] }
                flows:
                  ask: { from: phone, to: assistant, carries: [messages], protection: transport, occurs: opt-in }
                  answer: { from: assistant, to: phone, carries: [summary], protection: transport, occurs: opt-in }
                """);
        assertThat(a.access("chat")).filteredOn(x -> x.party().equals("ai-vendor")).singleElement().satisfies(x -> {
            assertThat(x.condition()).isEqualTo(Flow.Occurs.OPT_IN);
            assertThat(x.readings()).allMatch(r -> r.condition() == Flow.Occurs.OPT_IN);
        });
        assertThat(a.readers("summary").get("ai-vendor")).allSatisfy(r -> assertThat(texts(r))
                .contains("assistant receives anything only for users who opt in (flow ask, occurs: opt-in)"));
    }

    @Test
    void aHashOfGuessableDataIsReadAsTheDataItself() throws Exception {
        String base = """
                data:
                  address-book: { kind: contact-list, created-on: [phone] }
                  %s
                  contact-hashes: { kind: content-hash, created-on: [phone], derived-from: [address-book] }
                flows:
                  discover: { from: phone, to: relay, carries: [contact-hashes], protection: transport }
                """;
        Analysis guessable = analyze(base.formatted(""));
        assertThat(guessable.readers("address-book").get("provider")).anySatisfy(r -> {
            assertThat(r.route()).isEqualTo(Route.RUNS_COMPONENT);
            assertThat(texts(r)).contains("contact-hashes is derived from address-book, which is guessable: trying "
                    + "every value reverses it");
        });
        Analysis notGuessable = analyze(base.formatted("photo: { kind: attachment, created-on: [phone] }")
                .replace("derived-from: [address-book]", "derived-from: [photo]"));
        assertThat(notGuessable.readers("photo").get("provider"))
                .allSatisfy(r -> assertThat(r.route()).isEqualTo(Route.LEARNS_DERIVED));
    }
}
