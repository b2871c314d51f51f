package org.e2eereview.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.e2eereview.Repo;
import org.e2eereview.analysis.AccessAnalysis;
import org.e2eereview.analysis.Analysis;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.load.ModelPatch;
import org.e2eereview.model.Model;
import org.junit.jupiter.api.Test;

import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;

/** Expressions run as Java give what CEL's interpreter gives, and so do the rules built from them. */
class DirectProgramTest {

    private static final Map<String, Object> GROUP = Map.of("id", "chat", "kind", "group", "e2e_available", true,
            "members", List.of("alice", "bob"), "verification", List.of(),
            "access", List.of(Map.of("party", "provider", "routes", List.of("adds-member", "holds-key"), "partial", false),
                    Map.of("party", "police", "routes", List.of("adds-member"), "partial", true)));

    private static Object[] both(String expression) throws Exception {
        CelRuntime.Program p = Cel.get().compile(Inspects.CONVERSATION, expression, Cel.Result.ANY).program();
        assertThat(p).as(expression).isInstanceOf(DirectProgram.class);
        Optional<Object> view = Optional.of(GROUP);
        CelVariableResolver vars = name -> name.equals("conversation") ? view : Optional.empty();
        return new Object[] {p.eval(vars), ((DirectProgram) p).interpreted().eval(vars)};
    }

    private static void same(String expression, Object expected) throws Exception {
        Object[] results = both(expression);
        assertThat(results[0]).as(expression).isEqualTo(results[1]).isEqualTo(expected);
    }

    @Test
    void macros() throws Exception {
        same("conversation.access.exists(a, 'holds-key' in a.routes)", true);
        same("conversation.access.all(a, a.partial)", false);
        same("conversation.access.exists_one(a, a.partial)", true);
        same("conversation.access.filter(a, !a.partial).map(a, a.party)", List.of("provider"));
        same("conversation.access.map(a, a.routes.size())", List.of(2L, 1L));
        same("conversation.access.exists(a, a.routes.exists(r, r == 'adds-member' && a.party == 'police'))", true);
        same("conversation.verification.all(v, v == 'x')", true);
        same("conversation.access.filter(a, a.routes.exists(r, r == 'holds-key')).map(a, a.party)", List.of("provider"));
        same("conversation.access.map(a, a.routes.filter(r, r != 'holds-key'))", List.of(List.of("adds-member"), List.of("adds-member")));
        same("conversation.access.map(a, a.partial, a.party + '?')", List.of("police?"));
        same("conversation.members.filter(m, conversation.members.filter(n, n < m).size() > 0)", List.of("bob"));
    }

    @Test
    void textsListsAndNumbers() throws Exception {
        same("conversation.members.join(', ') + ' in ' + conversation.id", "alice, bob in chat");
        same("conversation.members.join()", "alicebob");
        same("conversation.members + ['carol']", List.of("alice", "bob", "carol"));
        same("size(conversation.members) > 1 ? string(size(conversation.members)) : 'few'", "2");
        same("conversation.kind in ['one-to-one', 'group'] && !(conversation.id in conversation.members)", true);
        same("conversation.verification.size() >= 1 || conversation.id < 'd'", true);
        same("conversation.members == ['alice', 'bob'] && conversation.kind != 'group'", false);
    }

    @Test
    void aChoiceOfWordsFromAMapLiteral() throws Exception {
        same("{'group': 'a group', 'one-to-one': 'two people'}[conversation.kind]", "a group");
        same("'in ' + {'chat': conversation.members.join(' and '), 'other': 'no one'}[conversation.id]", "in alice and bob");
        CelRuntime.Program p = Cel.get().compile(Inspects.CONVERSATION, "{'one-to-one': 'two people'}[conversation.kind]",
                Cel.Result.ANY).program();
        assertThat(p).isInstanceOf(DirectProgram.class);
        Optional<Object> view = Optional.of(GROUP);
        CelVariableResolver vars = name -> name.equals("conversation") ? view : Optional.empty();
        Throwable direct = org.assertj.core.api.Assertions.catchThrowable(() -> p.eval(vars));
        Throwable interpreted = org.assertj.core.api.Assertions.catchThrowable(() -> ((DirectProgram) p).interpreted().eval(vars));
        assertThat(direct).as("a key not there: CEL's own error").isNotNull().hasMessage(interpreted.getMessage());
    }

    @Test
    void whatItDoesNotCoverIsLeftToCel() throws Exception {
        CelRuntime.Program p = Cel.get().compile(Inspects.CONVERSATION, "conversation.id.startsWith('ch')",
                Cel.Result.ANY).program();
        assertThat(p).isNotInstanceOf(DirectProgram.class);
    }

    @Test
    void bundledRulesFindTheSameRunByTheInterpreter() throws Exception {
        RuleSet rules = RuleSet.load(Startup.catalog(), List.of());
        RuleEngine direct = new RuleEngine(rules);
        RuleEngine interpreted = new RuleEngine(rules.map(DirectProgramTest::interpreted));
        List<Model> models = new ArrayList<>();
        try (Stream<Path> files = Files.list(Repo.file("examples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                models.add(new ModelLoader().load(f));
            }
        }
        for (Rule r : rules.rules().values()) {
            for (Rule.Case t : r.tests()) {
                models.add(new ModelLoader().parse(t.name(), ModelPatch.apply(rules.testBase(), t.model())));
            }
        }
        int findings = 0;
        for (Model m : models) {
            Analysis a = AccessAnalysis.analyze(m);
            RuleEngine.Evaluation got = direct.evaluate(m, a);
            assertThat(got).as(m.file()).isEqualTo(interpreted.evaluate(m, a));
            findings += got.findings().size();
        }
        assertThat(findings).isGreaterThan(100);
    }

    private static Rule interpreted(Rule r) {
        Rule.Compiled c = r.compiled();
        return new Rule(r.id(), r.title(), r.titleIf(), r.kind(), r.severity(), r.severityIf(), r.visibleLowers(),
                r.catalog(), r.inspects(),
                r.condition(), r.readersExpression(), r.evidenceRoutes(), r.evidenceFields(), r.evidenceFieldsIf(),
                r.needs(), r.explains(), r.message(), r.withoutReaders(), r.remediation(), r.verdict(), r.tests(), r.file(), r.at(),
                new Rule.Compiled(c.guard, c.exactGuard, interpreted(c.when), later(c.readers),
                        c.severityIf.stream().map(DirectProgramTest::later).toList(),
                        c.titleIf.stream().map(DirectProgramTest::later).toList(), parts(c.message), parts(c.withoutReaders),
                        c.evidenceRoutes, c.evidenceIf.stream().map(DirectProgramTest::later).toList(),
                        c.needs.stream().map(n -> (Condition) interpretedPart(n)).toList(), c::conjuncts));
    }

    private static <T> Later<T> later(Later<T> part) {
        @SuppressWarnings("unchecked")
        Later<T> out = part == null ? null : Later.when(() -> (T) interpretedPart(part.get()));
        return out;
    }

    private static List<Object> parts(List<Object> template) {
        return template == null ? null
                : template.stream().map(p -> p instanceof Later<?> l ? later(l) : interpretedPart(p)).toList();
    }

    private static Object interpretedPart(Object part) {
        if (part instanceof CelRuntime.Program p) return interpreted(p);
        if (part instanceof Condition c) return new Condition(interpreted(c.program()), c.exact());
        return part;
    }

    private static CelRuntime.Program interpreted(CelRuntime.Program p) {
        return p instanceof DirectProgram d ? d.interpreted() : p;
    }
}
