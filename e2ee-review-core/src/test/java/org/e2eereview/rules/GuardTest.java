package org.e2eereview.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.e2eereview.Repo;
import org.e2eereview.analysis.AccessAnalysis;
import org.e2eereview.analysis.Analysis;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.load.ModelPatch;
import org.e2eereview.model.Model;
import org.junit.jupiter.api.Test;

/**
 * Guards only save work: whatever they let through or stop, and wherever a condition runs in plain
 * Java instead of CEL, the findings stay the same.
 */
class GuardTest {

    private static Predicate<Map<String, Object>> guard(String condition) throws Cel.CompileError {
        Cel.Checked c = Cel.get().compile(Inspects.CONVERSATION, condition, Cel.Result.BOOL);
        return Guard.of(c.expr(), "conversation");
    }

    private static final Map<String, Object> NO_ACCESS = Map.of("e2e_available", true, "access", List.of(),
            "members", List.of("alice"), "kind", "group");
    private static final Map<String, Object> ACCESS = Map.of("e2e_available", true, "access", List.of(Map.of()),
            "members", List.of(), "kind", "group");
    private static final Map<String, Object> NO_E2EE = Map.of("e2e_available", false, "access", List.of(),
            "members", List.of(), "kind", "one-to-one");

    @Test
    void existsNeedsAnItemAndBothSidesOfAndMustHold() throws Exception {
        Predicate<Map<String, Object>> g = guard(
                "conversation.e2e_available && conversation.access.exists(a, 'adds-member' in a.routes)");
        assertThat(g.test(NO_ACCESS)).isFalse();
        assertThat(g.test(NO_E2EE)).isFalse();
        assertThat(g.test(ACCESS)).isTrue();
    }

    @Test
    void oneSideOfOrMustHoldWhenEverySideHasAGuard() throws Exception {
        Predicate<Map<String, Object>> g = guard("!conversation.e2e_available || conversation.access.exists(a, a.partial)");
        assertThat(g.test(NO_E2EE)).isTrue();
        assertThat(g.test(ACCESS)).isTrue();
        assertThat(g.test(NO_ACCESS)).isFalse();
        assertThat(guard("conversation.e2e_available || conversation.id.startsWith('x')"))
                .as("a side with nothing simple to check may hold for any element").isNull();
    }

    @Test
    void sizesComparedWithZeroNeedAnItem() throws Exception {
        assertThat(guard("conversation.members.size() > 0").test(NO_E2EE)).isFalse();
        assertThat(guard("size(conversation.members) > 0").test(NO_ACCESS)).isTrue();
        assertThat(guard("conversation.members.size() > 1")).isNull();
    }

    @Test
    void foldsThatHoldOnAnEmptyListGetNoGuard() throws Exception {
        assertThat(guard("conversation.access.all(a, a.partial)")).isNull();
        assertThat(guard("conversation.access.exists_one(a, a.partial)")).isNull();
        assertThat(guard("!conversation.access.exists(a, a.partial)")).isNull();
    }

    @Test
    void comparisonsWithLiterals() throws Exception {
        assertThat(guard("conversation.kind == 'group'").test(NO_ACCESS)).isTrue();
        assertThat(guard("conversation.kind != 'group'").test(NO_ACCESS)).isFalse();
        assertThat(guard("conversation.kind in ['one-to-one', 'broadcast']").test(NO_E2EE)).isTrue();
        assertThat(guard("conversation.kind in ['one-to-one', 'broadcast']").test(NO_ACCESS)).isFalse();
    }

    @Test
    void bundledRulesFindTheSameWithAndWithoutGuards() throws Exception {
        RuleSet rules = RuleSet.load(Startup.catalog(), List.of());
        List<Rule> guarded = List.copyOf(rules.rules().values());
        RuleSet without = rules.map(GuardTest::withoutGuard);
        assertThat(guarded).as("most rules have a guard").filteredOn(r -> r.compiled().guard != null)
                .hasSizeGreaterThan(guarded.size() * 3 / 4);
        RuleEngine engine = new RuleEngine(rules);
        RuleEngine unguardedEngine = new RuleEngine(without);
        List<Model> models = new ArrayList<>();
        try (Stream<Path> files = Files.list(Repo.file("examples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                models.add(new ModelLoader().load(f));
            }
        }
        for (Rule r : guarded) {
            for (Rule.Case t : r.tests()) {
                models.add(new ModelLoader().parse(t.name(), ModelPatch.apply(rules.testBase(), t.model())));
            }
        }
        int findings = 0;
        for (Model m : models) {
            Analysis a = AccessAnalysis.analyze(m);
            List<String> with = engine.evaluate(m, a).findings().stream().map(Finding::id).toList();
            assertThat(with).as(m.file()).isEqualTo(unguardedEngine.evaluate(m, a).findings().stream()
                    .map(Finding::id).toList());
            assertThat(engine.evaluate(m, a).findings().stream().map(f -> f.id() + " " + f.severity()).toList())
                    .as(m.file() + " severities").isEqualTo(unguardedEngine.evaluate(m, a).findings().stream()
                            .map(f -> f.id() + " " + f.severity()).toList());
            findings += with.size();
        }
        assertThat(findings).isGreaterThan(100);
    }

    private static Rule withoutGuard(Rule r) {
        Rule.Compiled c = r.compiled();
        return new Rule(r.id(), r.title(), r.titleIf(), r.kind(), r.severity(), r.severityIf(), r.visibleLowers(),
                r.catalog(), r.inspects(),
                r.condition(), r.readersExpression(), r.evidenceRoutes(), r.evidenceFields(), r.evidenceFieldsIf(),
                r.needs(), r.explains(), r.message(), r.withoutReaders(), r.remediation(), r.verdict(), r.tests(), r.file(), r.at(),
                new Rule.Compiled(null, false, c.when, c.readers, c.severityIf.stream()
                        .map(later -> Later.now(interpreted(later.get()))).toList(), c.titleIf, c.message, c.withoutReaders, c.evidenceRoutes,
                        c.evidenceIf, interpreted(c.needs), c::conjuncts));
    }

    /** The same conditions, always run by the CEL interpreter. */
    private static List<Condition> interpreted(List<Condition> conditions) {
        return conditions.stream().map(GuardTest::interpreted).toList();
    }

    private static Condition interpreted(Condition x) {
        return x == null ? null : new Condition(x.program(), null);
    }
}
