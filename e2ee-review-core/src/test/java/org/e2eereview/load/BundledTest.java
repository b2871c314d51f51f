package org.e2eereview.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.e2eereview.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundled files are read only through the build's index, under the project's package path, whole or not at all. */
class BundledTest {

    @TempDir
    Path tmp;

    @Test
    void everyFileOfTheProjectsBundledFoldersIsReadAsItIsInTheProject() throws Exception {
        for (String folder : List.of("catalog", "rules", "report-templates")) {
            Map<String, byte[]> project = new TreeMap<>();
            Path top = Repo.file(folder);
            try (Stream<Path> files = Files.walk(top)) {
                for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    project.put(folder + "/" + top.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
            Map<String, byte[]> bundled = Bundled.files(folder);
            assertThat(bundled.keySet()).as(folder).containsExactlyElementsOf(project.keySet());
            project.forEach((name, bytes) -> assertThat(bundled.get(name)).as(name).isEqualTo(bytes));
        }
        assertThat(Bundled.yamlFiles("rules").keySet()).allMatch(n -> n.startsWith("rules/") && n.endsWith(".yaml"));
    }

    @Test
    void aJarIsReadByItsIndex() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("rules/A.yaml", "id: A\n");
        files.put("rules/B.yaml", "id: B\n");
        files.put("catalog/C.yaml", "id: C\n");
        Path jar = jar("indexed.jar", files, index(files), Map.of());
        assertThat(Bundled.fromJar(jar, "rules")).containsOnlyKeys("rules/A.yaml", "rules/B.yaml");
        assertThat(new String(Bundled.fromJar(jar, "rules").get("rules/B.yaml"), StandardCharsets.UTF_8)).isEqualTo("id: B\n");
    }

    @Test
    void aJarWithoutAnIndexOrWithAFolderItDoesNotListIsAnError() throws Exception {
        Map<String, String> files = Map.of("rules/A.yaml", "id: A\n");
        assertThatThrownBy(() -> Bundled.fromJar(jar("plain.jar", files, null, Map.of()), "rules"))
                .isInstanceOf(IOException.class).hasMessageContaining("has no " + Bundled.INDEX);
        assertThatThrownBy(() -> Bundled.fromJar(jar("no-catalog.jar", files, index(files), Map.of()), "catalog"))
                .isInstanceOf(IOException.class).hasMessageContaining("lists no catalog files");
    }

    @Test
    void aFileTheIndexNamesThatIsMissingChangedOrExtraIsAnError() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("rules/A.yaml", "id: A\n");
        files.put("rules/GONE.yaml", "id: GONE\n");
        String index = index(files);
        files.remove("rules/GONE.yaml");
        assertThatThrownBy(() -> Bundled.fromJar(jar("missing.jar", files, index, Map.of()), "rules"))
                .isInstanceOf(IOException.class).hasMessageContaining("GONE");
        Map<String, String> changed = Map.of("rules/A.yaml", "id: A\n");
        String changedIndex = index(changed);
        assertThatThrownBy(() -> Bundled.fromJar(jar("changed.jar", Map.of("rules/A.yaml", "id: EVIL\n"), changedIndex,
                Map.of()), "rules")).isInstanceOf(IOException.class).hasMessageContaining("digest");
        String shortCount = changedIndex.replace("#folder rules 1 ", "#folder rules 2 ");
        assertThatThrownBy(() -> Bundled.fromJar(jar("count.jar", changed, shortCount, Map.of()), "rules"))
                .isInstanceOf(IOException.class).hasMessageContaining("2 listed");
    }

    @Test
    void filesOutsideThePackagePathAreNeverRead() throws Exception {
        Map<String, String> files = Map.of("rules/A.yaml", "id: A\n");
        // A team's own rules/ at the top of a jar, as a test-resources folder would put it.
        Path jar = jar("shadow.jar", files, index(files), Map.of("rules/A.yaml", "id: SHADOW\n", "rules/X.yaml", "id: X\n"));
        assertThat(Bundled.fromJar(jar, "rules")).containsOnlyKeys("rules/A.yaml");
        assertThat(new String(Bundled.fromJar(jar, "rules").get("rules/A.yaml"), StandardCharsets.UTF_8)).isEqualTo("id: A\n");
    }

    private static String index(Map<String, String> files) {
        Map<String, Map<String, byte[]>> byFolder = new TreeMap<>();
        files.forEach((name, text) -> byFolder.computeIfAbsent(name.substring(0, name.indexOf('/')), x -> new TreeMap<>())
                .put(name, text.getBytes(StandardCharsets.UTF_8)));
        StringBuilder out = new StringBuilder();
        byFolder.forEach((folder, fs) -> {
            out.append("#folder ").append(folder).append(' ').append(fs.size()).append(' ').append(Digests.sha256(fs)).append('\n');
            fs.keySet().forEach(n -> out.append(n).append('\n'));
        });
        return out.toString();
    }

    private Path jar(String name, Map<String, String> bundled, String index, Map<String, String> topLevel) throws IOException {
        Path jar = tmp.resolve(name);
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os)) {
            for (var f : topLevel.entrySet()) {
                out.putNextEntry(new JarEntry(f.getKey()));
                out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
            }
            for (var f : bundled.entrySet()) {
                out.putNextEntry(new JarEntry(Bundled.ROOT + f.getKey()));
                out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
            }
            if (index != null) {
                out.putNextEntry(new JarEntry(Bundled.INDEX));
                out.write(index.getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }
}
