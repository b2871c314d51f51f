package org.e2eereview.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.e2eereview.Corpus;
import org.e2eereview.Repo;
import org.e2eereview.analysis.Access;
import org.e2eereview.analysis.Step;
import org.e2eereview.load.InputException;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.rules.Finding;
import org.e2eereview.rules.Startup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AssessorTest {

    static Assessor assessor;

    @BeforeAll
    static void assessor() throws Exception {
        assessor = new Assessor(Corpus.reviewer());
    }

    @Test
    void theGhostPatchReproducesTheHandWrittenGhostExample() throws Exception {
        Assessor.Result result = assessor.assess(Repo.file("examples/whatsapp.yaml"), List.of("ghost"));
        Assessment ghost = result.assessments().get(0);
        assertThat(ghost.applied()).isTrue();
        Review handWritten = Corpus.reviewer().review(Repo.file("examples/ghost-proposal.yaml"));
        assertThat(findings(ghost.patched())).isEqualTo(findings(handWritten));
        Review whatsapp = result.original();
        Set<String> expectedNew = readers(handWritten);
        expectedNew.removeAll(readers(whatsapp));
        assertThat(ghost.newReaders().stream().map(a -> a.conversation() + " " + a.party()).toList())
                .containsExactlyInAnyOrderElementsOf(expectedNew).isNotEmpty();
        assertThat(ghost.introduced()).extracting(r -> r.finding().id())
                .containsExactlyInAnyOrder("GHOST-PARTICIPANT@group-chat", "GHOST-PARTICIPANT@group-call");
        assertThat(ghost.superseded()).containsOnlyKeys("SERVER-CONTROLLED-MEMBERSHIP@group-chat",
                "SERVER-CONTROLLED-MEMBERSHIP@group-call");
        assertThat(ghost.bindings().get("authority")).containsExactly("law-enforcement");
    }

    /**
     * Default backups add no new reader to WhatsApp (the provider could already swap keys, visibly),
     * but turn its reading into one nobody would see, by a key it holds: wider, and said so.
     */
    @Test
    void aPartyThatAlreadyReadsButReadsMoreWidelyIsReported() throws Exception {
        Assessment backup = assessor.assess(Repo.file("examples/whatsapp.yaml"), List.of("default-backup"))
                .assessments().get(0);
        assertThat(backup.newReaders()).noneMatch(a -> a.party().equals("whatsapp"));
        assertThat(backup.widened()).filteredOn(w -> w.after().party().equals("whatsapp")
                && w.after().conversation().equals("direct-chat")).singleElement()
                .satisfies(w -> assertThat(w.how()).containsExactly("visible → unseen", "new route: holds-key"));
        assertThat(backup.bindings().get("content")).as("backups hold messages, not calls, counters or group state")
                .containsExactly("messages", "attachments", "links", "link-previews", "group-messages");
        assertThat(backup.widened()).noneMatch(w -> w.after().conversation().equals("group-call"));
    }

    /**
     * A golden key where the provider already reads every conversation by previews on by default: its finding replaces
     * the provider's reading and is introduced in its place, not "no new finding (the design already has what it asks
     * for)", which a newcomer knew to be false of a design with no master key.
     */
    @Test
    void aFindingThatReplacesTheDesignsOwnIsIntroducedInItsPlace() throws Exception {
        Assessment golden = assessor.assess(Repo.file("e2ee-review-core/src/test/resources/newcomer/44-school-previews-by-default.yaml"),
                List.of("golden-key")).assessments().get(0);
        assertThat(golden.introduced()).extracting(r -> r.finding().id()).containsExactly("MASTER-KEY@golden-key");
        assertThat(golden.superseded()).containsKey("PROVIDER-PLAINTEXT@class-group");
    }

    /**
     * The authority a proposal serves is the design's own where it compels whoever supplies the apps or runs the
     * servers, not only a provider: a hospital's police, or here the police that compel a phone maker, were left out
     * and a made-up authority took their place.
     */
    @Test
    void anAuthorityOverWhoeverRunsTheServiceIsTheOneBound(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Assessment escrow = assessor.assess(Repo.file("e2ee-review-core/src/test/resources/newcomer/19-clear-device-escrow.yaml"),
                List.of("key-escrow")).assessments().get(0);
        assertThat(escrow.bindings().get("authority")).containsExactly("law-enforcement");
        // A hospital that runs its own servers, with police that can compel only it: they are the authority.
        Path model = Files.write(dir.resolve("hospital.yaml"), org.e2eereview.load.ModelPatch.apply(Files.readAllBytes(
                Repo.file("rules/_test-base.yaml")), """
                parties:
                  provider: { kind: organisation }
                  vendor: { kind: provider }
                  police: { lawful-access: { compels: [provider], powers: [data-disclosure] } }
                components:
                  phone: { supplied-by: vendor }
                """));
        Assessment hospital = assessor.assess(model, List.of("key-escrow")).assessments().get(0);
        assertThat(hospital.bindings().get("authority")).containsExactly("police");
    }

    /**
     * Backups on by default where users had to opt in: the police, who could already have the content on a legal order
     * from those who opted in to a summary service, reach every user who does not opt out under the same condition.
     */
    @Test
    void theSameLegalOrderReachingMoreUsersIsAWidening(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path model = Files.write(dir.resolve("parley.yaml"), org.e2eereview.load.ModelPatch.apply(Files.readAllBytes(
                Repo.file("e2ee-review-core/src/test/resources/newcomer/26-ai-summaries-provider-servers.yaml")), """
                parties:
                  police: { kind: law-enforcement, lawful-access: { compels: [parley], powers: [data-disclosure, key-disclosure] } }
                """));
        Assessment backup = assessor.assess(model, List.of("default-backup")).assessments().get(0);
        assertThat(backup.widened()).filteredOn(w -> w.after().conversation().equals("direct-chat")
                        && w.after().party().equals("police")).singleElement().satisfies(w -> {
                    assertThat(w.before().reach()).isEqualTo(org.e2eereview.model.Flow.Occurs.OPT_IN);
                    assertThat(w.after().reach()).isEqualTo(org.e2eereview.model.Flow.Occurs.BY_DEFAULT);
                    assertThat(w.how()).contains("reach: for users who opt in → by default");
                });
    }

    /**
     * Proposals that put something on every client (a backup, a fingerprint, an unlock secret, a
     * scanner) put there only that client's messages: one user's phone does not come to hold
     * another's conversations. Before, a 10k-element model gained 615,000 such readers per proposal.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"default-backup", "traceability", "clear", "client-side-scanning"})
    void whatAProposalPutsOnEachClientHoldsOnlyThatClientsContent(String proposal, @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path model = dir.resolve("two-regions.yaml");
        Files.writeString(model, org.e2eereview.bench.SyntheticModel.generate(36));
        Assessment a = assessor.assess(model, List.of(proposal)).assessments().get(0);
        assertThat(a.applied()).isTrue();
        assertThat(a.introduced()).as("the proposal still weakens the design").isNotEmpty();
        List<Access> gained = new java.util.ArrayList<>(a.newReaders());
        a.widened().forEach(w -> gained.add(w.after()));
        assertThat(gained).as("no user reads the other region's conversations")
                .noneMatch(r -> r.party().startsWith("users-")
                        && !r.conversation().endsWith("-" + r.party().substring("users-".length())));
    }

    /** Handed over one at a time (two reviewed at once), proposals come in catalog order with the same content. */
    @Test
    void assessmentsHandedOverAsTheyAreMadeComeInOrderAndAsWhenKept() throws Exception {
        Path model = Repo.file("examples/whatsapp.yaml");
        Assessor.Result kept = assessor.assess(model, List.of());
        List<String> handed = new java.util.ArrayList<>();
        Assessor.Result released = assessor.assess(model, List.of(), (design, a) -> handed.add(a.proposal().id()
                + " " + a.newReaders().size() + " " + a.widened().size() + " " + a.introduced().size()));
        assertThat(handed).containsExactlyElementsOf(kept.assessments().stream().map(a -> a.proposal().id() + " "
                + a.newReaders().size() + " " + a.widened().size() + " " + a.introduced().size()).toList());
        assertThat(released.assessments()).extracting(a -> a.proposal().id())
                .containsExactlyElementsOf(org.e2eereview.rules.Startup.catalog().proposals().keySet());
        assertThat(released.assessments()).allMatch(a -> a.patched() == null);
    }

    @Test
    void evidencePointsIntoThePatchAndTheModel() throws Exception {
        Assessment ghost = assessor.assess(Repo.file("examples/whatsapp.yaml"), List.of("ghost")).assessments().get(0);
        Finding f = ghost.introduced().get(0).finding();
        Set<String> files = new TreeSet<>();
        for (Finding.Chain c : f.evidence()) for (Step s : c.steps()) files.add(s.at().file());
        assertThat(files).containsExactlyInAnyOrder("catalog/proposals/ghost.yaml", Repo.arg("examples/whatsapp.yaml"));
    }

    /**
     * A power the patch adds to the model's own authority (compels+ the escrow agents) is cited where the patch writes
     * it, at the item; the model's own compels stay cited in the model. Before, both cited the model's line.
     */
    @Test
    void aCompelledPartyThePatchAddsIsCitedInThePatch() throws Exception {
        Assessment escrow = assessor.assess(Repo.file("examples/whatsapp.yaml"), List.of("key-escrow")).assessments().get(0);
        List<Step> compels = escrow.introduced().stream().flatMap(r -> r.finding().evidence().stream())
                .flatMap(c -> c.steps().stream()).filter(s -> s.text().contains(" can compel ")).toList();
        assertThat(compels).filteredOn(s -> s.text().contains("can compel escrow-agent-")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.at().file()).isEqualTo("catalog/proposals/key-escrow.yaml"))
                // The power the patch adds is said to be the proposal's, not the model's.
                .allSatisfy(s -> assertThat(s.text()).contains("(data-disclosure; key-disclosure, added by the proposal)"));
        assertThat(compels).filteredOn(s -> s.text().contains("can compel escrow-agent-1")).extracting(s -> s.at().column())
                .doesNotContainAnyElementsOf(compels.stream().filter(s -> s.text().contains("can compel escrow-agent-2"))
                        .map(s -> s.at().column()).toList());
        Review whatsapp = Corpus.reviewer().review(Repo.file("examples/whatsapp.yaml"));
        assertThat(whatsapp.weakenings().stream().flatMap(r -> r.finding().evidence().stream())
                .flatMap(c -> c.steps().stream()).filter(s -> s.text().contains(" can compel ")))
                .isNotEmpty().allSatisfy(s -> assertThat(s.at().file()).isEqualTo(Repo.arg("examples/whatsapp.yaml")))
                .noneMatch(s -> s.text().contains("added by the proposal"));
    }

    static Stream<Path> examples() throws Exception {
        return Corpus.files("examples").stream();
    }

    /**
     * Every proposal on every example: it applies and the review finds every pattern the catalog
     * says it is, or it says why it cannot apply; and it never takes a finding away unless a more
     * severe one names the same readers.
     */
    @ParameterizedTest
    @MethodSource("examples")
    void everyProposalAppliesAsCataloguedOrSaysWhyNot(Path example) throws Exception {
        Assessor.Result result = assessor.assess(example, List.of());
        assertThat(result.assessments()).hasSize(Startup.catalog().proposals().size());
        for (Assessment a : result.assessments()) {
            String what = a.proposal().id() + " on " + example;
            if (!a.applied()) {
                assertThat(a.notApplicable()).as(what).isNotBlank().doesNotContain("does not fit");
                continue;
            }
            assertThat(a.missing()).as(what + ": the patterns it is").isEmpty();
            assertThat(a.removed()).as(what + ": monotonic").isEmpty();
            Set<String> found = new TreeSet<>();
            for (Reviewed r : a.patched().weakenings()) found.add(r.finding().catalog());
            assertThat(found).as(what).containsAll(a.proposal().weakenings());
            for (Access reader : a.newReaders()) {
                assertThat(a.patched().explaining(reader.conversation(), reader.party())).as(what + ": "
                        + reader.party() + " reading " + reader.conversation() + " is named by a finding").isNotEmpty();
            }
        }
    }

    @Test
    void someProposalsDoNotFitSomeDesignsAndSayWhy() throws Exception {
        Assessment ghost = assessor.assess(Repo.file("examples/apple-2021-csam-scanning.yaml"), List.of("ghost"))
                .assessments().get(0);
        assertThat(ghost.notApplicable()).isEqualTo("no end-to-end encrypted conversation to which members can be "
                + "added has its membership managed by a server the provider runs");
        Assessment scanning = assessor.assess(Repo.file("examples/key-escrow.yaml"), List.of("client-side-scanning"))
                .assessments().get(0);
        assertThat(scanning.notApplicable()).isEqualTo("no end-to-end encrypted conversation carries messages");
    }

    /**
     * A ministry runs the service and a contractor builds the app its staff use: the proposals that go into clients apply
     * to that app, and a targeted update is ordered from the contractor that ships it. Five of eight said the newcomer's
     * design had "no client whose code the provider supplies". A client whose supplier the model does not name still
     * leaves them out.
     */
    @Test
    void proposalsGoIntoAnAppAContractorBuildsForTheProvider(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String signal = Files.readString(Repo.file("examples/signal.yaml"));
        assertThat(signal).contains("    supplied-by: signal\n");
        String contracted = signal.replace("parties:\n", "parties:\n  contractor: { kind: third-party, name: App Builder Ltd }\n")
                .replace("    supplied-by: signal\n", "    supplied-by: contractor\n");
        Assessor.Result result = assessor.assess(Files.writeString(dir.resolve("contracted.yaml"), contracted), List.of());
        assertThat(result.assessments()).allSatisfy(a -> assertThat(a.notApplicable()).as(a.proposal().id()).isNull());
        Assessment update = result.assessments().stream().filter(a -> a.proposal().id().equals("targeted-update"))
                .findFirst().orElseThrow();
        assertThat(update.bindings().get("supplier")).containsExactly("contractor");
        assertThat(update.newReaders()).extracting(Access::party).contains("law-enforcement");
        assertThat(update.newReaders()).filteredOn(a -> a.party().equals("law-enforcement"))
                .allSatisfy(a -> assertThat(a.readings()).allSatisfy(r -> assertThat(r.through()).contains("contractor")));
        Assessment backup = result.assessments().stream().filter(a -> a.proposal().id().equals("default-backup"))
                .findFirst().orElseThrow();
        assertThat(backup.widened()).extracting(w -> w.after().party()).as("the provider keeps the backups").contains("signal");

        String unnamed = signal.replace("    supplied-by: signal\n", "");
        Assessment none = assessor.assess(Files.writeString(dir.resolve("unnamed.yaml"), unnamed), List.of("targeted-update"))
                .assessments().get(0);
        assertThat(none.notApplicable()).isEqualTo("the design has no client whose code the provider supplies");
    }

    /**
     * A design whose users' phones come from two makers: Clear gives each maker a key of its own. It was refused, and
     * "placeholder '$device-maker' needs one id here, but 2 are bound" reached the submission's first page.
     */
    @Test
    void clearAppliesToADesignWithTwoPhoneMakersAKeyEach(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path model = Files.writeString(dir.resolve("two-makers.yaml"), Files.readString(Repo.file("examples/signal.yaml"))
                .replace("parties:\n", "parties:\n  apple: { kind: os-vendor, name: Apple }\n  google: { kind: os-vendor, name: Google }\n"));
        Assessment clear = assessor.assess(model, List.of("clear")).assessments().get(0);
        assertThat(clear.notApplicable()).isNull();
        assertThat(clear.introduced()).extracting(r -> r.finding().id())
                .contains("MASTER-KEY@clear-key-apple", "MASTER-KEY@clear-key-google");
        assertThat(clear.newReaders()).extracting(Access::party).contains("apple", "google");
    }

    /**
     * A second provider that supplies no client (a hosting partner) leaves the proposals written for providers to the
     * one that does. Where two both supply apps, each keeps the backups of its own app's users under its own key: the
     * proposal was refused ("it is written for a design with one provider").
     */
    @Test
    void proposalsForProvidersTakeTheOnesWithClientsEachWithItsOwnClients(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String signal = Files.readString(Repo.file("examples/signal.yaml"));
        String hosted = signal.replace("parties:\n", "parties:\n  hoster: { kind: provider, name: The hosting partner }\n");
        Assessment backup = assessor.assess(Files.writeString(dir.resolve("hosted.yaml"), hosted), List.of("default-backup"))
                .assessments().get(0);
        assertThat(backup.notApplicable()).isNull();
        assertThat(backup.bindings().get("provider")).containsExactly("signal");
        String twoApps = hosted.replace("components:\n", "components:\n  hoster-app: { kind: client, run-by: users, "
                + "supplied-by: hoster }\n");
        for (String proposal : List.of("default-backup", "traceability")) {
            Assessment both = assessor.assess(Files.writeString(dir.resolve("two-apps.yaml"), twoApps), List.of(proposal))
                    .assessments().get(0);
            assertThat(both.notApplicable()).as(proposal).isNull();
            assertThat(both.bindings().get("provider")).containsExactly("hoster", "signal");
            // What each provider's own service reads: its own app's, never the other's.
            Review patched = both.patched();
            for (String provider : List.of("hoster", "signal")) {
                String app = provider.equals("hoster") ? "hoster-app" : "phone";
                String other = provider.equals("hoster") ? "phone" : "hoster-app";
                List<org.e2eereview.analysis.Reading> own = patched.access().stream().filter(a -> a.party().equals(provider))
                        .flatMap(a -> a.readings().stream()).filter(r -> r.passesThrough("default-backup-" + app)
                                || r.passesThrough("originator-fingerprints-" + app)).toList();
                assertThat(own).as(proposal + " " + provider).isNotEmpty();
                assertThat(patched.access().stream().filter(a -> a.party().equals(provider)).flatMap(a -> a.readings().stream()))
                        .as(proposal + " " + provider).noneMatch(r -> r.passesThrough("default-backup-" + other)
                                || r.passesThrough("originator-fingerprints-" + other));
            }
        }
    }

    /** A patch written for one provider, given a design with two, says so in words, naming them, never with its line. */
    @Test
    void aPatchForOneElementOfAKindSaysInWordsWhyNotWhereThereAreSeveral(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        org.e2eereview.catalog.Entries.Proposal backup = Corpus.reviewer().rules().catalog().proposals().get("default-backup");
        org.e2eereview.load.YamlPatch forOne = org.e2eereview.load.YamlPatch.read("catalog/proposals/for-one.yaml", """
                patch:
                  components:
                    one-service: { kind: backup-service, run-by: $provider }
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8), "patch");
        var proposal = new org.e2eereview.catalog.Entries.Proposal(backup.id(), backup.title(), backup.year(),
                backup.proposedBy(), backup.summary(), backup.asksFor(), backup.gainsAccess(), backup.claims(),
                backup.weakenings(), List.of(new org.e2eereview.catalog.Entries.Binding("provider", backup.binds().get(0).select(),
                        null, "the design names no provider", null)), forOne, backup.references(), backup.legal());
        String twoApps = Files.readString(Repo.file("examples/signal.yaml"))
                .replace("parties:\n", "parties:\n  hoster: { kind: provider, name: The hosting partner }\n")
                .replace("components:\n", "components:\n  hoster-app: { kind: client, run-by: users, supplied-by: hoster }\n");
        var model = new ModelLoader().parse("two-apps.yaml", twoApps.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Assessor.Bound bound = Assessor.bind(proposal, model);
        assertThat(bound.patch()).isNull();
        assertThat(bound.notApplicable()).startsWith("it is written for a design with one provider, and this one has 2 (")
                .contains("The hosting partner").doesNotContain("catalog/").doesNotContain("placeholder");
    }

    /**
     * An employer's compliance key already lets the police read, on a legal order and with a banner shown. Key escrow
     * adds a way in of its own, unseen: before, the escrow's reading fell into the compliance key's place, the
     * assessment said "nobody new ... no more widely", and the escrow finding cited the compliance key's chain.
     */
    @Test
    void keyEscrowBesideAComplianceKeyIsAWayInOfItsOwn(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path model = Files.writeString(dir.resolve("legal-hold.yaml"), """
                e2ee-review: 1
                system: { name: Workplace chat with legal hold, claims-end-to-end: true }
                parties:
                  employees: { kind: user }
                  vendor: { kind: provider }
                  customer: { kind: organisation }
                  police:
                    kind: law-enforcement
                    lawful-access: { compels: [customer, vendor], powers: [data-disclosure] }
                components:
                  app: { kind: client, run-by: employees, supplied-by: vendor }
                  company-server: { kind: server, run-by: customer }
                  compliance-hsm: { kind: hsm, run-by: customer }
                keys:
                  group-key: { kind: group, generated-on: app, stored-on: [app], protects: [messages] }
                  compliance-key:
                    kind: escrow
                    stored-on: [compliance-hsm]
                    protects: [held-copy]
                    scope: user
                    shown-to-members: true
                data:
                  messages: { kind: message-content, created-on: [app] }
                  held-copy: { kind: other, created-on: [app], contains: [messages] }
                conversations:
                  chat:
                    kind: group
                    members: [employees]
                    content: [messages]
                    end-to-end: { default: true }
                flows:
                  send: { from: app, to: company-server, carries: [messages], protection: end-to-end }
                  hold-copy:
                    from: app
                    to: company-server
                    carries: [held-copy]
                    protection: end-to-end
                    occurs: on-organisation-decision
                    shown-to-members: true
                """);
        Assessor.Result result = assessor.assess(model, List.of("key-escrow"));
        Assessment escrow = result.assessments().get(0);
        assertThat(escrow.newReaders()).isEmpty();
        assertThat(escrow.widened()).filteredOn(w -> w.after().party().equals("police")).singleElement()
                .satisfies(w -> assertThat(w.how()).contains("visible → unseen"));
        Finding introduced = escrow.introduced().stream().map(Reviewed::finding)
                .filter(f -> f.id().equals("KEY-ESCROW@device-escrow-key")).findFirst().orElseThrow();
        assertThat(introduced.evidence()).filteredOn(c -> c.title().startsWith("police"))
                .allSatisfy(c -> assertThat(c.steps()).extracting(Step::element)
                        .contains("device-escrow-key", "group-key").doesNotContain("compliance-key"));
        assertThat(escrow.changed()).extracting(r -> r.finding().id()).doesNotContain("KEY-ESCROW@compliance-key");
    }

    @Test
    void applyingNothingChangesNothing() throws Exception {
        Path whatsapp = Repo.file("examples/whatsapp.yaml");
        Review plain = Corpus.reviewer().review(whatsapp);
        Review patched = Corpus.reviewer().review(new ModelLoader().parse(whatsapp.toString(),
                Files.readAllBytes(whatsapp), List.of()));
        assertThat(findings(patched)).isEqualTo(findings(plain));
        assertThat(readers(patched)).isEqualTo(readers(plain));
    }

    @Test
    void anUnknownProposalIsALocatedError() {
        assertThatThrownBy(() -> assessor.assess(Repo.file("examples/signal.yaml"), List.of("ghost", "backdoor")))
                .isInstanceOf(InputException.class).hasMessageContaining("unknown proposal 'backdoor'");
    }

    static List<String> findings(Review r) {
        return r.weakenings().stream().map(x -> x.finding().id() + " " + x.finding().severity() + " "
                + x.finding().readers()).sorted().toList();
    }

    static Set<String> readers(Review r) {
        Set<String> out = new TreeSet<>();
        for (Access a : r.access()) out.add(a.conversation() + " " + a.party());
        return out;
    }
}
