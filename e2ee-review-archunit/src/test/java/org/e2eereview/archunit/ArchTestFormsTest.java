package org.e2eereview.archunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.e2eereview.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The two ways docs/archunit.md shows to run the rules with ArchUnit's own JUnit 5 engine, each run by
 * that engine on a model with a typo. The method form, which docs/archunit.md recommends, makes the
 * typo a failure of that test, located; the field form loads the model while ArchUnit discovers tests,
 * so the typo stops discovery and no test runs.
 */
class ArchTestFormsTest {

    static final String MODEL = "e2ee-review.archtest.model";

    /** As docs/archunit.md writes it. Named so that the build does not run it itself. */
    @AnalyzeClasses(classes = ArchTestFormsTest.class)
    static class MethodForm {
        @ArchTest
        static void codeFollowsTheModel(JavaClasses classes) {
            ModelArchRules.from(Path.of(System.getProperty(MODEL))).check(classes);
        }
    }

    @AnalyzeClasses(classes = ArchTestFormsTest.class)
    static class FieldForm {
        @ArchTest
        static final ArchRule followsTheModel = ModelArchRules.from(Path.of(System.getProperty(MODEL))).all();
    }

    /** What the engine reported: each test's outcome, and anything that failed above the tests. */
    static final class Outcomes implements TestExecutionListener {
        final List<String> tests = new ArrayList<>();
        final List<Throwable> failures = new ArrayList<>();
        final List<String> containersFailed = new ArrayList<>();

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) tests.add(id.getDisplayName() + " " + result.getStatus());
            else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) containersFailed.add(id.getDisplayName());
            result.getThrowable().ifPresent(failures::add);
        }
    }

    static Outcomes run(Class<?> test, Path model) {
        System.setProperty(MODEL, model.toString());
        try {
            Outcomes outcomes = new Outcomes();
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(test))
                    .filters(EngineFilter.includeEngines("archunit")).build(), outcomes);
            return outcomes;
        } finally {
            System.clearProperty(MODEL);
        }
    }

    static Path typo(Path dir) throws Exception {
        String model = Files.readString(Repo.file("examples/java-messenger/model.yaml"));
        assertThat(model).contains("kind: client");
        return Files.writeString(dir.resolve("model.yaml"), model.replaceFirst("kind: client", "kind: clinet"));
    }

    @Test
    void inTheMethodFormATypoFailsThatTestWithItsPlace(@TempDir Path dir) throws Exception {
        Path model = typo(dir);
        Outcomes outcomes = run(MethodForm.class, model);
        assertThat(outcomes.tests).containsExactly("codeFollowsTheModel FAILED");
        assertThat(outcomes.containersFailed).isEmpty();
        assertThat(outcomes.failures).singleElement().isExactlyInstanceOf(AssertionError.class)
                .extracting(Throwable::getMessage).asString()
                .startsWith("e2ee-review cannot use the model " + model + ":\n" + model + ":")
                .containsPattern(":\\d+:\\d+: .*'clinet'");
    }

    /** What the issue saw: "TestEngine with ID 'archunit' failed to discover tests", the typo only in its cause. */
    @Test
    void inTheFieldFormATypoStopsDiscoveryAndNoTestRuns(@TempDir Path dir) throws Exception {
        Path model = typo(dir);
        Outcomes[] outcomes = new Outcomes[1];
        assertThatThrownBy(() -> outcomes[0] = run(FieldForm.class, model))
                .hasMessageContaining("TestEngine with ID 'archunit' failed to discover tests");
        assertThat(outcomes[0]).as("no test ran").isNull();
    }
}
