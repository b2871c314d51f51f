package org.e2eereview.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundled files read from a jar: by the build's index, or by listing the jar when it has none. */
class BundledTest {

    @TempDir
    Path tmp;

    @Test
    void theBuildsIndexListsEveryBundledCatalogAndRuleFile() throws Exception {
        Path classes = Path.of("target/classes");
        String index = Files.readString(classes.resolve(Bundled.INDEX));
        Map<String, byte[]> catalog = Bundled.yamlFiles("catalog");
        Map<String, byte[]> rules = Bundled.yamlFiles("rules");
        assertThat(index.lines().toList()).containsExactlyElementsOf(
                java.util.stream.Stream.concat(catalog.keySet().stream(), rules.keySet().stream()).sorted().toList());
    }

    @Test
    void aJarIsReadByItsIndexOrWithoutOne() throws Exception {
        Path indexed = jar("indexed.jar", true, "rules/A.yaml", "rules/B.yaml", "rules/notes.txt", "catalog/C.yaml");
        assertThat(Bundled.fromJar(indexed, "rules")).containsOnlyKeys("rules/A.yaml", "rules/B.yaml");
        assertThat(new String(Bundled.fromJar(indexed, "rules").get("rules/B.yaml"), StandardCharsets.UTF_8))
                .isEqualTo("id: rules/B.yaml\n");
        Path plain = jar("plain.jar", false, "rules/A.yaml", "rules/B.yaml", "catalog/C.yaml");
        assertThat(Bundled.fromJar(plain, "catalog")).containsOnlyKeys("catalog/C.yaml");
    }

    @Test
    void anIndexThatNamesAMissingFileIsAnError() throws Exception {
        Path jar = tmp.resolve("broken.jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os)) {
            out.putNextEntry(new JarEntry(Bundled.INDEX));
            out.write("rules/GONE.yaml\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> Bundled.fromJar(jar, "rules")).isInstanceOf(IOException.class).hasMessageContaining("GONE");
    }

    private Path jar(String name, boolean withIndex, String... files) throws IOException {
        Path jar = tmp.resolve(name);
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os)) {
            for (String f : files) {
                out.putNextEntry(new JarEntry(f));
                out.write(("id: " + f + "\n").getBytes(StandardCharsets.UTF_8));
            }
            if (withIndex) {
                out.putNextEntry(new JarEntry(Bundled.INDEX));
                StringBuilder index = new StringBuilder();
                for (String f : files) if (f.endsWith(".yaml")) index.append(f).append('\n');
                out.write(index.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }
}
