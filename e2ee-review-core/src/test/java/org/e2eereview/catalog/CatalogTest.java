package org.e2eereview.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.e2eereview.catalog.Entries.SafetyFeature;
import org.e2eereview.load.Bundled;
import org.e2eereview.load.InputException;
import org.e2eereview.rules.Startup;
import org.junit.jupiter.api.Test;

class CatalogTest {

    @Test
    void bundledCatalogCoversTablesAAndBAndTheObjectives() {
        Catalog c = Startup.catalog();
        assertThat(c.weakenings().keySet()).containsExactlyInAnyOrder("KEY-ESCROW", "MASTER-KEY",
                "GHOST-PARTICIPANT", "SERVER-CONTROLLED-MEMBERSHIP", "SILENT-DEVICE-ADD",
                "UNVERIFIABLE-KEY-DIRECTORY", "CLIENT-SIDE-SCANNING", "PROVIDER-PLAINTEXT", "ORIGINATOR-TRACEABILITY",
                "PROVIDER-KEYED-BACKUP", "WEAK-RECOVERY-SECRET", "PLAINTEXT-PUSH", "SERVER-LINK-PREVIEW",
                "INSECURE-FALLBACK", "TARGETED-UPDATE", "PLAINTEXT-EGRESS", "NO-FORWARD-SECRECY", "WEAK-CRYPTO",
                "METADATA-EXPOSURE", "OUTSIDE-READER", "ENCLAVE-IMAGE", "ENCLAVE-HARDWARE", "PARENT-NOTICE-SCANNING");
        assertThat(c.safetyFeatures()).hasSize(14);
        assertThat(c.objectives().keySet()).containsExactlyInAnyOrder("act-against-illegal-content",
                "investigation-and-prosecution", "lawful-access-to-content", "consultation");
    }

    @Test
    void featuresThatWeakenPointToTheirWeakening() {
        Catalog c = Startup.catalog();
        assertThat(c.safetyFeatures().get("CSS-REPORTING").preservesE2ee()).isEqualTo(Preserves.NO);
        assertThat(c.safetyFeatures().get("CSS-REPORTING").weakening()).isEqualTo("CLIENT-SIDE-SCANNING");
        assertThat(c.safetyFeatures().get("ORIGINATOR-TRACING").weakening()).isEqualTo("ORIGINATOR-TRACEABILITY");
        assertThat(c.safetyFeatures().get("VERIFIABLE-REPORTING").preservesE2ee()).isEqualTo(Preserves.YES);
    }

    @Test
    void legalProvisionsNamedByTheIssueAreCited() {
        Catalog c = Startup.catalog();
        assertThat(c.weakenings().get("GHOST-PARTICIPANT").legal()).anyMatch(l -> l.provision().contains("s317ZG(3)"));
        assertThat(c.weakenings().get("KEY-ESCROW").legal()).anyMatch(l -> l.provision().contains("s317ZG(2)"));
        assertThat(c.weakenings().get("PROVIDER-KEYED-BACKUP").legal()).anyMatch(l -> l.provision().contains("s253"));
        assertThat(c.weakenings().get("CLIENT-SIDE-SCANNING").legal())
                .anyMatch(l -> l.provision().contains("s121"))
                .anyMatch(l -> l.provision().contains("7"));
        assertThat(c.weakenings().get("ORIGINATOR-TRACEABILITY").legal()).anyMatch(l -> l.provision().contains("4(2)"));
    }

    @Test
    void everyEntryCitesAReferenceWithATitle() {
        Catalog c = Startup.catalog();
        c.weakenings().values().forEach(w -> assertThat(w.references()).as(w.id()).isNotEmpty());
        c.safetyFeatures().values().forEach(s -> assertThat(s.references()).as(s.id()).isNotEmpty());
        c.references().values().forEach(r -> assertThat(r.title()).as(r.key()).isNotBlank());
    }

    /** The submission names features by these words to a reader who knows neither ids nor cryptography. */
    @Test
    void everySafetyFeatureSaysInPlainWordsWhatItIs() {
        for (SafetyFeature f : Startup.catalog().safetyFeatures().values()) {
            assertThat(f.inWords()).as(f.id()).isNotBlank().isNotEqualToIgnoringCase(f.title())
                    .matches("[a-z][^.]*[^.]").doesNotContainPattern("[A-Z]{2,}-[A-Z]{2,}");
        }
        Map<String, byte[]> files = new TreeMap<>(Bundled.yamlFiles("catalog"));
        String text = new String(files.get("catalog/safety-features/FORWARDING-LIMITS.yaml"), StandardCharsets.UTF_8);
        String without = text.replaceFirst("(?m)^in-words: .*\n", "");
        assertThat(without).isNotEqualTo(text);
        files.put("catalog/safety-features/FORWARDING-LIMITS.yaml", without.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Catalog.load(files)).isInstanceOf(InputException.class)
                .hasMessageContaining("catalog/safety-features/FORWARDING-LIMITS.yaml:").hasMessageContaining("in-words");
    }

    @Test
    void anUnknownReferenceIsALocatedError() {
        Map<String, byte[]> files = new TreeMap<>(Bundled.yamlFiles("catalog"));
        String ghost = new String(files.get("catalog/weakenings/GHOST-PARTICIPANT.yaml"), StandardCharsets.UTF_8);
        files.put("catalog/weakenings/GHOST-PARTICIPANT.yaml",
                ghost.replace("- ref: OL19", "- ref: OL91").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Catalog.load(files)).isInstanceOf(InputException.class)
                .hasMessageContaining("catalog/weakenings/GHOST-PARTICIPANT.yaml:")
                .hasMessageContaining("unknown reference 'OL91'");
    }

    @Test
    void everyReferenceCanBeFoundByItsUrlOrByAuthorsDateAndWhereItAppeared() {
        for (var r : Startup.catalog().references().values()) {
            if (r.url() == null) {
                assertThat(List.of(String.valueOf(r.authors()), String.valueOf(r.date()), String.valueOf(r.publishedIn())))
                        .as(r.key()).doesNotContain("null");
            }
        }
        Map<String, byte[]> files = new TreeMap<>(Bundled.yamlFiles("catalog"));
        String refs = new String(files.get("catalog/references.yaml"), StandardCharsets.UTF_8);
        String withoutUrl = refs.replace(
                "    url: https://www.beehive.govt.nz/release/international-statement-end-end-encryption-and-public-safety\n", "");
        assertThat(withoutUrl).isNotEqualTo(refs);
        files.put("catalog/references.yaml", withoutUrl.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Catalog.load(files)).isInstanceOf(InputException.class)
                .hasMessageContaining("catalog/references.yaml:")
                .hasMessageContaining("reference 'IS20' has no url and no published-in");
    }

    /** A page whose address is dated (".../2026/01/...") was published then: its entry must not say otherwise. */
    @Test
    void aReferenceDatedInItsAddressHasThatDate() {
        java.util.regex.Pattern dated = java.util.regex.Pattern.compile("/((?:19|20)\\d\\d)/(0[1-9]|1[0-2])/");
        int checked = 0;
        for (var r : Startup.catalog().references().values()) {
            java.util.regex.Matcher m = r.url() == null ? null : dated.matcher(r.url());
            if (m == null || !m.find()) continue;
            checked++;
            assertThat(String.valueOf(r.date())).as(r.key() + " " + r.url()).startsWith(m.group(1) + "-" + m.group(2));
        }
        assertThat(checked).as("references with a dated address").isGreaterThan(5);
    }

    @Test
    void aMaintainerNoteIsReadButKeptOutOfTheRecords() throws Exception {
        Map<String, byte[]> files = new TreeMap<>(Bundled.yamlFiles("catalog"));
        String ghost = new String(files.get("catalog/weakenings/GHOST-PARTICIPANT.yaml"), StandardCharsets.UTF_8);
        files.put("catalog/weakenings/GHOST-PARTICIPANT.yaml", ghost.replaceFirst("(?m)^(  - ref: OL19\n)",
                "$1    maintainer-note: SECRET-NOTE checked against the letter only.\n").getBytes(StandardCharsets.UTF_8));
        Catalog c = Catalog.load(files);
        assertThat(c.weakenings().get("GHOST-PARTICIPANT").references().toString()).doesNotContain("SECRET-NOTE");
        files.put("catalog/weakenings/GHOST-PARTICIPANT.yaml", ghost.replaceFirst("(?m)^(  - ref: OL19\n)",
                "$1    maintainer-notes: a misspelt field is an error\n").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Catalog.load(files)).hasMessageContaining("maintainer-notes");
    }

    @Test
    void aBindingOnAPlaceholderNotBoundIsALocatedError() {
        Map<String, byte[]> files = new TreeMap<>(Bundled.yamlFiles("catalog"));
        String backup = new String(files.get("catalog/proposals/default-backup.yaml"), StandardCharsets.UTF_8);
        String misnamed = backup.replace("    on: client\n", "    on: clients\n");
        assertThat(misnamed).isNotEqualTo(backup);
        files.put("catalog/proposals/default-backup.yaml", misnamed.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Catalog.load(files)).isInstanceOf(InputException.class)
                .hasMessageContaining("catalog/proposals/default-backup.yaml:")
                .hasMessageContaining("'content' is on 'clients', which is not bound");
    }

    @Test
    void aMisnamedFileIsAnError() {
        Map<String, byte[]> files = new TreeMap<>(Bundled.yamlFiles("catalog"));
        files.put("catalog/weakenings/OTHER.yaml", files.get("catalog/weakenings/KEY-ESCROW.yaml"));
        assertThatThrownBy(() -> Catalog.load(files)).hasMessageContaining("does not match the file name 'OTHER'");
    }

    @Test
    void everySafeguardSaysWhetherItPreventsOrOnlyMakesVisibleAsTheAnalysisTreatsIt() {
        Catalog c = Startup.catalog();
        for (org.e2eereview.model.Safeguard s : org.e2eereview.model.Safeguard.values()) {
            assertThat(c.safeguards().get(s.yamlName())).as(s.yamlName()).isNotNull()
                    .satisfies(e -> assertThat(e.effect()).isEqualTo(s.effect()));
        }
        Map<String, byte[]> files = new TreeMap<>(Bundled.yamlFiles("catalog"));
        String text = new String(files.get("catalog/safeguards.yaml"), StandardCharsets.UTF_8);
        files.put("catalog/safeguards.yaml", text.replaceFirst("(key-transparency:\\n    title: Key transparency\\n    effect:) detects",
                "$1 prevents").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Catalog.load(files))
                .hasMessageContaining("safeguard 'key-transparency' detects in the analysis, not what this entry says");
    }
}
