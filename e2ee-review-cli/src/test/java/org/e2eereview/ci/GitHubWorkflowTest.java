package org.e2eereview.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.e2eereview.Repo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * docs/ci/github-workflow.yml, run here as far as it can be without GitHub: its {@code run:}
 * steps, as written, in bash as a runner runs them, in a clone of a repository whose target
 * branch is a local bare repository, with the step conditions evaluated, {@code gh} replaced by a
 * stub that records what would be posted, and the actions ({@code uses:}) checked for the files
 * they are handed rather than run.
 */
class GitHubWorkflowTest {

    static final Path WORKFLOW = Repo.file("docs/ci/github-workflow.yml");

    @TempDir
    Path tmp;

    Map<String, Object> workflow;
    Shell sh;
    Path workspace;
    Path ghLog;
    Path ghBody;

    @BeforeEach
    void load() throws IOException {
        workflow = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(WORKFLOW)));
    }

    @Test
    void actionsArePinnedAndPermissionsAreTheThreeItNeeds() {
        assertThat(map(workflow.get("permissions"))).isEmpty();
        Map<String, Object> job = job();
        assertThat(map(job.get("permissions"))).containsExactlyInAnyOrderEntriesOf(Map.of("contents", "read",
                "security-events", "write", "pull-requests", "write"));
        List<String> uses = new ArrayList<>();
        for (Map<String, Object> step : steps()) if (step.containsKey("uses")) uses.add((String) step.get("uses"));
        assertThat(uses).containsExactly("actions/checkout@v4", "actions/checkout@v4", "actions/setup-java@v4",
                "github/codeql-action/upload-sarif@v3");
        // Expressions of the event go to scripts through env, never into the script text.
        for (Map<String, Object> step : steps()) {
            if (step.containsKey("run")) assertThat((String) step.get("run")).doesNotContain("${{");
        }
    }

    @Test
    void aPullRequestThatAddsAWeakeningIsCommentedAndFails() throws Exception {
        Run run = pullRequest(Shell.signalWithAGhost(), true);
        assertThat(run.failedStep).as(run.output).isEqualTo("Fail on findings at or above FAIL_ON");
        assertThat(run.skipped).isEmpty();
        assertThat(run.uploaded).as("SARIF went to code scanning").isTrue();
        JsonNode sarif = new ObjectMapper().readTree(workspace.resolve("e2ee-review.sarif").toFile());
        List<String> ids = new ArrayList<>();
        for (JsonNode r : sarif.at("/runs/0/results")) {
            ids.add(r.at("/ruleId").asText());
            assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("e2ee-review.yaml");
        }
        assertThat(ids).contains("GHOST-PARTICIPANT");
        assertThat(Files.readString(workspace.resolve("summary.md"))).startsWith("# ")
                .isEqualTo(Files.readString(workspace.resolve("e2ee-review.md")));
        String diff = Files.readString(workspace.resolve("e2ee-review-diff.md"));
        assertThat(diff).startsWith("## e2ee-review: origin/main:e2ee-review.yaml → e2ee-review.yaml")
                .contains("CRITICAL GHOST-PARTICIPANT@group-chat");
        assertThat(Files.readString(ghBody)).isEqualTo("<!-- e2ee-review diff -->\n" + diff);
        assertThat(Files.readAllLines(ghLog)).last().asString().isEqualTo("pr comment 17 --repo acme/messenger --body-file "
                + "e2ee-review-comment.md");
    }

    @Test
    void aWeakeningTheBaselineAcceptsPassesButStaysInTheReports() throws Exception {
        repository("e2ee-review.yaml", Shell.example("signal.yaml"));
        sh.ok("git", "checkout", "-q", "-b", "change");
        sh.write("e2ee-review.yaml", Shell.signalWithAGhost());
        sh.write("e2ee-review-baseline.yaml", """
                e2ee-review-baseline: 1
                accepted:
                  GHOST-PARTICIPANT@*:
                    status: accepted
                    justification: a study of the ghost proposal, not a design to ship
                    decided-by: review board
                """);
        sh.ok("git", "add", ".");
        sh.ok("git", "commit", "-q", "-m", "change the design, with the decision");
        Run run = execute(pullRequestContext(true), "");
        assertThat(run.failedStep).as(run.output).isNull();
        assertThat(run.skipped).containsExactly("Fail on findings at or above FAIL_ON");
        assertThat(Files.readString(workspace.resolve("e2ee-review.md"))).contains("GHOST-PARTICIPANT")
                .contains("a study of the ghost proposal");
        assertThat(Files.readString(workspace.resolve("e2ee-review-diff.md"))).contains("GHOST-PARTICIPANT@group-chat");
    }

    @Test
    void aHarmlessPullRequestPassesAndEditsItsEarlierComment() throws Exception {
        Run run = pullRequest(Shell.signalReworded(), true, "4242");
        assertThat(run.failedStep).as(run.output).isNull();
        assertThat(run.skipped).containsExactly("Fail on findings at or above FAIL_ON");
        assertThat(Files.readString(workspace.resolve("e2ee-review-diff.md"))).contains("No change in what the review says.");
        assertThat(Files.readAllLines(ghLog)).last().asString()
                .isEqualTo("api -X PATCH repos/acme/messenger/issues/comments/4242 -F body=@e2ee-review-comment.md");
    }

    @Test
    void aPullRequestFromAForkIsReviewedButNeitherUploadedNorCommented() throws Exception {
        Run run = pullRequest(Shell.signalReworded(), false);
        assertThat(run.failedStep).as(run.output).isNull();
        assertThat(run.uploaded).isFalse();
        assertThat(run.skipped).containsExactly("Upload to code scanning", "Comment on the pull request",
                "Fail on findings at or above FAIL_ON");
        assertThat(ghLog).doesNotExist();
    }

    @Test
    void aPullRequestThatAddsTheModelSaysSo() throws Exception {
        repository("README.md", "# messenger\n");
        sh.ok("git", "checkout", "-q", "-b", "model");
        sh.write("e2ee-review.yaml", Shell.example("signal.yaml"));
        sh.ok("git", "add", ".");
        sh.ok("git", "commit", "-q", "-m", "model");
        Run run = execute(pullRequestContext(true), "");
        assertThat(run.failedStep).as(run.output).isNull();
        assertThat(Files.readString(workspace.resolve("e2ee-review-diff.md"))).startsWith("## e2ee-review: e2ee-review.yaml is new");
    }

    @Test
    void aPushIsReviewedAndUploadedWithoutADiff() throws Exception {
        repository("e2ee-review.yaml", Shell.example("ghost-proposal.yaml"));
        Map<String, String> context = new HashMap<>(Map.of("github.event_name", "push", "github.repository", "acme/messenger"));
        Run run = execute(context, "");
        assertThat(run.uploaded).isTrue();
        assertThat(run.skipped).containsExactly("Compare with the target branch", "Comment on the pull request");
        assertThat(run.failedStep).as(run.output).isEqualTo("Fail on findings at or above FAIL_ON");
    }

    @Test
    void anInvalidModelStopsTheJobAtTheReviewAnnotatedAtItsLine() throws Exception {
        repository("e2ee-review.yaml", Shell.example("signal.yaml").replace("changes-shown: always", "changes-shown: alwayz"));
        Map<String, String> context = new HashMap<>(Map.of("github.event_name", "push", "github.repository", "acme/messenger"));
        Run run = execute(context, "");
        assertThat(run.failedStep).as(run.output).isEqualTo("Review the model");
        int line = lineOf(Shell.example("signal.yaml"), "changes-shown: always");
        assertThat(run.output).containsPattern("(?m)^::error file=e2ee-review.yaml,line=" + line
                + ",col=22::bad value 'alwayz' for 'changes-shown' .*did you mean 'always'\\?\\)$");
        assertThat(Files.readString(workspace.resolve("summary.md")))
                .isEqualTo("## e2ee-review: e2ee-review.yaml could not be reviewed\n\nSee the annotations and the log of "
                        + "the step \"Review the model\".\n");
    }

    /** A path with the characters that end a workflow command's property is escaped, not cut short. */
    @Test
    void annotationsEscapeThePath() throws Exception {
        repository("d,s:1/e2ee-review.yaml", "e2ee-review: 1\nparties: [\n");
        Map<String, String> context = new HashMap<>(Map.of("github.event_name", "push", "github.repository", "acme/messenger"));
        job = new LinkedHashMap<>(job());
        Map<String, Object> env = new LinkedHashMap<>(map(job.get("env")));
        env.put("MODEL", "d,s:1/e2ee-review.yaml");
        job.put("env", env);
        Run run = execute(context, "");
        assertThat(run.failedStep).isEqualTo("Review the model");
        assertThat(run.output).containsPattern("(?m)^::error file=d%2Cs%3A1/e2ee-review.yaml,line=\\d+,col=\\d+::");
    }

    /** The target branch's model does not load (written by hand, or for a laxer e2ee-review): the change is reviewed alone. */
    @Test
    void aPullRequestThatFixesAnInvalidModelPasses() throws Exception {
        repository("e2ee-review.yaml", Shell.example("signal.yaml").replace("changes-shown: always", "changes-shown: alwayz"));
        sh.ok("git", "checkout", "-q", "-b", "fix");
        sh.write("e2ee-review.yaml", Shell.example("signal.yaml"));
        sh.ok("git", "commit", "-q", "-am", "the typo fixed");
        Run run = execute(pullRequestContext(true), "");
        assertThat(run.failedStep).as(run.output).isNull();
        assertThat(run.output).contains("origin/main:e2ee-review.yaml:").doesNotContain("::error");
        assertThat(Files.readString(workspace.resolve("e2ee-review-diff.md")))
                .startsWith("## e2ee-review: e2ee-review.yaml on the target branch does not load\n");
        assertThat(Files.readString(ghBody)).contains("does not load");
    }

    /** Weekly, with nothing pushed: an acceptance about to end is a warning, one that has ended fails the run. */
    @Test
    void theScheduledRunWarnsOfAnAcceptanceAboutToEndAndFailsOnOneEnded() throws Exception {
        // YAML 1.1, which SnakeYAML reads, takes the key on for true.
        Map<String, Object> on = map(((Map<?, ?>) workflow).get(Boolean.TRUE));
        assertThat(on).containsKeys("push", "pull_request", "schedule");
        String cron = (String) map(((List<?>) on.get("schedule")).get(0)).get("cron");
        assertThat(cron.split(" ")).as("minute hour day month weekday").hasSize(5);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String baseline = """
                e2ee-review-baseline: 1
                accepted:
                  GHOST-PARTICIPANT@*: { status: accepted, justification: under study, decided-by: board, until: UNTIL }
                """;
        repository("e2ee-review.yaml", Shell.signalWithAGhost());
        sh.write("e2ee-review-baseline.yaml", baseline.replace("UNTIL", today.plusDays(5).toString()));
        Map<String, String> context = new HashMap<>(Map.of("github.event_name", "schedule", "github.repository", "acme/messenger"));
        Run soon = execute(context, "");
        assertThat(soon.failedStep).as(soon.output).isNull();
        assertThat(soon.uploaded).isTrue();
        assertThat(soon.skipped).containsExactly("Compare with the target branch", "Comment on the pull request",
                "Fail on findings at or above FAIL_ON");
        assertThat(soon.output).containsPattern("(?m)^::warning file=e2ee-review-baseline.yaml,line=3,col=3::acceptance "
                + "GHOST-PARTICIPANT@\\* ends on " + today.plusDays(5) + ", in 5 days: .*$");

        sh.write("e2ee-review-baseline.yaml", baseline.replace("UNTIL", today.minusDays(1).toString()));
        Run ended = execute(context, "");
        assertThat(ended.failedStep).as(ended.output).isEqualTo("Fail on findings at or above FAIL_ON");
        assertThat(ended.output).doesNotContain("::warning");
    }

    private static int lineOf(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(fragment)) return i + 1;
        throw new AssertionError(fragment);
    }

    // --- the simulated runner ---

    /** What a run did: the step that failed (the job stops there), steps skipped by their condition, the upload. */
    static final class Run {
        String failedStep;
        final List<String> skipped = new ArrayList<>();
        boolean uploaded;
        String output = "";
    }

    private Run pullRequest(String newModel, boolean sameRepository, String... existingComment) throws Exception {
        repository("e2ee-review.yaml", Shell.example("signal.yaml"));
        sh.ok("git", "checkout", "-q", "-b", "change");
        sh.write("e2ee-review.yaml", newModel);
        sh.ok("git", "commit", "-q", "-am", "change the design");
        return execute(pullRequestContext(sameRepository), existingComment.length == 0 ? "" : existingComment[0] + "\n");
    }

    private static Map<String, String> pullRequestContext(boolean sameRepository) {
        Map<String, String> context = new HashMap<>();
        context.put("github.event_name", "pull_request");
        context.put("github.repository", "acme/messenger");
        context.put("github.base_ref", "main");
        context.put("github.event.pull_request.number", "17");
        context.put("github.event.pull_request.head.repo.full_name", sameRepository ? "acme/messenger" : "someone/messenger");
        context.put("github.token", "not-a-token");
        return context;
    }

    /** A bare origin whose main holds FILE, cloned into the workspace as actions/checkout would. */
    private void repository(String file, String text) {
        Path origin = tmp.resolve("origin.git");
        Shell seed = new Shell(Files.exists(tmp.resolve("seed")) ? tmp.resolve("seed") : mkdirs(tmp.resolve("seed")));
        seed.ok("git", "init", "-q", "-b", "main");
        seed.write(file, text);
        seed.ok("git", "add", ".");
        seed.ok("git", "commit", "-q", "-m", "main");
        seed.ok("git", "clone", "-q", "--bare", ".", origin.toString());
        workspace = tmp.resolve("workspace");
        new Shell(tmp).ok("git", "clone", "-q", origin.toString(), workspace.toString());
        sh = new Shell(workspace);
    }

    private Run execute(Map<String, String> github, String existingComment) throws Exception {
        Map<String, Object> job = job();
        Map<String, String> env = new LinkedHashMap<>();
        map(job.get("env")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        // The tool, where the workflow's build step leaves it.
        Path launcher = workspace.resolve(env.get("E2EE_REVIEW"));
        assertThat(ToolJar.installCheckout(launcher.getParent().getParent())).isEqualTo(launcher);
        Path bin = mkdirs(tmp.resolve("bin"));
        ghLog = tmp.resolve("gh.log");
        ghBody = tmp.resolve("gh-body.md");
        Files.writeString(tmp.resolve("gh-existing"), existingComment);
        Path gh = Files.writeString(bin.resolve("gh"), String.join("\n",
                "#!/usr/bin/env bash",
                "printf '%s\\n' \"$*\" >> '" + ghLog + "'",
                "prev=",
                "for a in \"$@\"; do",
                "  case $a in body=@*) cp \"${a#body=@}\" '" + ghBody + "';; esac",
                "  [ \"$prev\" = --body-file ] && cp \"$a\" '" + ghBody + "'",
                "  prev=$a",
                "done",
                "if [ \"$1\" = api ] && [ \"$2\" = --paginate ]; then cat '" + tmp.resolve("gh-existing") + "'; fi",
                ""));
        assertThat(gh.toFile().setExecutable(true)).isTrue();
        Path outputs = tmp.resolve("outputs");
        Map<String, Map<String, String>> stepOutputs = new HashMap<>();
        Run run = new Run();
        for (Map<String, Object> step : steps()) {
            String name = step.containsKey("name") ? (String) step.get("name") : (String) step.get("uses");
            Map<String, String> context = new HashMap<>(github);
            stepOutputs.forEach((id, out) -> out.forEach((k, v) -> context.put("steps." + id + ".outputs." + k, v)));
            if (step.containsKey("if") && !Expressions.truth(Expressions.evaluate((String) step.get("if"), context))) {
                run.skipped.add(name);
                continue;
            }
            if (step.containsKey("uses")) {
                String uses = (String) step.get("uses");
                if (uses.startsWith("github/codeql-action/upload-sarif@")) {
                    Path sarif = workspace.resolve((String) map(step.get("with")).get("sarif_file"));
                    assertThat(new ObjectMapper().readTree(sarif.toFile()).get("version").asText()).isEqualTo("2.1.0");
                    run.uploaded = true;
                }
                continue; // checkout, setup-java: the workspace and the JDK are here already
            }
            if ("tool-build".equals(step.get("id"))) continue; // the jar was put where it builds it
            Map<String, String> stepEnv = new LinkedHashMap<>(env);
            map(step.get("env")).forEach((k, v) -> stepEnv.put(k, Expressions.substitute(String.valueOf(v), context)));
            Files.writeString(outputs, "");
            stepEnv.put("GITHUB_OUTPUT", outputs.toString());
            stepEnv.put("GITHUB_STEP_SUMMARY", workspace.resolve("summary.md").toString());
            stepEnv.put("GITHUB_WORKSPACE", workspace.toString());
            stepEnv.put("PATH", bin + ":" + Path.of(ToolJar.java()).getParent() + ":" + System.getenv("PATH"));
            Path script = Files.writeString(tmp.resolve("step.sh"), (String) step.get("run"));
            // GitHub's default shell on Linux runners.
            Shell.Result r = sh.run(List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString()), stepEnv);
            run.output += r.output();
            if (step.containsKey("id")) {
                Map<String, String> out = new HashMap<>();
                for (String line : Files.readAllLines(outputs)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) out.put(line.substring(0, eq), line.substring(eq + 1));
                }
                stepOutputs.put((String) step.get("id"), out);
            }
            if (r.exitCode() != 0) {
                run.failedStep = name;
                break; // every later step has the implicit success() condition
            }
        }
        return run;
    }

    /** The job as written, unless a test changed a copy of it. */
    Map<String, Object> job;

    private Map<String, Object> job() {
        return job != null ? job : map(map(workflow.get("jobs")).get("review"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> steps() {
        return (List<Map<String, Object>>) job().get("steps");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    private static Path mkdirs(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The part of GitHub's expression language the workflow uses: context names, string literals,
     * {@code ==}, {@code !=}, {@code &&} and {@code ||}. Anything else fails the test, so a new
     * condition in the workflow gets a meaning here before it is trusted.
     */
    static final class Expressions {

        private static final Pattern TOKEN = Pattern.compile("\\s*(==|!=|&&|\\|\\||'[^']*'|[A-Za-z_][A-Za-z0-9_.-]*)");
        private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");

        static String substitute(String text, Map<String, String> context) {
            Matcher m = SUBSTITUTION.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(evaluate(m.group(1), context)));
            return m.appendTail(out).toString();
        }

        static boolean truth(String value) {
            return !value.isEmpty() && !value.equals("false") && !value.equals("0");
        }

        static String evaluate(String expression, Map<String, String> context) {
            List<String> tokens = new ArrayList<>();
            Matcher m = TOKEN.matcher(expression);
            int at = 0;
            while (at < expression.length() && m.find(at) && m.start() == at) {
                tokens.add(m.group(1));
                at = m.end();
            }
            if (!expression.substring(at).isBlank()) throw new AssertionError("not understood here: " + expression);
            return or(tokens, context);
        }

        // As in GitHub's language, || and && give one of their operands, not a boolean.
        private static String or(List<String> tokens, Map<String, String> context) {
            String value = "";
            for (List<String> part : split(tokens, "||")) {
                value = and(part, context);
                if (truth(value)) return value;
            }
            return value;
        }

        private static String and(List<String> tokens, Map<String, String> context) {
            String value = "";
            for (List<String> part : split(tokens, "&&")) {
                value = comparison(part, context);
                if (!truth(value)) return value;
            }
            return value;
        }

        private static String comparison(List<String> tokens, Map<String, String> context) {
            if (tokens.size() == 1) return value(tokens.get(0), context);
            if (tokens.size() == 3 && (tokens.get(1).equals("==") || tokens.get(1).equals("!="))) {
                boolean equal = value(tokens.get(0), context).equals(value(tokens.get(2), context));
                return String.valueOf(equal == tokens.get(1).equals("=="));
            }
            throw new AssertionError("not understood here: " + String.join(" ", tokens));
        }

        private static String value(String token, Map<String, String> context) {
            if (token.startsWith("'")) return token.substring(1, token.length() - 1);
            if (token.startsWith("steps.")) return context.getOrDefault(token, "");
            if (!context.containsKey(token)) throw new AssertionError("no value here for " + token);
            return context.get(token);
        }

        private static List<List<String>> split(List<String> tokens, String operator) {
            List<List<String>> parts = new ArrayList<>();
            List<String> part = new ArrayList<>();
            for (String t : tokens) {
                if (t.equals(operator)) {
                    parts.add(part);
                    part = new ArrayList<>();
                } else {
                    part.add(t);
                }
            }
            parts.add(part);
            return parts;
        }
    }
}
