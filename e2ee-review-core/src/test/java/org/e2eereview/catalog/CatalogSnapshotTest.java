package org.e2eereview.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.e2eereview.catalog.Entries.Proposal;
import org.e2eereview.load.Bundled;
import org.e2eereview.load.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * A catalog's snapshot, the form the build writes the bundled one in (process-classes), holds the
 * catalog its YAML gives; whether the build's is used is StartupTest's.
 */
class CatalogSnapshotTest {

    private static final Map<String, byte[]> FILES = Bundled.yamlFiles("catalog");

    @Test
    void itHoldsWhatTheYamlGives() throws Exception {
        Catalog yaml = Catalog.load(FILES);
        Catalog snapshot = Catalog.fromSnapshot(yaml.snapshot());
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
    void recordsOfAnotherShapeAreNotRead() throws Exception {
        assertThat(Catalog.fromSnapshot(Snapshot.write(new Entries.Citation("ref", "1", "a fact"), Entries.Citation.class)))
                .isNull();
    }

    @Test
    void itIsWrittenAgainByteForByte() throws Exception {
        Catalog yaml = Catalog.load(FILES);
        byte[] once = Snapshot.write(yaml.parts(), Catalog.Parts.class);
        Catalog.Parts back = Snapshot.read(once, Catalog.Parts.class);
        assertThat(Snapshot.write(back, Catalog.Parts.class)).isEqualTo(once);
    }
}
