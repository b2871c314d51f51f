package org.e2eereview.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
        Files.copy(Path.of("docs/ci/pre-commit"), hook, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Path.of("docs/ci/pre-commit")).as("ready to copy: executable").isExecutable();
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

    @Test
    void thePreCommitFrameworkManifestRunsTheHookOnModelFiles() throws Exception {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hooks = (List<Map<String, Object>>) new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(Path.of(".pre-commit-hooks.yaml")));
        assertThat(hooks).hasSize(1);
        Map<String, Object> hook = hooks.get(0);
        assertThat(hook).containsEntry("id", "e2ee-review").containsEntry("language", "script")
                .containsEntry("entry", "docs/ci/pre-commit").containsEntry("pass_filenames", true);
        Pattern files = Pattern.compile((String) hook.get("files"));
        assertThat(List.of("e2ee-review.yaml", "design/e2ee-review.yml")).allMatch(f -> files.matcher(f).find());
        assertThat(List.of("examples/signal.yaml", "my-e2ee-review.yaml.bak")).noneMatch(f -> files.matcher(f).find());

        // As the framework calls it: file names as arguments, from the top of the repository.
        git.write("e2ee-review.yaml", Shell.signalWithAGhost());
        git.ok("git", "add", "e2ee-review.yaml");
        Path script = Path.of("docs/ci/pre-commit").toAbsolutePath();
        assertThat(git.run(List.of(script.toString(), "e2ee-review.yaml")).exitCode()).isEqualTo(1);
        assertThat(git.run(List.of(script.toString(), "other.yaml")).exitCode()).as("not staged: nothing to do").isZero();
    }
}
