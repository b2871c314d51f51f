package org.e2eereview.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.e2eereview.Repo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line distribution as the package step leaves it (docs/install.md), unpacked as a
 * user would: put on PATH, it runs from any folder and makes its start-up archive for the place it
 * was unpacked at its first run, and again when moved. Runs after package (failsafe), on the real
 * .tar.gz and .zip.
 */
class DistributionIT {

    @TempDir
    Path tmp;

    private Path tarGz;
    private Path zip;

    @BeforeEach
    void findTheArchives() throws IOException {
        try (Stream<Path> files = Files.list(Repo.file("e2ee-review-cli/target"))) {
            List<Path> dists = files.filter(p -> p.getFileName().toString().matches("e2ee-review-.+-dist\\.(tar\\.gz|zip)"))
                    .sorted().toList();
            assertThat(dists).as("the package step's distribution archives").hasSize(2);
            tarGz = dists.get(0);
            zip = dists.get(1);
        }
    }

    @Test
    void unpackedAnywhereAndOnPathItReviewsFromAnyFolder() throws Exception {
        Shell sh = new Shell(tmp);
        assertThat(sh.run(List.of("tar", "xzf", tarGz.toAbsolutePath().toString())).exitCode()).isZero();
        Path home;
        try (Stream<Path> top = Files.list(tmp)) {
            home = top.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertThat(home.resolve("bin/e2ee-review")).isExecutable();
        assertThat(home.resolve("bin/e2ee-review.cmd")).isRegularFile();
        assertThat(home.resolve("lib/e2ee-review.jar")).isRegularFile();
        assertThat(home.resolve("lib/e2ee-review.classlist")).isRegularFile();
        assertThat(home.resolve("lib/e2ee-review.jsa")).as("made at first run, not shipped").doesNotExist();
        assertThat(home.resolve("README.md")).isRegularFile();
        assertThat(home.resolve("examples/ghost-proposal.yaml")).isRegularFile();

        Path elsewhere = Files.createDirectories(tmp.resolve("some/project"));
        Files.copy(home.resolve("examples/ghost-proposal.yaml"), elsewhere.resolve("design.yaml"));
        Shell there = new Shell(elsewhere);
        Map<String, String> path = Map.of("PATH", home.resolve("bin") + ":" + System.getenv("PATH"));
        // Found through PATH by the shell, as a user's shell finds it.
        Shell.Result review = there.run(List.of("bash", "-c", "e2ee-review review design.yaml"), path);
        assertThat(review.exitCode()).as(review.output()).isEqualTo(1);
        assertThat(review.output()).contains("CRITICAL GHOST-PARTICIPANT@group-chat");

        Path archive = home.resolve("lib/e2ee-review.jsa");
        assertThat(archive).as("the first run made the archive for this place").isRegularFile();
        assertThat(Files.readString(home.resolve("lib/e2ee-review.jsa.for"))).startsWith(
                home.toRealPath().resolve("lib/e2ee-review.jar") + " ");
        Shell.Result shared = there.run(List.of(ToolJar.java(), "-Xshare:on", "-XX:SharedArchiveFile=" + archive,
                "-jar", home.toRealPath().resolve("lib/e2ee-review.jar").toString(), "--version"));
        assertThat(shared.exitCode()).as("the JVM takes the archive: " + shared.output()).isZero();

        Path moved = Files.move(home, tmp.resolve("moved"));
        Shell.Result again = there.run(List.of(moved.resolve("bin/e2ee-review").toString(), "--version"));
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).startsWith("e2ee-review ");
        assertThat(Files.readString(moved.resolve("lib/e2ee-review.jsa.for"))).as("remade for the new place")
                .startsWith(moved.toRealPath().resolve("lib/e2ee-review.jar") + " ");
    }

    @Test
    void theZipHoldsWhatTheTarHolds() throws Exception {
        Shell sh = new Shell(tmp);
        Shell.Result listed = sh.run(List.of("tar", "tzf", tarGz.toAbsolutePath().toString()));
        assertThat(listed.exitCode()).isZero();
        List<String> inTar = listed.output().lines().filter(l -> !l.endsWith("/")).sorted().toList();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<String> inZip = z.stream().map(e -> e.getName()).filter(n -> !n.endsWith("/")).sorted().toList();
            assertThat(inZip).isEqualTo(inTar);
        }
    }

    /** A team that depends on the library gets each library once, at the version its build resolves. */
    @Test
    void theLibraryJarsHoldOnlyTheProjectsOwnClasses() throws Exception {
        for (String module : List.of("e2ee-review-core", "e2ee-review-junit5", "e2ee-review-archunit")) {
            Path jar;
            try (Stream<Path> files = Files.list(Repo.file(module).resolve("target"))) {
                jar = files.filter(p -> p.getFileName().toString().matches(module + "-[^-]+(-SNAPSHOT)?\\.jar"))
                        .findFirst().orElseThrow(() -> new AssertionError("no jar of " + module));
            }
            try (ZipFile z = new ZipFile(jar.toFile())) {
                assertThat(z.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")))
                        .as(jar.toString()).isNotEmpty().allMatch(n -> n.startsWith("org/e2eereview/"));
                assertThat(new String(z.getInputStream(z.getEntry("META-INF/MANIFEST.MF")).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8)).contains("Automatic-Module-Name: org.e2eereview.");
            }
        }
    }
}
