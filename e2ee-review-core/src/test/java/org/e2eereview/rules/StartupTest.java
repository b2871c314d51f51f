package org.e2eereview.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.e2eereview.Repo;
import org.e2eereview.catalog.Catalog;
import org.e2eereview.load.Bundled;
import org.e2eereview.load.Digests;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.model.Model;
import org.e2eereview.report.Builtin;
import org.e2eereview.report.Reports;
import org.e2eereview.review.Reviewer;
import org.junit.jupiter.api.Test;

/**
 * What the build prepared (process-classes) is used while it fits what is running, and otherwise
 * the YAML is read and the rules checked again, with the same results.
 */
class StartupTest {

    private static final Map<String, byte[]> CATALOG = Bundled.yamlFiles("catalog");

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = Startup.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name + ": the build step ran (mvn process-classes)").isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void theBuildsCatalogIsTheOneItsYamlGivesAndIsUsedWhileTheYamlIsUnchanged() throws Exception {
        byte[] snapshot = resource(Startup.CATALOG_SNAPSHOT);
        Catalog prepared = Startup.preparedCatalog(snapshot, Digests.sha256(CATALOG));
        assertThat(prepared).isNotNull();
        assertThat(prepared.snapshot()).isEqualTo(Catalog.load(CATALOG).snapshot());
        assertThat(Startup.catalog().digest()).isEqualTo(prepared.digest());
        assertThat(Startup.preparedCatalog(snapshot, "the digest of other catalog files")).isNull();
        assertThat(Startup.preparedCatalog(Arrays.copyOf(snapshot, snapshot.length / 2), prepared.digest())).isNull();
    }

    @Test
    void theCelLibraryIsToldByItsOwnClasses() {
        String library = Cel.library();
        assertThat(library).startsWith("cel-java ").doesNotContain(" -").isEqualTo(Cel.library());
        assertThat(library.split(" ")).hasSize(17);
        assertThat(PreparedRules.fingerprint()).startsWith(library + "\n");
    }

    @Test
    void rulesPreparedWithAnotherCelLibraryAreCheckedAgainWithTheSameFindings() throws Exception {
        String now = PreparedRules.fingerprint();
        String other = now.replace(Cel.library(), "cel-java another version");
        byte[] file = PreparedRules.write(PreparedRules.read(resource(Startup.PREPARED_RULES), now), other);
        assertThat(Startup.preparedExpressions(file, other)).as("read with the fingerprint it was written with")
                .isNotEmpty();

        Cel stale = Cel.with(Startup.preparedExpressions(file, now));
        assertThat(stale.preparedCount()).isZero();
        Reviewer checkedAgain = new Reviewer(RuleSet.load(Startup.catalog(), List.of(), stale), PreparedRulesTest.CLOCK);
        assertThat(stale.checkedCount()).as("expressions checked at load").isPositive();
        Reviewer prepared = new Reviewer(RuleSet.load(Startup.catalog(), List.of(), Cel.fromBuild()), PreparedRulesTest.CLOCK);
        Reports.Options options = new Reports.Options(null, LocalDate.of(2026, 6, 1), null, "test", null);
        for (String example : List.of("examples/whatsapp.yaml", "examples/ghost-proposal.yaml", "examples/key-escrow.yaml")) {
            Model m = new ModelLoader().load(Repo.file(example));
            assertThat(new String(Reports.render(checkedAgain.review(m), List.of(Builtin.JSON), options).get(0),
                    StandardCharsets.UTF_8)).as(example).isEqualTo(new String(Reports.render(prepared.review(m),
                    List.of(Builtin.JSON), options).get(0), StandardCharsets.UTF_8));
        }
    }

    @Test
    void anErrorInTheBackgroundEndsTheThreadAndIsThrownToTheNextCaller() throws Exception {
        Error error = new StackOverflowError("in the background");
        AtomicReference<Throwable> uncaught = new AtomicReference<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.set(e));
        try {
            Startup.inBackground(() -> {
                throw error;
            }).join();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertThat(uncaught.get()).as("the thread ended with it").isSameAs(error);
        assertThatThrownBy(Startup::catalog).isSameAs(error);
        assertThat(Startup.catalog()).as("thrown once").isNotNull();

        // A problem that is not an Error is met again by the load that needs the rules.
        Startup.inBackground(() -> {
            throw new IllegalStateException("a rule that does not load");
        }).join();
        assertThat(Startup.catalog()).isNotNull();
    }
}
