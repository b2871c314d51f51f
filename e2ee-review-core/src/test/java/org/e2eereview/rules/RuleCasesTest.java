package org.e2eereview.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.e2eereview.catalog.Catalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule's own test cases, one dynamic test per case: the rule must fire on exactly what it expects,
 * and its findings say what the case says they say. (That every rule has a case that fires and one that
 * does not is the loader's to refuse: RuleLoadingTest.)
 */
class RuleCasesTest {

    static RuleSet rules;

    @BeforeAll
    static void load() throws Exception {
        rules = RuleSet.load(Startup.catalog(), List.of());
    }

    @TestFactory
    Stream<DynamicTest> everyRuleCase() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule r : rules.rules().values()) {
            for (RuleCases.Outcome o : RuleCases.run(rules, r)) {
                tests.add(DynamicTest.dynamicTest(r.id() + ": " + o.test().name(),
                        () -> assertThat(o.passed()).as(o.describe()).isTrue()));
            }
        }
        return tests.stream();
    }

    @Test
    void everyCatalogEntryHasARule() {
        Catalog c = rules.catalog();
        List<String> implemented = new java.util.ArrayList<>(rules.rules().values().stream().map(Rule::catalog).toList());
        rules.rules().values().forEach(r -> r.titleIf().stream().map(Rule.TitleIf::catalog)
                .filter(java.util.Objects::nonNull).forEach(implemented::add));
        assertThat(implemented).containsAll(c.weakenings().keySet()).containsAll(c.safetyFeatures().keySet());
    }

    @Test
    void safetyFeatureRulesFollowTheirCatalogVerdict() {
        for (Rule r : rules.rules().values()) {
            if (r.kind() != RuleKind.SAFETY_FEATURE) continue;
            var entry = rules.catalog().safetyFeatures().get(r.catalog());
            switch (entry.preservesE2ee()) {
                case YES -> assertThat(r.verdict()).as(r.id()).isEqualTo(Verdict.PRESERVES);
                case NO -> assertThat(r.verdict()).as(r.id()).isEqualTo(Verdict.WEAKENS);
                case CONDITIONAL -> assertThat(r.verdict()).as(r.id()).isNotNull();
            }
        }
    }
}
