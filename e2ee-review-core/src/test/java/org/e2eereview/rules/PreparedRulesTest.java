package org.e2eereview.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.e2eereview.Repo;
import org.e2eereview.bench.SyntheticModel;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.model.Model;
import org.e2eereview.report.Builtin;
import org.e2eereview.report.Reports;
import org.e2eereview.review.Reviewer;
import org.junit.jupiter.api.Test;

/**
 * The rules checked at build time (target/classes/org/e2eereview/rules/prepared-rules.bin, made
 * in process-classes) are every bundled expression, and give the same reviews as rules checked
 * when they load.
 */
class PreparedRulesTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void everyExpressionOfTheBundledRulesComesPrepared() throws Exception {
        Cel cel = Cel.fromBuild();
        assertThat(cel.preparedCount()).as("the build step ran: mvn process-classes").isPositive();
        RuleSet rules = RuleSet.load(Startup.catalog(), List.of(), cel);
        for (Rule r : rules.rules().values()) r.compiled().conjuncts();
        assertThat(cel.checkedCount()).as("expressions the build did not prepare").isZero();
    }

    @Test
    void whatARuleNeedsOnlyOnceItFiresIsMadeReadyWhenItFirstFires() throws Exception {
        Cel cel = Cel.fromBuild();
        RuleSet rules = RuleSet.load(Startup.catalog(), List.of(), cel);
        int atLoad = cel.readyCount();
        assertThat(atLoad).as("conditions and guards are ready at load").isPositive()
                .as("messages, readers, severity-if and evidence conditions are not").isLessThan(cel.preparedCount() / 2);
        new Reviewer(rules, CLOCK).review(new ModelLoader().load(Repo.file("examples/ghost-proposal.yaml")));
        assertThat(cel.readyCount()).as("the parts of the rules that fired").isGreaterThan(atLoad);
        assertThat(cel.checkedCount()).isZero();
    }

    @Test
    void reviewsOfTheExamplesNeverBuildCelsInterpreterButAnExpressionThatNeedsItDoes() throws Exception {
        Cel cel = Cel.fromBuild();
        Reviewer reviewer = new Reviewer(RuleSet.load(Startup.catalog(), List.of(), cel), CLOCK);
        try (Stream<Path> examples = Files.list(Repo.file("examples"))) {
            for (Path p : examples.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                reviewer.review(new ModelLoader().load(p));
            }
        }
        assertThat(cel.readyCount()).isPositive();
        assertThat(cel.hasRuntime()).as("every expression run was covered by DirectProgram").isFalse();
        // Bytes are not covered: CEL's own program, built at once, with the interpreter it needs.
        var program = cel.compile(Inspects.KEY, "b'abc' == b'abc'", Cel.Result.BOOL).program();
        assertThat(cel.hasRuntime()).isTrue();
        assertThat(program.eval(name -> java.util.Optional.empty())).isEqualTo(true);
    }

    @Test
    void everyPreparedExpressionReadsBackAsTheCheckerGaveIt() throws Exception {
        Cel fresh = Cel.compilingEverything();
        Map<PreparedRules.Key, PreparedRules.Entry> prepared = Startup.preparedExpressions();
        assertThat(prepared).isNotEmpty();
        for (var e : prepared.entrySet()) {
            PreparedRules.Key k = e.getKey();
            var read = CheckedCodec.decode(e.getValue().checked());
            assertThat(read.getExpr()).as(k.expression())
                    .isEqualTo(fresh.compile(k.kind(), k.expression(), k.result()).expr());
            assertThat(read.isChecked()).isTrue();
        }
    }

    @Test
    void whatTheCodecDoesNotCoverIsLeftToBeCheckedAndDamageIsCaught() throws Exception {
        Map<PreparedRules.Key, PreparedRules.Entry> record = new java.util.HashMap<>();
        Cel recording = Cel.recording(record);
        recording.compile(Inspects.KEY, "b'bytes' == b'bytes'", Cel.Result.BOOL);
        assertThat(record).as("a bytes constant is not covered: not prepared").isEmpty();
        recording.compile(Inspects.KEY, "key.id.startsWith('k') && [1, 2].exists(x, x > 1)", Cel.Result.BOOL);
        byte[] bytes = record.values().iterator().next().checked();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CheckedCodec.decode(java.util.Arrays.copyOf(bytes,
                bytes.length - 3))).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aUsersRuleIsStillCheckedWhenItLoads() throws Exception {
        Cel cel = Cel.fromBuild();
        assertThat(cel.compile(Inspects.CONVERSATION, "conversation.members.size() > 7", Cel.Result.BOOL)).isNotNull();
        assertThat(cel.checkedCount()).isEqualTo(1);
        Cel.CompileError misspelt = org.assertj.core.api.Assertions.catchThrowableOfType(Cel.CompileError.class,
                () -> cel.compile(Inspects.CONVERSATION, "conversation.membrs.size() > 7", Cel.Result.BOOL));
        assertThat(misspelt.issues.get(0).message()).contains("undefined field 'membrs'");
    }

    @Test
    void preparedAndFreshlyCheckedRulesGiveTheSameReviews() throws Exception {
        Reviewer prepared = new Reviewer(RuleSet.load(Startup.catalog(), List.of(), Cel.fromBuild()), CLOCK);
        Reviewer fresh = new Reviewer(RuleSet.load(Startup.catalog(), List.of(), Cel.compilingEverything()), CLOCK);
        List<Model> models = new ArrayList<>();
        try (Stream<Path> examples = Files.list(Repo.file("examples"))) {
            for (Path p : examples.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                models.add(new ModelLoader().load(p));
            }
        }
        models.add(new ModelLoader().parse("synthetic.yaml", SyntheticModel.generate(2000).getBytes(StandardCharsets.UTF_8)));
        Reports.Options options = new Reports.Options(null, LocalDate.of(2026, 6, 1), null, "test", null);
        for (Model m : models) {
            String a = new String(Reports.render(prepared.review(m), List.of(Builtin.JSON), options).get(0),
                    StandardCharsets.UTF_8);
            String b = new String(Reports.render(fresh.review(m), List.of(Builtin.JSON), options).get(0),
                    StandardCharsets.UTF_8);
            assertThat(a).as(m.file()).isEqualTo(b);
        }
    }

    @Test
    void theFileRoundTripsAndCountsOnlyForTheDeclarationsItWasCheckedAgainst() throws Exception {
        Map<PreparedRules.Key, PreparedRules.Entry> record = new java.util.HashMap<>();
        Cel recording = Cel.recording(record);
        recording.compile(Inspects.KEY, "key.kind == 'escrow'", Cel.Result.BOOL);
        try {
            recording.compile(Inspects.KEY, "key.kind", Cel.Result.BOOL);
        } catch (Cel.CompileError expected) {
            // recorded as a failure, with its issues
        }
        byte[] file = PreparedRules.write(record, PreparedRules.fingerprint());
        Map<PreparedRules.Key, PreparedRules.Entry> read = PreparedRules.read(file, PreparedRules.fingerprint());
        assertThat(read).hasSize(2);
        assertThat(read.get(new PreparedRules.Key(Inspects.KEY, Cel.Result.BOOL, "key.kind")).issues()).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("must be true or false"));
        assertThat(PreparedRules.write(read, PreparedRules.fingerprint())).as("the same bytes again").isEqualTo(file);
        assertThat(PreparedRules.read(file, "another view declaration")).isEmpty();
    }
}
