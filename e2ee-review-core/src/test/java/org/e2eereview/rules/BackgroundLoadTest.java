package org.e2eereview.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.e2eereview.Repo;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.model.Model;
import org.e2eereview.report.Builtin;
import org.e2eereview.report.Reports;
import org.e2eereview.review.Reviewer;
import org.junit.jupiter.api.Test;

/**
 * The command line reads the bundled rules on another thread while it reads the model
 * ({@link Startup#inBackground}); a load meets it there. Whoever reads a rule file, it is
 * read once and the rules are the same as rules read on their own.
 */
class BackgroundLoadTest {

    @Test
    void loadsRacingTheBackgroundShareEachRuleAndAgree() throws Exception {
        Startup.inBackground();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RuleSet>> loads = new ArrayList<>();
            Callable<RuleSet> load = () -> RuleSet.load(Startup.catalog(), List.of());
            for (int i = 0; i < 4; i++) loads.add(pool.submit(load));
            RuleSet first = loads.get(0).get();
            for (Future<RuleSet> f : loads) {
                RuleSet other = f.get();
                assertThat(other.rules().keySet()).isEqualTo(first.rules().keySet());
                for (String id : first.rules().keySet()) {
                    assertThat(other.rules().get(id)).as(id + " read once").isSameAs(first.rules().get(id));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rulesReadBesideTheBackgroundReviewAsRulesReadAlone() throws Exception {
        Startup.inBackground();
        Reviewer shared = new Reviewer(RuleSet.load(Startup.catalog(), List.of()), PreparedRulesTest.CLOCK);
        Reviewer alone = new Reviewer(RuleSet.load(Startup.catalog(), List.of(), Cel.compilingEverything()),
                PreparedRulesTest.CLOCK);
        Reports.Options options = new Reports.Options(null, LocalDate.of(2026, 6, 1), null, "test", null);
        try (Stream<Path> examples = Files.list(Repo.file("examples"))) {
            for (Path p : examples.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Model m = new ModelLoader().load(p);
                assertThat(new String(Reports.render(shared.review(m), List.of(Builtin.JSON), options).get(0),
                        StandardCharsets.UTF_8)).as(p.toString()).isEqualTo(new String(Reports.render(alone.review(m),
                        List.of(Builtin.JSON), options).get(0), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void aUsersRuleNamingAnUnknownCatalogEntryIsStillLocatedAtThatEntry(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String rule = Files.readString(Repo.file("rules/KEY-ESCROW.yaml")).replace("id: KEY-ESCROW", "id: MINE")
                .replace("catalog: KEY-ESCROW", "catalog: NO-SUCH-ENTRY");
        Files.writeString(dir.resolve("MINE.yaml"), rule);
        org.e2eereview.load.InputException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.e2eereview.load.InputException.class, () -> RuleSet.load(Startup.catalog(), List.of(dir)));
        int line = rule.lines().toList().indexOf("catalog: NO-SUCH-ENTRY") + 1;
        assertThat(e.problems()).singleElement().hasToString(dir.resolve("MINE.yaml") + ":" + line
                + ":10: unknown catalog entry 'NO-SUCH-ENTRY'");
    }
}
