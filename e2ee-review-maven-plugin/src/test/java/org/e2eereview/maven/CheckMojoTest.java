package org.e2eereview.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.e2eereview.Repo;
import org.e2eereview.report.Hostile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal's own decisions, without a Maven around it; the sample projects in src/it run it in Maven. */
class CheckMojoTest {

    @TempDir
    Path dir;

    private final List<String> logged = new ArrayList<>();

    private CheckMojo mojo(Path model) {
        CheckMojo mojo = new CheckMojo();
        mojo.basedir = dir.toFile();
        mojo.model = model == null ? null : model.toFile();
        mojo.failOn = "high";
        mojo.today = "2026-06-01";
        mojo.formats = List.of("sarif", "junit");
        mojo.outputDirectory = dir.resolve("target/e2ee-review").toFile();
        mojo.setLog(new SystemStreamLog() {
            @Override public void info(CharSequence s) { logged.add("INFO " + s); }
            @Override public void warn(CharSequence s) { logged.add("WARN " + s); }
            @Override public void error(CharSequence s) { logged.add("ERROR " + s); }
        });
        return mojo;
    }

    /** The model's file name and text reach a terminal: control characters are shown, never obeyed. */
    @Test
    void modelTextAndFileNamesReachTheBuildLogInert() throws Exception {
        Path model = Files.move(Hostile.model(dir), dir.resolve("design\u001b[31m\u0007\u202E.yaml"));
        assertThatThrownBy(() -> mojo(model).execute()).isInstanceOf(MojoFailureException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("design\\u001b[31m\\u0007\\u202e.yaml:")
                        .doesNotContain("\u001b", "\u0007", "\u202E", "\r"));
        assertThat(logged).anyMatch(l -> l.startsWith("ERROR ") && l.contains(" CRITICAL GHOST-PARTICIPANT@"))
                .noneMatch(l -> l.contains("\u001b") || l.contains("\u0007") || l.contains("\u202E") || l.contains("\r"));
    }

    @Test
    void withoutAModelTheDefaultIsLookedForAndItsAbsenceSaid() {
        assertThatThrownBy(() -> mojo(null).execute()).isInstanceOf(MojoFailureException.class)
                .hasMessage("e2ee-review: no model at " + dir.resolve("e2ee-review.yaml")
                        + " (set <model> in the plugin's configuration, or -De2ee-review.model=FILE)");
    }

    @Test
    void findingsBelowTheThresholdAreListedButPass() throws Exception {
        CheckMojo mojo = mojo(Repo.file("examples/ghost-proposal.yaml"));
        mojo.failOn = "none";
        mojo.execute();
        assertThat(logged).noneMatch(l -> l.startsWith("ERROR")).anyMatch(l -> l.contains("CRITICAL GHOST-PARTICIPANT@group-chat"));
        assertThat(dir.resolve("target/e2ee-review/ghost-proposal.sarif")).isRegularFile();
        assertThat(dir.resolve("target/e2ee-review/ghost-proposal.junit.xml")).isRegularFile();
        try (var files = Files.list(dir.resolve("target/e2ee-review"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ghost-proposal.sarif",
                    "ghost-proposal.junit.xml");
        }
    }

    /** Reports are moved into place whole, as ordinary files (not the private ones temporary files are). */
    @Test
    void reportsAreWrittenWholeAsOrdinaryFiles() throws Exception {
        CheckMojo mojo = mojo(Repo.file("examples/signal.yaml"));
        mojo.execute();
        Path sarif = dir.resolve("target/e2ee-review/signal.sarif");
        assertThat(Files.readString(sarif)).startsWith("{");
        if (Files.getFileStore(sarif).supportsFileAttributeView("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(sarif)))
                    .isEqualTo("rw-r--r--");
        }
    }

    @Test
    void aReportsFolderThatCannotBeMadeIsSaid() throws Exception {
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/e2ee-review"), "a file where the reports' folder should be");
        assertThatThrownBy(mojo(Repo.file("examples/signal.yaml"))::execute)
                .isInstanceOf(org.apache.maven.plugin.MojoExecutionException.class)
                .hasMessageStartingWith("e2ee-review: cannot write the reports of ")
                .hasMessageContaining("(" + dir.resolve("target/e2ee-review") + "): ");
    }

    @Test
    void settingsThatMeanNothingAreRefusedByName() {
        CheckMojo badSeverity = mojo(Repo.file("examples/signal.yaml"));
        badSeverity.failOn = "severe";
        assertThatThrownBy(badSeverity::execute).hasMessage(
                "e2ee-review: failOn 'severe' is not a severity: use critical, high, medium, low, info or none");
        CheckMojo badFormat = mojo(Repo.file("examples/signal.yaml"));
        badFormat.formats = List.of("sarif", "pdf");
        assertThatThrownBy(badFormat::execute).hasMessage("e2ee-review: 'pdf' is not a format: use html, json, junit, md, sarif, submission-html, "
                + "submission-md, submission-pdf, text");
        CheckMojo badDate = mojo(Repo.file("examples/signal.yaml"));
        badDate.today = "2026-02-30";
        assertThatThrownBy(badDate::execute).hasMessage("e2ee-review: today '2026-02-30' is not a date (YYYY-MM-DD)");
        assertThat(new File(dir.toFile(), "target")).doesNotExist();
    }
}
