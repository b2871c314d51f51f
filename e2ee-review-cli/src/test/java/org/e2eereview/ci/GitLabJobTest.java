package org.e2eereview.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.e2eereview.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docs/ci/gitlab-ci.yml, run here as far as it can be without GitLab: the job's {@code script}
 * as written, in bash with {@code -eo pipefail} as the runner's shell, with its variables and
 * those GitLab sets for a merge request, in a clone whose target branch is a local bare
 * repository. The {@code before_script} (cloning and building the tool) is not run: the jar is
 * put where it builds it.
 */
class GitLabJobTest {

    @TempDir
    Path tmp;

    @Test
    void theJobHandsGitLabItsJUnitReportEvenWhenItFails() throws Exception {
        Map<String, Object> job = job();
        Map<String, Object> artifacts = GitHubWorkflowTest.map(job.get("artifacts"));
        assertThat(artifacts).containsEntry("when", "always");
        String junit = (String) GitHubWorkflowTest.map(artifacts.get("reports")).get("junit");
        assertThat(junit).isEqualTo("e2ee-review-junit.xml");
        assertThat(script(job)).contains("--format junit -o " + junit);
        assertThat(String.join("\n", strings(job.get("before_script"))))
                .contains("-f .e2ee-review/pom.xml package");
        assertThat(variables(job).get("E2EE_REVIEW")).isEqualTo(".e2ee-review/bin/e2ee-review");
    }

    @Test
    void aMergeRequestThatAddsAWeakeningFailsWithFailingCasesAndTheDiff() throws Exception {
        Shell.Result r = mergeRequest(Shell.signalWithAGhost());
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(tmp.resolve("workspace/e2ee-review-junit.xml").toFile());
        NodeList failures = junit.getElementsByTagName("failure");
        assertThat(failures.getLength()).isPositive();
        StringBuilder failing = new StringBuilder();
        for (int i = 0; i < failures.getLength(); i++) {
            Element testcase = (Element) failures.item(i).getParentNode();
            failing.append(testcase.getAttribute("classname")).append(' ').append(testcase.getAttribute("name")).append('\n');
        }
        assertThat(failing).contains("GHOST-PARTICIPANT GHOST-PARTICIPANT@group-chat");
        assertThat(Files.readString(tmp.resolve("workspace/e2ee-review-diff.md")))
                .startsWith("## e2ee-review: origin/main:e2ee-review.yaml → e2ee-review.yaml")
                .contains("CRITICAL GHOST-PARTICIPANT@group-chat");
        assertThat(tmp.resolve("workspace/e2ee-review.md")).isNotEmptyFile();
    }

    @Test
    void aHarmlessMergeRequestPasses() throws Exception {
        Shell.Result r = mergeRequest(Shell.signalReworded());
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(Files.readString(tmp.resolve("workspace/e2ee-review-diff.md"))).contains("No change in what the review says.");
    }

    @Test
    void aBranchPipelineReviewsWithoutADiffAndAnInvalidModelFailsAtOnce() throws Exception {
        Shell sh = repository(Shell.example("signal.yaml"));
        Shell.Result r = runScript(sh, Map.of("CI_PIPELINE_SOURCE", "push", "CI_COMMIT_BRANCH", "main"));
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(tmp.resolve("workspace/e2ee-review-junit.xml")).isNotEmptyFile();
        assertThat(tmp.resolve("workspace/e2ee-review-diff.md")).doesNotExist();

        sh.write("e2ee-review.yaml", "e2ee-review: 1\nparties: [\n");
        Shell.Result broken = runScript(sh, Map.of("CI_PIPELINE_SOURCE", "push", "CI_COMMIT_BRANCH", "main"));
        assertThat(broken.exitCode()).isNotZero();
        assertThat(broken.output()).contains("e2ee-review.yaml:");
    }

    @Test
    void aMergeRequestThatFixesAnInvalidModelPasses() throws Exception {
        Shell sh = repository(Shell.example("signal.yaml").replace("changes-shown: always", "changes-shown: alwayz"));
        sh.ok("git", "checkout", "-q", "-b", "fix");
        sh.write("e2ee-review.yaml", Shell.example("signal.yaml"));
        sh.ok("git", "commit", "-q", "-am", "the typo fixed");
        Shell.Result r = runScript(sh, Map.of("CI_PIPELINE_SOURCE", "merge_request_event",
                "CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"));
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("origin/main:e2ee-review.yaml:");
        assertThat(Files.readString(tmp.resolve("workspace/e2ee-review-diff.md")))
                .startsWith("## e2ee-review: e2ee-review.yaml on the target branch does not load\n");
    }

    private Shell.Result mergeRequest(String newModel) throws Exception {
        Shell sh = repository(Shell.example("signal.yaml"));
        sh.ok("git", "checkout", "-q", "-b", "change");
        sh.write("e2ee-review.yaml", newModel);
        sh.ok("git", "commit", "-q", "-am", "change the design");
        return runScript(sh, Map.of("CI_PIPELINE_SOURCE", "merge_request_event", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"));
    }

    private Shell repository(String model) {
        Path seed = tmp.resolve("seed");
        Shell s = new Shell(seed);
        try {
            Files.createDirectories(seed);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        s.ok("git", "init", "-q", "-b", "main");
        s.write("e2ee-review.yaml", model);
        s.ok("git", "add", ".");
        s.ok("git", "commit", "-q", "-m", "main");
        s.ok("git", "clone", "-q", "--bare", ".", tmp.resolve("origin.git").toString());
        new Shell(tmp).ok("git", "clone", "-q", tmp.resolve("origin.git").toString(), tmp.resolve("workspace").toString());
        return new Shell(tmp.resolve("workspace"));
    }

    private Shell.Result runScript(Shell sh, Map<String, String> predefined) throws Exception {
        Map<String, Object> job = job();
        Map<String, String> env = new HashMap<>(variables(job));
        env.putAll(predefined);
        Path launcher = sh.dir().resolve(env.get("E2EE_REVIEW"));
        assertThat(ToolJar.installCheckout(launcher.getParent().getParent())).isEqualTo(launcher);
        Path script = Files.writeString(tmp.resolve("job.sh"), script(job));
        return sh.run(List.of("bash", "-eo", "pipefail", script.toString()), env);
    }

    private static Map<String, Object> job() throws Exception {
        Map<String, Object> file = GitHubWorkflowTest.map(new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(Repo.file("docs/ci/gitlab-ci.yml"))));
        return GitHubWorkflowTest.map(file.get("e2ee-review"));
    }

    private static Map<String, String> variables(Map<String, Object> job) {
        Map<String, String> out = new HashMap<>();
        GitHubWorkflowTest.map(job.get("variables")).forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    private static String script(Map<String, Object> job) {
        return String.join("\n", strings(job.get("script"))) + "\n";
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return (List<String>) o;
    }
}
