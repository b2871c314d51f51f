package org.e2eereview.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.e2eereview.Repo;
import org.e2eereview.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken models: each must give exit code 2 and located one-line errors on stderr,
 * print nothing on stdout, show no stack trace and have no side effect.
 * The corpus is e2ee-review-core/src/test/resources/malformed/, with the first expected error of each file in expected.tsv.
 */
class MalformedInputTest {

    static final Path CORPUS = Repo.file("e2ee-review-core/src/test/resources/malformed");

    static Stream<Arguments> corpus() throws IOException {
        return Files.readAllLines(CORPUS.resolve("expected.tsv")).stream()
                .filter(l -> !l.isBlank())
                .map(l -> l.split("\t"))
                .map(c -> Arguments.of(c[0], c[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusFileIsRejectedWithALocatedError(String file, String expected) {
        Path path = CORPUS.resolve(file);
        assertRejected(path, path + ":" + expected);
    }

    @Test
    void corpusHasAtLeastThirtyFiles() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            assertThat(files.filter(p -> p.toString().endsWith(".yaml")).count()).isGreaterThanOrEqualTo(30);
        }
        assertThat(corpus().count()).isEqualTo(Files.list(CORPUS).filter(p -> p.toString().endsWith(".yaml")).count());
    }

    @Test
    void unsafeTagsInstantiateNothingAndCreateNoFile() {
        // Where a FileOutputStream the YAML named would have written: the current folder, whichever it is.
        Path marker = Path.of("e2ee-review-unsafe-marker.txt");
        int before = Canary.INSTANCES.get();
        for (String f : List.of("unsafe-canary.yaml", "unsafe-file-output-stream.yaml", "unsafe-script-engine.yaml")) {
            assertThat(Cli.run("validate", CORPUS.resolve(f).toString()).exitCode()).isEqualTo(2);
        }
        assertThat(Canary.INSTANCES.get()).isEqualTo(before);
        assertThat(marker).doesNotExist();
    }

    @Test
    void everyProblemOfAFileIsReportedInOnePassSorted() {
        Cli r = Cli.run("validate", CORPUS.resolve("many-errors.yaml").toString());
        String p = CORPUS.resolve("many-errors.yaml").toString();
        assertThat(r.err().lines().toList()).containsExactly(
                p + ":4:18: bad value 'usr' for 'kind' of party 'users': expected one of user, provider, "
                        + "cloud-vendor, os-vendor, law-enforcement, intelligence-agency, government, escrow-agent, "
                        + "child-safety-organisation, parent, organisation, hardware-vendor, third-party, attacker (did you mean 'user'?)",
                p + ":8:34: unknown party 'nobody' in 'run-by'",
                p + ":8:42: unknown field 'extra' in component 'relay'; allowed: kind, name, run-by, supplied-by, "
                        + "updates, transparency, attestation, code, description");
    }

    @Test
    void twentyThousandLevelsOfNesting(@TempDir Path dir) throws IOException {
        Path f = write(dir, "deep.yaml", "e2ee-review: 1\nsystem: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
        assertRejected(f, f + ":2:58: nesting too deep (limit 50 levels)");
    }

    @Test
    void deeplyNestedMappings(@TempDir Path dir) throws IOException {
        Path f = write(dir, "deep-map.yaml", "e2ee-review: 1\nsystem: " + "{a: ".repeat(20_000) + "1"
                + "}".repeat(20_000) + "\n");
        assertRejected(f, f + ":2:205: nesting too deep (limit 50 levels)");
    }

    @Test
    void aliasesCannotExpandTheDocumentBeyondItsBound(@TempDir Path dir) throws IOException {
        // Within the alias limit, yet 45 aliases of a 120,000-item list would be 5.4 million values.
        StringBuilder text = new StringBuilder("e2ee-review: 1\nbig: &big [").append("x,".repeat(120_000)).append("x]\n");
        text.append("copies: [").append("*big, ".repeat(44)).append("*big]\n");
        Path f = write(dir, "expanding.yaml", text.toString());
        Cli r = Cli.run("validate", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).matches(java.util.regex.Pattern.quote(f.toString())
                + ":2:\\d+: document expands to more than 5000000 nodes through aliases");
    }

    @Test
    void fiftyMegabyteFileIsRefusedBeforeReading(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("huge.yaml");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.write("e2ee-review: 1\n# ".getBytes(StandardCharsets.UTF_8));
            raf.setLength(50L * 1024 * 1024); // a sparse file: cheap to make, 50 MiB to read
        }
        assertRejected(f, f + ":1:1: file is too large: 50.0 MiB; the limit is 32 MiB");
    }

    @Test
    void invalidUtf8IsLocated(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("latin1.yaml");
        Files.write(f, bytes("e2ee-review: 1\nsystem: { name: \"caf", 0xE9, "\" }\n"));
        assertRejected(f, f + ":2:21: not UTF-8 text: byte 0xE9 cannot start or continue a character");
    }

    @Test
    void truncatedUtf8SequenceIsLocated(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("truncated.yaml");
        Files.write(f, bytes("e2ee-review: 1\n# \u00e9\u00e9 ok\nsystem: ", 0xC3));
        assertRejected(f, f + ":3:9: not UTF-8 text: byte 0xC3");
    }

    @Test
    void binaryFileIsRefused(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("image.yaml");
        Files.write(f, bytes("", 0x89, "PNG\r\n", 0x1A, "\n", 0x00, "", 0x00, "IHDR"));
        assertRejected(f, f + ":3:1: binary file: a NUL byte where YAML text was expected");
    }

    @Test
    void controlCharacterIsLocated(@TempDir Path dir) throws IOException {
        Path f = write(dir, "ctl.yaml", "e2ee-review: 1\nsystem: { name: \"a\u0001b\" }\n");
        assertRejected(f, f + ":2:19: control character U+0001 is not allowed in YAML text");
    }

    @Test
    void missingFileAndDirectory(@TempDir Path dir) {
        assertRejected(dir.resolve("nope.yaml"), dir.resolve("nope.yaml") + ": no such file");
        assertRejected(dir, dir + ": is a directory, not a model file");
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Builds bytes from strings (UTF-8) and ints (single raw bytes). */
    private static byte[] bytes(Object... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof Integer i) out.write(i);
            else out.writeBytes(((String) p).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static void assertRejected(Path file, String expectedFirstLine) {
        Cli r = Cli.run("validate", file.toString());
        assertThat(r.exitCode()).as("exit code").isEqualTo(2);
        assertThat(r.out()).as("stdout").isEmpty();
        List<String> lines = r.err().lines().toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines.get(0)).startsWith(expectedFirstLine);
        for (String line : lines) {
            assertThat(line).as("every error names its file and position")
                    .startsWith(file.toString() + ":")
                    .doesNotContain("Exception", "\tat ");
        }
    }
}
