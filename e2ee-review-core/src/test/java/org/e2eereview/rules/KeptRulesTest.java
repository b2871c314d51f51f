package org.e2eereview.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.e2eereview.load.Bundled;
import org.junit.jupiter.api.Test;

/**
 * The build keeps the bundled rule files as reading them gives (process-classes writes
 * org/e2eereview/rules/bundled-rules.bin), and a run uses that only while it was kept from the rule
 * files bundled now: the same rules as their YAML gives, or the YAML is read.
 */
class KeptRulesTest {

    private static byte[] snapshot() throws Exception {
        try (InputStream in = Startup.class.getClassLoader().getResourceAsStream(Startup.RULES_SNAPSHOT)) {
            assertThat(in).as("the build step ran (mvn process-classes)").isNotNull();
            return in.readAllBytes();
        }
    }

    private static Map<String, byte[]> ruleFiles() {
        Map<String, byte[]> files = new TreeMap<>(Bundled.yamlFiles("rules"));
        files.remove("rules/" + RuleSet.TEST_BASE);
        return files;
    }

    @Test
    void theBuildKeptEveryBundledRuleAsItsYamlReads() throws Exception {
        Map<String, RuleSet.Described> kept = Startup.keptRules(snapshot(), RuleSet.bundledDigest());
        assertThat(kept.keySet()).isEqualTo(ruleFiles().keySet());
        RuleSet.Kept fromYaml = RuleSet.keep();
        assertThat(fromYaml.digest()).isEqualTo(RuleSet.bundledDigest());
        for (var e : fromYaml.rules().entrySet()) {
            assertThat(kept.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(e.getValue().tests()).as(e.getKey() + ": its test cases are kept too").isNotEmpty();
        }
    }

    @Test
    void keptRulesOfOtherFilesOrDamagedOnesAreNotUsed() throws Exception {
        byte[] snapshot = snapshot();
        assertThat(Startup.keptRules(snapshot, "the digest of other rule files")).isEmpty();
        assertThat(Startup.keptRules(Arrays.copyOf(snapshot, snapshot.length / 2), RuleSet.bundledDigest())).isEmpty();
        byte[] damaged = snapshot.clone();
        for (int i = damaged.length / 3; i < damaged.length / 3 + 64; i++) damaged[i] = (byte) 0xff;
        assertThat(Startup.keptRules(damaged, RuleSet.bundledDigest())).isEmpty();
        assertThat(Startup.keptRules(null, RuleSet.bundledDigest())).isEmpty();
        assertThat(Startup.keptRules("not a snapshot".getBytes(StandardCharsets.UTF_8), RuleSet.bundledDigest())).as("not a snapshot at all").isEmpty();
    }

    @Test
    void theRulesAProcessLoadsAreTheRulesTheYamlGives() throws Exception {
        RuleSet shared = RuleSet.load(Startup.catalog(), List.of());
        RuleSet yaml = RuleSet.load(Startup.catalog(), List.of(), Cel.compilingEverything());
        assertThat(shared.rules().keySet()).isEqualTo(yaml.rules().keySet());
        assertThat(shared.digest()).isEqualTo(yaml.digest());
        assertThat(shared.ordered().stream().map(Rule::id).toList()).isEqualTo(yaml.ordered().stream().map(Rule::id).toList());
        for (String id : yaml.rules().keySet()) {
            for (RecordComponent c : Rule.class.getRecordComponents()) {
                if (c.getName().equals("compiled")) continue;
                assertThat(c.getAccessor().invoke(shared.rules().get(id))).as(id + "." + c.getName())
                        .isEqualTo(c.getAccessor().invoke(yaml.rules().get(id)));
            }
        }
    }

    @Test
    void aKeptRuleThatNoLongerCompilesIsReadFromItsYaml() throws Exception {
        String file = "rules/KEY-ESCROW.yaml";
        RuleSet.Described good = RuleSet.keep().rules().get(file);
        RuleSet.Described broken = new RuleSet.Described(good.id(), good.title(), good.titleIf(), good.kind(),
                good.severity(), good.severityIf(), good.visibleLowers(), good.catalog(), good.catalogAt(),
                good.inspects(), "key.no_such_field", good.readersExpression(), good.evidenceRoutes(),
                good.evidenceFields(), good.evidenceFieldsIf(), good.needs(), good.explains(), good.message(),
                good.withoutReaders(), good.remediation(), good.verdict(), good.tests(), good.file(), good.at());
        Cel cel = Cel.fromBuild();
        RuleSet.Parsed fromKept = RuleSet.readBundled(file, ruleFiles().get(file), cel, Map.of(file, good));
        assertThat(fromKept.problems()).isEmpty();
        assertThat(fromKept.rule().condition()).isEqualTo(good.condition());
        RuleSet.Parsed p = RuleSet.readBundled(file, ruleFiles().get(file), cel, Map.of(file, broken));
        assertThat(p.problems()).isEmpty();
        assertThat(p.rule().condition()).as("the YAML's").isEqualTo(good.condition());
    }
}
