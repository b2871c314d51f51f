package org.e2eereview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.e2eereview.catalog.Severity;
import org.e2eereview.junit.E2eeAssertions;
import org.e2eereview.junit.E2eeReview;
import org.e2eereview.junit.E2eeTestFactory;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.rules.Finding;
import org.e2eereview.model.Model;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The examples are real designs; each must load cleanly, cite its sources and give exactly its findings. */
class ExamplesTest {

    static final List<String> REQUIRED = List.of("signal.yaml", "whatsapp.yaml", "ghost-proposal.yaml",
            "apple-2021-csam-scanning.yaml", "telegram-cloud-chats.yaml", "key-escrow.yaml", "matrix-megolm.yaml",
            "mls-key-transparency.yaml", "imessage-standard-backup.yaml", "pgp-additional-decryption-key.yaml");

    static Stream<Path> examples() throws IOException {
        return Files.list(Repo.file("examples")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @Test
    void everyNamedExampleExists() {
        for (String name : REQUIRED) assertThat(Repo.file("examples").resolve(name)).exists();
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

    /**
     * A team's test resources put a rules/ (and a catalog/) folder before the tool's jar on the class
     * path (e2ee-review-core/src/test/resources/rules/TEAM-RULE.yaml here): the bundled ones are under the project's
     * package path, so the review keeps all of its rules and findings.
     */
    @Test
    void aRulesFolderOnTheClassPathReplacesNoBundledRule() throws Exception {
        assertThat(ExamplesTest.class.getClassLoader().getResource("rules/TEAM-RULE.yaml")).isNotNull();
        Review r = review("ghost-proposal.yaml");
        assertThat(r.rules().rules()).containsKeys("GHOST-PARTICIPANT", "OUTSIDE-READER").doesNotContainKey("TEAM-RULE");
        assertThat(r.verdict()).isEqualTo(Review.Verdict.WEAKENED);
        assertThat(r.weakenings()).extracting(w -> w.finding().id()).contains("GHOST-PARTICIPANT@group-chat");
    }

    /** The ghost proposal is WhatsApp plus the ghost change, so that the two can be compared line by line. */
    @Test
    void ghostProposalDiffersFromWhatsAppOnlyByTheGhostChange() throws Exception {
        Model whatsapp = new ModelLoader().load(Repo.file("examples/whatsapp.yaml"));
        Model ghost = new ModelLoader().load(Repo.file("examples/ghost-proposal.yaml"));
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

    // ---- what each example must produce, asserted through the project's JUnit 5 API ----

    /** The date acceptances expire against, fixed so that every run gives the same reviews. */
    static final E2eeReview.Options REVIEW = E2eeReview.with().today(LocalDate.of(2026, 1, 1));

    static Review review(String example) {
        return REVIEW.review(Repo.file("examples").resolve(example));
    }

    /** Weakening findings as "ID severity", and safety features as "ID verdict", exactly. */
    static void assertFindings(String example, Set<String> weakenings, Set<String> features) {
        Review r = review(example);
        E2eeAssertions.assertFindings(r, weakenings);
        E2eeAssertions.assertSafetyFeatures(r, features);
    }

    /** Signal is the clean design: every weakening rule shows, and every test passes. */
    @TestFactory
    Stream<DynamicNode> signalPassesEveryRule() {
        return E2eeTestFactory.perRuleAndElement(Repo.file("examples/signal.yaml"));
    }

    static Finding finding(Review r, String id) {
        return r.weakenings().stream().map(Reviewed::finding).filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void signalHasNoWeakeningAtHighOrAbove() throws Exception {
        assertFindings("signal.yaml",
                Set.of("UNVERIFIABLE-KEY-DIRECTORY@direct-chat low", "UNVERIFIABLE-KEY-DIRECTORY@group-chat low",
                        "METADATA-EXPOSURE@account-metadata info", "METADATA-EXPOSURE@delivery-metadata info",
                        "ENCLAVE-HARDWARE@svr-enclave low"),
                Set.of("CONTACT-CONTROLS@message-requests preserves",
                        "LAWFUL-METADATA-DISCLOSURE@lawful-metadata-disclosure preserves"));
        Review r = review("signal.yaml");
        E2eeAssertions.assertNotWeakened(r);
        assertThat(r.verdict()).isEqualTo(Review.Verdict.NOT_WEAKENED);
        assertThat(r.access()).as("only a key swap that safety numbers and alerts would show").allSatisfy(a -> {
            assertThat(a.party()).isEqualTo("signal");
            assertThat(a.detectable()).isTrue();
        });
        assertThat(finding(r, "UNVERIFIABLE-KEY-DIRECTORY@direct-chat").safeguards()).extracting(s -> s.name())
                .containsExactly("safety-numbers", "key-change-alerts");
    }

    /** WhatsApp's safety features; the ghost proposal keeps them all and adds exceptional access. */
    static final Set<String> WHATSAPP_FEATURES = Set.of("CONTACT-CONTROLS@contact-controls preserves",
            "FORWARDING-LIMITS@forwarding-limits preserves",
            "LAWFUL-METADATA-DISCLOSURE@lawful-metadata-disclosure preserves",
            "METADATA-ABUSE-DETECTION@metadata-abuse-detection preserves",
            "REPORT-WITH-CONTEXT@report-with-context preserves",
            "SCAN-UNENCRYPTED-SURFACES@scan-unencrypted-surfaces preserves",
            "TRANSPARENT-ACCOUNT-ACTION@account-enforcement preserves");

    /** Findings both WhatsApp and the ghost proposal give: the ghost change touches none of them. */
    static final Set<String> WHATSAPP_SHARED = Set.of("PROVIDER-KEYED-BACKUP@chat-backup high",
            "METADATA-EXPOSURE@group-metadata low", "METADATA-EXPOSURE@delivery-metadata info",
            "TARGETED-UPDATE@web-client low", "UNVERIFIABLE-KEY-DIRECTORY@direct-chat low",
            "UNVERIFIABLE-KEY-DIRECTORY@group-chat low", "UNVERIFIABLE-KEY-DIRECTORY@group-call low");

    static Set<String> union(Set<String> a, String... more) {
        Set<String> out = new java.util.HashSet<>(a);
        out.addAll(List.of(more));
        return out;
    }

    @Test
    void whatsappHasServerControlledGroupsAndCloudKeyedBackups() throws Exception {
        assertFindings("whatsapp.yaml",
                union(WHATSAPP_SHARED, "SERVER-CONTROLLED-MEMBERSHIP@group-chat high",
                        "SERVER-CONTROLLED-MEMBERSHIP@group-call high"),
                WHATSAPP_FEATURES);
        Review r = review("whatsapp.yaml");
        Finding backup = finding(r, "PROVIDER-KEYED-BACKUP@chat-backup");
        assertThat(backup.readers()).containsExactly("apple", "google");
        assertThat(backup.condition()).isEqualTo(org.e2eereview.model.Flow.Occurs.OPT_IN);
        Finding groups = finding(r, "SERVER-CONTROLLED-MEMBERSHIP@group-chat");
        assertThat(groups.readers()).containsExactly("whatsapp");
        assertThat(groups.safeguards()).extracting(s -> s.name()).contains("user-visible-indicators");
        Finding web = finding(r, "TARGETED-UPDATE@web-client");
        assertThat(web.safeguards()).extracting(s -> s.name()).containsExactly("binary-transparency");
        assertThat(r.disclosures()).extracting(a -> a.conversation() + " " + a.party())
                .contains("direct-chat whatsapp", "group-chat whatsapp");
    }

    @Test
    void theGhostProposalLetsLawEnforcementReadGroupsSilently() throws Exception {
        assertFindings("ghost-proposal.yaml",
                union(WHATSAPP_SHARED, "GHOST-PARTICIPANT@group-chat critical", "GHOST-PARTICIPANT@group-call critical"),
                union(WHATSAPP_FEATURES, "EXCEPTIONAL-CONTENT-ACCESS@law-enforcement weakens"));
        Review r = review("ghost-proposal.yaml");
        Finding ghost = finding(r, "GHOST-PARTICIPANT@group-chat");
        assertThat(ghost.readers()).containsExactly("law-enforcement", "whatsapp");
        assertThat(ghost.systemic()).isTrue();
        assertThat(ghost.reads()).anySatisfy(read -> {
            assertThat(read.party()).isEqualTo("law-enforcement");
            assertThat(read.condition()).isEqualTo(org.e2eereview.model.Flow.Occurs.ON_LEGAL_ORDER);
            assertThat(read.through()).containsExactly("whatsapp");
        });
        assertThat(ghost.evidence()).anySatisfy(c -> {
            assertThat(c.title()).isEqualTo("law-enforcement can read group-chat (on a legal order, through whatsapp)");
            assertThat(c.steps().get(0).text()).isEqualTo("law-enforcement can compel whatsapp (data-disclosure, add-participant)");
            assertThat(c.steps()).anyMatch(s -> s.text().equals("changes-shown: suppressible")
                    && Repo.relative(s.at().toString()).equals("examples/ghost-proposal.yaml:255:22"));
        });
        var lawful = r.objectives().stream().filter(o -> o.objective().equals("lawful-access-to-content")).findFirst().orElseThrow();
        assertThat(lawful.metWithoutWeakening()).isFalse();
        assertThat(lawful.onlyThrough()).singleElement().satisfies(t -> assertThat(t.weakenings())
                .contains("GHOST-PARTICIPANT@group-call", "GHOST-PARTICIPANT@group-chat")
                .doesNotContain("the KEY-ESCROW pattern"));
    }

    @Test
    void appleScanningIsClientSideScanningAndCommunicationSafetyIsNot() throws Exception {
        assertFindings("apple-2021-csam-scanning.yaml",
                Set.of("CLIENT-SIDE-SCANNING@csam-detection high", "NO-FORWARD-SECRECY@imessage-chat medium"),
                Set.of("CSS-REPORTING@csam-detection weakens", "ON-DEVICE-INTERVENTION@communication-safety preserves"));
        Review r = review("apple-2021-csam-scanning.yaml");
        assertThat(finding(r, "CLIENT-SIDE-SCANNING@csam-detection").readers())
                .as("the scanner is why Apple and the hotline learn about photos").containsExactly("apple", "ncmec");
        assertThat(r.notes()).anySatisfy(n -> assertThat(n.message())
                .startsWith("feature 'csam-human-review' (account-enforcement) is not recognised as a safety feature"));
    }

    @Test
    void telegramCloudChatsAreNotEndToEndEncryptedByDefault() throws Exception {
        assertFindings("telegram-cloud-chats.yaml",
                Set.of("PROVIDER-PLAINTEXT@cloud-chat high", "PROVIDER-PLAINTEXT@cloud-group high",
                        "SERVER-LINK-PREVIEW@fetch-preview medium", "METADATA-EXPOSURE@group-metadata low",
                        "METADATA-EXPOSURE@metadata info"),
                Set.of());
        Review r = review("telegram-cloud-chats.yaml");
        assertThat(r.verdict()).isEqualTo(Review.Verdict.NOT_END_TO_END_BY_DEFAULT);
        assertThat(r.notEndToEndByDefault()).containsExactly("cloud-chat", "cloud-group");
        assertThat(r.failsAt(Severity.HIGH)).isTrue();
        Finding cloud = finding(r, "PROVIDER-PLAINTEXT@cloud-chat");
        assertThat(cloud.readers()).containsExactly("telegram");
        assertThat(cloud.disclosed()).singleElement().satisfies(d -> assertThat(d.party()).isEqualTo("telegram"));
        assertThat(r.explaining("cloud-chat", "telegram")).extracting(Finding::id)
                .containsExactlyInAnyOrder("PROVIDER-PLAINTEXT@cloud-chat", "SERVER-LINK-PREVIEW@fetch-preview");
    }

    /**
     * Clear: one key of the phones' maker opens every phone's unlock secret; the police, with a warrant
     * and the phone, have the maker decrypt it and never hold the key. Read only with the device in hand.
     */
    @Test
    void clearIsAMasterKeyReadWithTheDeviceInHandThroughTheMaker() throws Exception {
        assertFindings("clear-device-escrow.yaml",
                Set.of("MASTER-KEY@clear-key high", "UNVERIFIABLE-KEY-DIRECTORY@chat medium"),
                Set.of("EXCEPTIONAL-CONTENT-ACCESS@police weakens"));
        Review r = review("clear-device-escrow.yaml");
        Finding master = finding(r, "MASTER-KEY@clear-key");
        assertThat(master.readers()).containsExactly("phone-maker", "police");
        assertThat(master.reads()).allSatisfy(read ->
                assertThat(read.condition()).isEqualTo(org.e2eereview.model.Flow.Occurs.WITH_DEVICE));
        assertThat(master.message()).contains("police can have what it opens decrypted by compelling it, without holding it");
        assertThat(r.analysis().holders("clear-key")).containsOnlyKeys("phone-maker");
        assertThat(r.weakenings()).noneMatch(w -> w.finding().rule().equals("KEY-ESCROW"));
    }

    @Test
    void keyEscrowIsEscrowWithBothAgentsOnALegalOrder() throws Exception {
        assertFindings("key-escrow.yaml",
                Set.of("KEY-ESCROW@unit-key critical", "NO-FORWARD-SECRECY@secure-call high",
                        "WEAK-CRYPTO@family-key medium", "WEAK-CRYPTO@session-key medium", "WEAK-CRYPTO@unit-key medium",
                        "METADATA-EXPOSURE@call-records info", "METADATA-EXPOSURE@unit-id info"),
                Set.of("EXCEPTIONAL-CONTENT-ACCESS@law-enforcement weakens",
                        "LAWFUL-METADATA-DISCLOSURE@wiretap-metadata preserves"));
        Finding escrow = finding(review("key-escrow.yaml"), "KEY-ESCROW@unit-key");
        assertThat(escrow.readers()).containsExactly("law-enforcement");
        assertThat(escrow.reads()).singleElement().satisfies(read -> {
            assertThat(read.condition()).isEqualTo(org.e2eereview.model.Flow.Occurs.ON_LEGAL_ORDER);
            assertThat(read.through()).containsExactly("escrow-agent-a", "escrow-agent-b");
        });
    }

    @Test
    void matrixHomeserversControlRoomsAndDevices() throws Exception {
        assertFindings("matrix-megolm.yaml",
                Set.of("SERVER-CONTROLLED-MEMBERSHIP@room high", "SILENT-DEVICE-ADD@room high",
                        "UNVERIFIABLE-KEY-DIRECTORY@room high", "NO-FORWARD-SECRECY@room medium",
                        "METADATA-EXPOSURE@room-state low", "METADATA-EXPOSURE@event-metadata info"),
                Set.of());
    }

    @Test
    void mlsWithKeyTransparencyHasNothingAboveLow() throws Exception {
        assertFindings("mls-key-transparency.yaml", Set.of("UNVERIFIABLE-KEY-DIRECTORY@mls-group low",
                "METADATA-EXPOSURE@delivery-metadata info"), Set.of());
        E2eeAssertions.assertNotWeakened(review("mls-key-transparency.yaml"));
    }

    @Test
    void iMessageStandardBackupIsProviderKeyed() throws Exception {
        assertFindings("imessage-standard-backup.yaml",
                Set.of("PROVIDER-KEYED-BACKUP@device-backup critical", "INSECURE-FALLBACK@imessage-chat high",
                        "SILENT-DEVICE-ADD@imessage-chat high", "UNVERIFIABLE-KEY-DIRECTORY@imessage-chat high",
                        "METADATA-EXPOSURE@delivery-metadata info"),
                Set.of("EXCEPTIONAL-CONTENT-ACCESS@law-enforcement weakens"));
        Review r = review("imessage-standard-backup.yaml");
        assertThat(finding(r, "PROVIDER-KEYED-BACKUP@device-backup").readers()).contains("apple", "law-enforcement");
        assertThat(finding(r, "INSECURE-FALLBACK@imessage-chat").readers()).containsExactly("carrier");
    }

    @Test
    void pgpAdditionalDecryptionKeyIsOneMasterKeyFinding() throws Exception {
        assertFindings("pgp-additional-decryption-key.yaml",
                Set.of("MASTER-KEY@adk critical", "NO-FORWARD-SECRECY@email-thread high",
                        "SILENT-DEVICE-ADD@email-thread high", "UNVERIFIABLE-KEY-DIRECTORY@email-thread medium",
                        "METADATA-EXPOSURE@email-headers info"),
                Set.of("EXCEPTIONAL-CONTENT-ACCESS@law-enforcement weakens"));
        assertThat(finding(review("pgp-additional-decryption-key.yaml"), "MASTER-KEY@adk").readers())
                .containsExactlyInAnyOrder("company", "law-enforcement");
    }

    private static List<String> body(String name) throws IOException {
        return Files.readAllLines(Repo.file("examples").resolve(name)).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
}
