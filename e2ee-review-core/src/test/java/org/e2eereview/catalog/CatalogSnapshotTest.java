package org.e2eereview.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.e2eereview.catalog.Entries.Proposal;
import org.e2eereview.load.Bundled;
import org.e2eereview.load.Digests;
import org.e2eereview.load.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * The snapshot of the bundled catalog that the build writes (process-classes) is the catalog its
 * YAML gives, and it is used only while it is.
 */
class CatalogSnapshotTest {

    private static final Map<String, byte[]> FILES = Bundled.yamlFiles("catalog");

    @Test
    void theBuildWroteOneForTheCatalogAsItIs() {
        assertThat(Catalog.fromSnapshot(Digests.sha256(FILES))).as("the build step ran: mvn process-classes").isNotNull();
    }

    @Test
    void itHoldsWhatTheYamlGives() throws Exception {
        Catalog yaml = Catalog.load(FILES);
        Catalog snapshot = Catalog.fromSnapshot(Digests.sha256(FILES));
        assertThat(snapshot.digest()).isEqualTo(yaml.digest());
        assertThat(snapshot.weakenings()).isEqualTo(yaml.weakenings());
        assertThat(snapshot.safetyFeatures()).isEqualTo(yaml.safetyFeatures());
        assertThat(snapshot.objectives()).isEqualTo(yaml.objectives());
        assertThat(snapshot.references()).isEqualTo(yaml.references());
        assertThat(snapshot.safeguards()).isEqualTo(yaml.safeguards());
        assertThat(snapshot.safeguards().keySet()).as("file order").containsExactlyElementsOf(yaml.safeguards().keySet());
        assertThat(snapshot.proposals().keySet()).containsExactlyElementsOf(yaml.proposals().keySet());
        for (Proposal p : yaml.proposals().values()) {
            Proposal s = snapshot.proposals().get(p.id());
            // A patch has no equality of its own: the rest of the record, then the patch as text.
            assertThat(s).usingRecursiveComparison().ignoringFields("patch").isEqualTo(p);
            assertThat(s.patch().toString()).isEqualTo(p.patch().toString());
            assertThat(s.patch().placeholders()).isEqualTo(p.patch().placeholders());
        }
    }

    @Test
    void aStaleOneIsNotUsed() {
        assertThat(Catalog.fromSnapshot("the digest of other catalog files")).isNull();
    }

    @Test
    void itIsWrittenAgainByteForByte() throws Exception {
        Catalog yaml = Catalog.load(FILES);
        byte[] once = Snapshot.write(yaml.parts(), Catalog.Parts.class);
        Catalog.Parts back = Snapshot.read(once, Catalog.Parts.class);
        assertThat(Snapshot.write(back, Catalog.Parts.class)).isEqualTo(once);
    }
}
