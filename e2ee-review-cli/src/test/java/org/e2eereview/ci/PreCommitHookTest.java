package org.e2eereview.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.e2eereview.Repo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** docs/ci/pre-commit installed in a fresh repository: a weakening is refused, a harmless change is not. */
class PreCommitHookTest {

    @TempDir
    Path repo;

    Shell git;

    @BeforeEach
    void repositoryWithTheHook() throws Exception {
        git = new Shell(repo).env("E2EE_REVIEW_JAR", ToolJar.get().toString());
        git.ok("git", "init", "-q", "-b", "main");
        Path hook = repo.resolve(".git/hooks/pre-commit");
        Files.copy(Repo.file("docs/ci/pre-commit"), hook, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Repo.file("docs/ci/pre-commit")).as("ready to copy: executable").isExecutable();
        git.write("e2ee-review.yaml", Shell.example("signal.yaml"));
        git.ok("git", "add", "e2ee-review.yaml");
        git.ok("git", "commit", "-q", "-m", "the design as reviewed");
    }

    @Test
    void aCommitThatAddsAWeakeningIsRefusedWithTheDiff() {
        git.write("e2ee-review.yaml", Shell.signalWithAGhost());
        git.ok("git", "add", "e2ee-review.yaml");
        Shell.Result commit = git.run(List.of("git", "commit", "-q", "-m", "let the server hide joins"));
        assertThat(commit.exitCode()).isNotZero();
        assertThat(commit.output()).contains("INTRODUCES\n  CRITICAL GHOST-PARTICIPANT@group-chat")
                .contains("diff · HEAD:e2ee-review.yaml → e2ee-review.yaml")
                .contains("e2ee-review: commit refused");
        assertThat(git.ok("git", "rev-list", "--count", "HEAD").strip()).as("nothing was committed").isEqualTo("1");
    }

    @Test
    void aWeakeningTheStagedBaselineAcceptsIsCommitted() {
        git.write("e2ee-review.yaml", Shell.signalWithAGhost());
        git.write("e2ee-review-baseline.yaml", """
                e2ee-review-baseline: 1
                accepted:
                  GHOST-PARTICIPANT@*: { status: accepted, justification: a study of the proposal, decided-by: review board }
                """);
        git.ok("git", "add", "e2ee-review.yaml");
        assertThat(git.run(List.of("git", "commit", "-q", "-m", "the ghost, undecided")).exitCode())
                .as("the baseline is not staged").isNotZero();
        git.ok("git", "add", "e2ee-review-baseline.yaml");
        Shell.Result commit = git.run(List.of("git", "commit", "-q", "-m", "the ghost, decided"));
        assertThat(commit.exitCode()).as(commit.output()).isZero();
    }

    @Test
    void aHarmlessChangeIsCommittedSilently() {
        git.write("e2ee-review.yaml", Shell.signalReworded());
        Shell.Result commit = git.run(List.of("git", "commit", "-q", "-am", "note the meeting"));
        assertThat(commit.exitCode()).as(commit.output()).isZero();
        assertThat(commit.output()).isEmpty();
        assertThat(git.ok("git", "rev-list", "--count", "HEAD").strip()).isEqualTo("2");
    }

    @Test
    void whatIsStagedIsReviewedNotTheWorkingTree() {
        git.write("e2ee-review.yaml", Shell.signalReworded());
        git.ok("git", "add", "e2ee-review.yaml");
        git.write("e2ee-review.yaml", Shell.signalWithAGhost());
        assertThat(git.run(List.of("git", "commit", "-q", "-m", "only the note")).exitCode())
                .as("the weakening is not staged").isZero();

        git.ok("git", "add", "e2ee-review.yaml");
        git.write("e2ee-review.yaml", Shell.signalReworded());
        assertThat(git.run(List.of("git", "commit", "-q", "-m", "the ghost, staged")).exitCode())
                .as("the weakening is staged, though the working tree no longer has it").isNotZero();
    }

    @Test
    void anInvalidModelIsRefusedAndOtherFilesAreNotLookedAt() {
        git.write("notes.yaml", "not: [a model");
        git.ok("git", "add", "notes.yaml");
        assertThat(git.run(List.of("git", "commit", "-q", "-m", "notes")).exitCode()).isZero();

        git.write("e2ee-review.yaml", Shell.example("signal.yaml").replace("changes-shown: always", "changes-shown: alwayz"));
        Shell.Result commit = git.run(List.of("git", "commit", "-q", "-am", "typo"));
        assertThat(commit.exitCode()).isNotZero();
        assertThat(commit.output()).contains("e2ee-review.yaml:").contains("did you mean 'always'?");
    }

    @Test
    void aNewModelIsValidatedAndModelsCanBeNamedInGitConfig() {
        git.ok("git", "config", "--add", "e2ee-review.model", "design/messenger.yaml");
        git.write("design/messenger.yaml", Shell.example("ghost-proposal.yaml"));
        git.ok("git", "add", "design/messenger.yaml");
        assertThat(git.run(List.of("git", "commit", "-q", "-m", "a new model, valid")).exitCode())
                .as("a new model has nothing to compare with: it is only validated").isZero();

        git.write("design/messenger.yaml", Shell.example("ghost-proposal.yaml").replace("changes-shown: suppressible",
                "changes-shown: [suppressible"));
        Shell.Result commit = git.run(List.of("git", "commit", "-q", "-am", "broken"));
        assertThat(commit.exitCode()).isNotZero();
        assertThat(commit.output()).contains("design/messenger.yaml:");
    }

    @Test
    void theLauncherBesideTheJarRunsTheReview(@TempDir Path tool) throws Exception {
        Path launcher = ToolJar.installCheckout(tool);
        Files.move(launcher, tool.resolve("bin/launcher"));
        Path used = tool.resolve("launcher-used");
        Files.writeString(launcher, "#!/usr/bin/env bash\ntouch '" + used + "'\nexec \"$(dirname \"$0\")/launcher\" \"$@\"\n");
        assertThat(launcher.toFile().setExecutable(true)).isTrue();
        git.env("E2EE_REVIEW_JAR", tool.resolve(ToolJar.BUILT_JAR).toString());
        git.write("e2ee-review.yaml", Shell.signalWithAGhost());
        Shell.Result commit = git.run(List.of("git", "commit", "-q", "-am", "let the server hide joins"));
        assertThat(commit.exitCode()).isNotZero();
        assertThat(commit.output()).contains("CRITICAL GHOST-PARTICIPANT@group-chat");
        assertThat(used).exists();
    }

    /** With no tool anywhere the hook says how to name one; it never builds (a stub mvn would say so). */
    @Test
    void withoutTheToolACommitOfNoModelPassesAndNothingIsEverBuilt(@TempDir Path bin) throws Exception {
        Path built = bin.resolve("mvn-ran");
        Files.writeString(bin.resolve("mvn"), "#!/bin/sh\ntouch '" + built + "'\n");
        assertThat(bin.resolve("mvn").toFile().setExecutable(true)).isTrue();
        Shell bare = new Shell(repo).env("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        bare.write("README.md", "notes\n");
        bare.ok("git", "add", "README.md");
        Shell.Result plain = bare.run(List.of("git", "commit", "-q", "-m", "no model staged"));
        assertThat(plain.exitCode()).as(plain.output()).isZero();
        assertThat(plain.output()).isEmpty();

        bare.write("e2ee-review.yaml", Shell.signalReworded());
        bare.ok("git", "add", "e2ee-review.yaml");
        Shell.Result model = bare.run(List.of("git", "commit", "-q", "-m", "a model staged"));
        assertThat(model.exitCode()).isNotZero();
        assertThat(model.output()).contains("e2ee-review: the tool is not found: set E2EE_REVIEW_JAR")
                .contains("git config e2ee-review.jar");
        assertThat(built).as("the team's project is never built").doesNotExist();
    }

    @Test
    void theToolIsFoundInGitConfigOrOnThePath(@TempDir Path tool) throws Exception {
        Path launcher = ToolJar.installCheckout(tool);
        git.write("e2ee-review.yaml", Shell.signalWithAGhost());
        git.ok("git", "add", "e2ee-review.yaml");

        Shell configured = new Shell(repo);
        configured.ok("git", "config", "e2ee-review.jar", tool.resolve(ToolJar.BUILT_JAR).toString());
        Shell.Result byConfig = configured.run(List.of("git", "commit", "-q", "-m", "the ghost"));
        assertThat(byConfig.exitCode()).isNotZero();
        assertThat(byConfig.output()).contains("INTRODUCES\n  CRITICAL GHOST-PARTICIPANT@group-chat");
        configured.ok("git", "config", "--unset", "e2ee-review.jar");

        Shell onPath = new Shell(repo).env("PATH", launcher.getParent() + java.io.File.pathSeparator
                + Path.of(ToolJar.java()).getParent() + java.io.File.pathSeparator + System.getenv("PATH"));
        Shell.Result byPath = onPath.run(List.of("git", "commit", "-q", "-m", "the ghost"));
        assertThat(byPath.exitCode()).isNotZero();
        assertThat(byPath.output()).contains("INTRODUCES\n  CRITICAL GHOST-PARTICIPANT@group-chat");
    }

    /** HEAD's version does not load (here: a typo committed with --no-verify): the fix is reviewed on its own. */
    @Test
    void aCommitThatFixesAnInvalidModelPasses() {
        git.write("e2ee-review.yaml", Shell.example("signal.yaml").replace("changes-shown: always", "changes-shown: alwayz"));
        git.ok("git", "commit", "-q", "--no-verify", "-am", "typo, unchecked");
        git.write("e2ee-review.yaml", Shell.signalReworded());
        Shell.Result fix = git.run(List.of("git", "commit", "-q", "-am", "the typo fixed"));
        assertThat(fix.exitCode()).as(fix.output()).isZero();
        assertThat(fix.output()).contains("HEAD:e2ee-review.yaml:").contains("did you mean 'always'?")
                .contains("e2ee-review: e2ee-review.yaml: HEAD's version does not load (above); the staged one, "
                        + "reviewed on its own, does.");
        assertThat(git.ok("git", "rev-list", "--count", "HEAD").strip()).isEqualTo("3");

        git.write("e2ee-review.yaml", Shell.example("signal.yaml").replace("changes-shown: always", "changes-shown: alwayz"));
        git.ok("git", "commit", "-q", "--no-verify", "-am", "the typo again");
        git.write("e2ee-review.yaml", Shell.example("signal.yaml").replace("changes-shown: always", "changes-shown: [always"));
        Shell.Result worse = git.run(List.of("git", "commit", "-q", "-am", "another typo"));
        assertThat(worse.exitCode()).as("both versions broken: the new one's errors refuse it").isNotZero();
        assertThat(worse.output()).contains("e2ee-review: e2ee-review.yaml: the model or the baseline does not load");
    }

    @Test
    void aChangeToTheBaselineAloneIsChecked() {
        String accepted = """
                e2ee-review-baseline: 1
                accepted:
                  GHOST-PARTICIPANT@*: { status: accepted, justification: a study of the proposal, decided-by: review board }
                """;
        git.write("e2ee-review.yaml", Shell.signalWithAGhost());
        git.write("e2ee-review-baseline.yaml", accepted);
        git.ok("git", "add", "e2ee-review.yaml", "e2ee-review-baseline.yaml");
        git.ok("git", "commit", "-q", "-m", "the ghost, decided");

        git.write("e2ee-review-baseline.yaml", accepted.replace("decided-by:", "decided-bye:"));
        Shell.Result typo = git.run(List.of("git", "commit", "-q", "-am", "a typo in the baseline"));
        assertThat(typo.exitCode()).isNotZero();
        assertThat(typo.output()).contains("e2ee-review-baseline.yaml:3:").contains("decided-bye");

        git.write("e2ee-review-baseline.yaml", accepted.replace("GHOST-PARTICIPANT@*", "GHOST-PARTICIPANT@nowhere"));
        Shell.Result lifted = git.run(List.of("git", "commit", "-q", "-am", "an id typo: the ghost counts again"));
        assertThat(lifted.exitCode()).isNotZero();
        assertThat(lifted.output()).contains("e2ee-review: e2ee-review.yaml: with the staged e2ee-review-baseline.yaml "
                + "it has a counted finding at or above high, which HEAD's accepted");

        git.write("e2ee-review-baseline.yaml", accepted.replace("review board", "the review board"));
        Shell.Result reworded = git.run(List.of("git", "commit", "-q", "-am", "who decided, said better"));
        assertThat(reworded.exitCode()).as(reworded.output()).isZero();
        assertThat(reworded.output()).isEmpty();
        git.ok("git", "rm", "-q", "e2ee-review-baseline.yaml");
        assertThat(git.run(List.of("git", "commit", "-q", "-m", "the baseline deleted")).exitCode())
                .as("deleting the baseline lets the ghost count again").isNotZero();
    }

    @Test
    void thePreCommitFrameworkManifestRunsTheHookOnModelFiles() throws Exception {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hooks = (List<Map<String, Object>>) new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(Repo.file(".pre-commit-hooks.yaml")));
        assertThat(hooks).hasSize(1);
        Map<String, Object> hook = hooks.get(0);
        assertThat(hook).containsEntry("id", "e2ee-review").containsEntry("language", "script")
                .containsEntry("entry", "docs/ci/pre-commit").containsEntry("pass_filenames", true);
        Pattern files = Pattern.compile((String) hook.get("files"));
        assertThat(List.of("e2ee-review.yaml", "design/e2ee-review.yml", "e2ee-review-baseline.yaml"))
                .allMatch(f -> files.matcher(f).find());
        assertThat(List.of("examples/signal.yaml", "my-e2ee-review.yaml.bak")).noneMatch(f -> files.matcher(f).find());

        // As the framework calls it: file names as arguments, from the top of the repository.
        git.write("e2ee-review.yaml", Shell.signalWithAGhost());
        git.ok("git", "add", "e2ee-review.yaml");
        Path script = Repo.file("docs/ci/pre-commit");
        assertThat(git.run(List.of(script.toString(), "e2ee-review.yaml")).exitCode()).isEqualTo(1);
        assertThat(git.run(List.of(script.toString(), "other.yaml")).exitCode()).as("not staged: nothing to do").isZero();
        git.ok("git", "commit", "-q", "--no-verify", "-m", "the ghost, unchecked");
        git.write("e2ee-review-baseline.yaml", "e2ee-review-baseline: 1\naccepted: [\n");
        git.ok("git", "add", "e2ee-review-baseline.yaml");
        Shell.Result baseline = git.run(List.of(script.toString(), "e2ee-review-baseline.yaml"));
        assertThat(baseline.exitCode()).as("the baseline alone: the models of git config, or e2ee-review.yaml").isEqualTo(1);
        assertThat(baseline.output()).contains("e2ee-review-baseline.yaml:");
    }
}
