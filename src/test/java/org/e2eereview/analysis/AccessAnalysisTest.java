package org.e2eereview.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.e2eereview.load.ModelLoader;
import org.e2eereview.load.ModelPatch;
import org.e2eereview.model.Flow;
import org.e2eereview.model.Model;
import org.junit.jupiter.api.Test;

/** Who can read what: each route of the analysis, shown firing and not firing, with its evidence. */
class AccessAnalysisTest {

    /** The clean design that rule test cases patch too: nobody outside reads anything. */
    static Analysis analyze(String patch) throws Exception {
        byte[] base = Files.readAllBytes(Path.of("rules/_test-base.yaml"));
        Model m = new ModelLoader().parse("m.yaml", ModelPatch.apply(base, patch));
        return AccessAnalysis.analyze(m);
    }

    static List<String> texts(Reading r) {
        return r.evidence().steps().stream().map(Step::text).toList();
    }

    @Test
    void theBaseDesignLetsNobodyOutsideRead() throws Exception {
        Analysis a = analyze("");
        assertThat(a.access("chat")).isEmpty();
        assertThat(a.safeguards("chat")).extracting(Safeguarded::name)
                .contains("member-signed-changes", "signed-device-lists", "key-transparency");
        assertThat(a.safeguards("backup-key")).extracting(Safeguarded::name).containsExactly("hsm-guess-limits");
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
    }

    @Test
    void aDerivedKeyNeedsAllItsSources() throws Exception {
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
        assertThat(texts(both.access("chat").get(0).best())).contains("unit is derived from half-a and half-b");
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
    void lawfulAccessReachesWhatTheCompelledPartyReadsByThePowersGiven() throws Exception {
        String serverReads = "flows:\n  send: { protection: transport }\n";
        Analysis disclosure = analyze(serverReads + """
                parties:
                  police: { kind: law-enforcement, lawful-access: { compels: [provider], powers: [data-disclosure] } }
                """);
        assertThat(disclosure.access("chat")).extracting(Access::party).containsExactly("police", "provider");
        Access police = disclosure.access("chat").get(0);
        assertThat(texts(police.best()).get(0)).isEqualTo("police can compel provider (data-disclosure)");
        assertThat(police.best().through()).isEqualTo("provider");

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
                    members: [users]
                    content: [messages]
                    end-to-end: { default: true }
                    membership: { managed-by: relay, signed-by-members: true, changes-shown: always, device-list-signed: true }
                """);
        assertThat(a.access("chat")).singleElement().satisfies(x -> {
            assertThat(x.party()).isEqualTo("provider");
            assertThat(x.routes()).containsExactly(Route.ADDS_MEMBER);
        });
        assertThat(a.access("other")).as("the same content in a member-signed conversation").isEmpty();
    }

    @Test
    void unverifiableDirectoriesAndUnsignedDeviceListsAreRoutes() throws Exception {
        Analysis a = analyze("""
                components:
                  directory: { transparency: none }
                conversations:
                  chat:
                    membership: { verification: [], device-list-signed: false, device-changes-shown: never }
                """);
        assertThat(a.access("chat")).singleElement().satisfies(x ->
                assertThat(x.routes()).containsExactlyInAnyOrder(Route.ADDS_DEVICE, Route.SUBSTITUTES_KEYS));
    }

    @Test
    void aTargetableClientWithoutTransparencyGivesItsSupplierWhatItHolds() throws Exception {
        Analysis a = analyze("""
                components:
                  phone: { updates: { per-user-targeting: true, binary-transparency: false, reproducible-builds: false } }
                """);
        assertThat(a.access("chat")).singleElement().satisfies(x -> {
            assertThat(x.party()).isEqualTo("provider");
            assertThat(x.routes()).contains(Route.TARGETED_UPDATE);
            assertThat(x.systemic()).as("a targeted update is aimed at chosen users").isFalse();
        });
    }

    @Test
    void readingsCarryTheConditionOfTheFlowsTheyDependOn() throws Exception {
        Analysis optIn = analyze("flows:\n  back-up: { protection: transport }\n");
        Access provider = optIn.access("chat").get(0);
        assertThat(provider.best().condition()).isEqualTo(Flow.Occurs.OPT_IN);
        assertThat(texts(provider.best())).contains("history contains messages");

        Analysis always = analyze("flows:\n  back-up: { protection: transport }\n  send: { protection: transport }\n");
        assertThat(always.access("chat").get(0).best().condition()).isEqualTo(Flow.Occurs.ALWAYS);
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
}
