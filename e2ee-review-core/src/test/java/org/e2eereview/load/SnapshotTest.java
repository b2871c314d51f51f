package org.e2eereview.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The binary form the build writes the bundled catalog in: what goes in comes out, or nothing does. */
class SnapshotTest {

    enum Colour { RED, GREEN }

    record Leaf(String text, Integer maybe, int count, boolean flag, Colour colour) {
    }

    record Tree(String name, List<Leaf> leaves, Map<String, Leaf> byName, List<String> words, YamlPatch patch) {
    }

    record Other(String name, List<Leaf> leaves) {
    }

    private static Tree sample() throws InputException {
        Map<String, Leaf> byName = new LinkedHashMap<>();
        // Written order, not sorted: a map comes back in the order it went in.
        byName.put("zeta", new Leaf("last ü 🔑", null, -3, true, Colour.GREEN));
        byName.put("alpha", new Leaf("", 7, 0, false, null));
        byte[] patch = "id: P\npatch:\n  parties:\n    $who:\n      name: x\n".getBytes(StandardCharsets.UTF_8);
        return new Tree("root", List.of(new Leaf(null, 1, 2, true, Colour.RED)), byName, List.of("a", "b"),
                YamlPatch.read("catalog/proposals/P.yaml", patch, "patch"));
    }

    @Test
    void whatIsWrittenIsReadBackEqualInOrder() throws Exception {
        Tree tree = sample();
        Tree back = Snapshot.read(Snapshot.write(tree, Tree.class), Tree.class);
        assertThat(back.name()).isEqualTo("root");
        assertThat(back.leaves()).isEqualTo(tree.leaves());
        assertThat(back.byName()).isEqualTo(tree.byName());
        assertThat(back.byName().keySet()).containsExactly("zeta", "alpha");
        assertThat(back.words()).containsExactly("a", "b");
        assertThat(back.patch().file()).isEqualTo("catalog/proposals/P.yaml");
        assertThat(back.patch().placeholders()).containsExactly("who");
        assertThat(back.patch().toString()).isEqualTo(tree.patch().toString());
        assertThat(Snapshot.write(back, Tree.class)).as("the same bytes again").isEqualTo(Snapshot.write(tree, Tree.class));
    }

    @Test
    void whatIsReadCannotBeChanged() throws Exception {
        Tree back = Snapshot.read(Snapshot.write(sample(), Tree.class), Tree.class);
        assertThatThrownBy(() -> back.words().add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> back.byName().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void bytesWrittenForAnotherShapeAreRefused() throws Exception {
        byte[] bytes = Snapshot.write(new Other("x", List.of()), Other.class);
        assertThat(Snapshot.read(bytes, Tree.class)).isNull();
        assertThat(Snapshot.signature(Tree.class)).contains("leaves:List<").contains("Colour{RED,GREEN,}")
                .isNotEqualTo(Snapshot.signature(Other.class));
    }

    @Test
    void damagedBytesFailAsAnInputProblemNotAsSomethingElse() throws Exception {
        byte[] bytes = Snapshot.write(sample(), Tree.class);
        assertThatThrownBy(() -> Snapshot.read(Arrays.copyOf(bytes, bytes.length - 5), Tree.class))
                .isInstanceOf(IOException.class);
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> Snapshot.read(longer, Tree.class)).isInstanceOf(IOException.class)
                .hasMessageContaining("damaged");
        // A byte changed inside a string still reads as a well-formed string: the checksum finds it.
        byte[] changed = bytes.clone();
        changed[bytes.length - 6] ^= 0x01;
        assertThatThrownBy(() -> Snapshot.read(changed, Tree.class)).isInstanceOf(IOException.class)
                .hasMessageContaining("damaged");
        assertThatThrownBy(() -> Snapshot.read(new byte[2], Tree.class)).isInstanceOf(IOException.class);
    }

    @Test
    void onlyDataCanBeWritten() {
        record WithObject(Object anything) {
        }
        assertThatThrownBy(() -> Snapshot.write(new WithObject("x"), WithObject.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be written");
    }
}
