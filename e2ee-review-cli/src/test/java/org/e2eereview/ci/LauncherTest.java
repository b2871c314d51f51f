package org.e2eereview.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.e2eereview.Repo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/e2ee-review runs a review exactly as {@code java -jar} does: the same bytes on standard
 * output and error and the same exit code, with the class-data-sharing archive, without it, and
 * with one that no longer matches the jar or is not an archive at all (the JVM then runs without
 * it, and says nothing). The jar is {@link ToolJar}'s, the archive made here as the build makes it.
 */
class LauncherTest {

    static final List<String> REVIEW = List.of("review", Repo.arg("examples/ghost-proposal.yaml"), "--today", "2026-06-01");

    @TempDir
    Path tmp;

    Path bin;
    Path jar;
    Path archive;
    Shell sh;

    @BeforeEach
    void install() throws Exception {
        bin = Files.createDirectories(tmp.resolve("bin"));
        Files.copy(Repo.file("bin/e2ee-review"), bin.resolve("e2ee-review"));
        assertThat(bin.resolve("e2ee-review")).isExecutable();
        jar = Files.copy(ToolJar.get(), bin.resolve("e2ee-review.jar"));
        archive = bin.resolve("e2ee-review.jsa");
        sh = new Shell(Repo.ROOT);
    }

    @Test
    void withoutAnArchiveItIsJavaMinusJar() {
        assertSameAsJavaJar(REVIEW, 1);
        assertSameAsJavaJar(List.of("review", Repo.arg("examples/signal.yaml"), "--format", "json", "--today", "2026-06-01"), 0);
        assertSameAsJavaJar(List.of("validate", "no-such.yaml"), 2);
        assertSameAsJavaJar(List.of("--version"), 0);
    }

    @Test
    void withTheArchiveItIsTheSameAndClassesComeFromTheArchive() throws Exception {
        makeArchive();
        assertSameAsJavaJar(REVIEW, 1);
        assertThat(classSource()).as("the archive is used").contains("org.e2eereview.cli.Main source: shared objects file");
    }

    @Test
    void anArchiveThatNoLongerMatchesTheJarIsLeftAsideSilently() throws Exception {
        makeArchive();
        // A rebuilt jar: the archive records the jar's modification time and size.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        assertSameAsJavaJar(REVIEW, 1);
        assertThat(classSource()).contains("org.e2eereview.cli.Main source: file:");
    }

    @Test
    void theJvmsOwnWarningsStayOffStandardOutputWhereTheReportGoes() throws Exception {
        makeArchive();
        // A heap smaller than the young generation asked for: the JVM says so, and adjusts.
        ProcessBuilder launcher = new ProcessBuilder(bin.resolve("e2ee-review").toString(), "review",
                Repo.arg("examples/signal.yaml"), "--format", "json", "--today", "2026-06-01");
        launcher.environment().put("JAVA_OPTS", "-Xmn64m -Xmx48m");
        launcher.environment().put("PATH", Path.of(ToolJar.java()).getParent() + java.io.File.pathSeparator
                + System.getenv("PATH"));
        Path err = tmp.resolve("stderr.txt");
        launcher.redirectError(err.toFile());
        Process p = launcher.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(Files.readString(err)).contains("[warning][gc");
        Process plain = new ProcessBuilder(ToolJar.java(), "-jar", jar.toString(), "review", Repo.arg("examples/signal.yaml"),
                "--format", "json", "--today", "2026-06-01").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String expected = new String(plain.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(plain.waitFor()).isZero();
        assertThat(out).isEqualTo(expected).startsWith("{");
    }

    @Test
    void aFileThatIsNoArchiveIsLeftAsideSilently() throws Exception {
        Files.write(archive, "not an archive".repeat(1000).getBytes());
        assertSameAsJavaJar(REVIEW, 1);
        Files.write(archive, new byte[0]);
        assertSameAsJavaJar(REVIEW, 1);
    }

    @Test
    void itIsFoundThroughALinkAndInASourceCheckoutsTarget() throws Exception {
        Path onPath = Files.createDirectories(tmp.resolve("path"));
        Files.createSymbolicLink(onPath.resolve("e2ee-review"), bin.resolve("e2ee-review"));
        Shell.Result linked = sh.run(List.of(onPath.resolve("e2ee-review").toString(), "--version"));
        assertThat(linked.exitCode()).as(linked.output()).isZero();

        Path checkout = tmp.resolve("checkout");
        Files.createDirectories(checkout.resolve(ToolJar.BUILT_JAR).getParent());
        Files.createDirectories(checkout.resolve("bin"));
        Files.copy(bin.resolve("e2ee-review"), checkout.resolve("bin/e2ee-review"));
        Files.move(jar, checkout.resolve(ToolJar.BUILT_JAR), StandardCopyOption.REPLACE_EXISTING);
        Shell.Result fromTarget = sh.run(List.of(checkout.resolve("bin/e2ee-review").toString(), "--version"));
        assertThat(fromTarget.exitCode()).as(fromTarget.output()).isZero();
        assertThat(fromTarget.output()).startsWith("e2ee-review ");

        Shell.Result none = sh.run(List.of(bin.resolve("e2ee-review").toString(), "--version"));
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.output()).startsWith("e2ee-review: no e2ee-review.jar next to ");
    }

    /** The archive as the package step makes it: the classes one review loads, dumped with the JDK's. */
    private void makeArchive() throws Exception {
        Path list = tmp.resolve("classes.list");
        Shell.Result training = sh.run(List.of(ToolJar.java(), "-XX:DumpLoadedClassList=" + list, "-jar",
                jar.toString(), "review", Repo.arg("examples/signal.yaml"), "--fail-on", "none"));
        assertThat(training.exitCode()).as(training.output()).isZero();
        Shell.Result dump = sh.run(List.of(ToolJar.java(), "-Xshare:dump", "-XX:SharedClassListFile=" + list,
                "-XX:SharedArchiveFile=" + archive, "-Xlog:disable", "-cp", jar.toString()));
        assertThat(dump.exitCode()).as(dump.output()).isZero();
        assertThat(archive).isNotEmptyFile();
    }

    private String classSource() throws Exception {
        Path log = tmp.resolve("classes.log");
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of(bin.resolve("e2ee-review").toString()));
        command.addAll(REVIEW);
        sh.run(command, Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + log));
        return Files.readString(log);
    }

    private void assertSameAsJavaJar(List<String> args, int exitCode) {
        List<String> launcher = new ArrayList<>(List.of(bin.resolve("e2ee-review").toString()));
        launcher.addAll(args);
        List<String> javaJar = new ArrayList<>(List.of(ToolJar.java(), "-jar", jar.toString()));
        javaJar.addAll(args);
        Shell.Result a = sh.run(launcher);
        Shell.Result b = sh.run(javaJar);
        assertThat(a.exitCode()).as(String.join(" ", args)).isEqualTo(exitCode).isEqualTo(b.exitCode());
        assertThat(a.output()).as(String.join(" ", args)).isEqualTo(b.output());
    }
}
