package org.e2eereview.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.e2eereview.Corpus;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.load.ModelPatch;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.junit.jupiter.api.Test;

/**
 * Silence is never safety: for every field a rule needs, a model that writes that field alone, at
 * its weakest, gets the rule's finding or is listed as not assessed by it; never neither.
 */
class NeedsTest {

    /** The element of the base model each kind of rule is tried on, and how to clear what its needs name. */
    private static final Map<Inspects, String> ELEMENT = Map.of(Inspects.CONVERSATION, "chat", Inspects.COMPONENT, "phone");

    /** Each needed field at its weakest, as a patch that writes it (and nothing else the rule needs) on the element. */
    private static final Map<String, String> WEAKEST = Map.ofEntries(
            Map.entry("membership.managed-by", "conversations:\n  chat:\n    membership: { managed-by: relay }\n"),
            Map.entry("membership.changes-shown", "conversations:\n  chat:\n    membership: { changes-shown: never }\n"),
            Map.entry("membership.device-list-signed",
                    "conversations:\n  chat:\n    membership: { device-list-signed: false }\n"),
            Map.entry("membership.device-changes-shown",
                    "conversations:\n  chat:\n    membership: { device-changes-shown: never }\n"),
            Map.entry("membership.unverified-devices",
                    "conversations:\n  chat:\n    membership: { unverified-devices: share }\n"),
            Map.entry("membership.devices-managed-by",
                    "conversations:\n  chat:\n    membership: { devices-managed-by: relay }\n"),
            Map.entry("membership.device-keys-from",
                    "conversations:\n  chat:\n    membership: { device-keys-from: directory }\n"),
            Map.entry("fallback", "conversations:\n  chat:\n    fallback: { to: sms, automatic: true }\n"),
            Map.entry("end-to-end.forward-secrecy",
                    "conversations:\n  chat:\n    end-to-end: { forward-secrecy: false }\n"),
            Map.entry("updates", "components:\n  phone:\n    updates: { per-user-targeting: true }\n"),
            Map.entry("attestation.hardware-by", """
                    components:
                      phone:
                        kind: enclave
                        attestation: { verified-by-clients: true, hardware-by: [vendor] }
                    """),
            Map.entry("attestation", """
                    components:
                      phone:
                        kind: enclave
                        attestation: { verified-by-clients: true, hardware-by: [vendor] }
                    """));

    /** What clears every field a rule's needs name on the element, so that the one written is alone. */
    private static final Map<Inspects, String> CLEAR = Map.of(
            Inspects.CONVERSATION, "conversations:\n  chat:\n    membership: null\n    fallback: null\n"
                    + "    end-to-end: { forward-secrecy: null }\n",
            Inspects.COMPONENT, "components:\n  phone:\n    updates: null\n");

    @Test
    void everyNeededFieldWrittenAloneGivesAFindingOrNotAssessedNeverSilence() throws Exception {
        RuleSet rules = Corpus.rules();
        int tried = 0;
        for (Rule rule : rules.rules().values()) {
            for (Rule.Need need : rule.needs()) {
                for (String field : need.fields()) {
                    String weakest = WEAKEST.get(field);
                    assertThat(weakest).as(rule.id() + " needs " + field + ": add its weakest value to this test").isNotNull();
                    String element = ELEMENT.get(rule.inspects());
                    byte[] model = ModelPatch.apply(ModelPatch.apply(rules.testBase(), CLEAR.get(rule.inspects())), weakest);
                    Review r = Corpus.reviewer().review(new ModelLoader().parse(rule.id() + " " + field, model));
                    boolean found = r.weakenings().stream().map(Reviewed::finding)
                            .anyMatch(f -> f.rule().equals(rule.id()) && f.element().equals(element));
                    boolean skipped = r.notAssessed().stream()
                            .anyMatch(n -> n.rule().equals(rule.id()) && n.element().equals(element));
                    assertThat(found || skipped).as("%s with only %s written at its weakest: neither a finding nor "
                            + "not assessed", rule.id(), field).isTrue();
                    tried++;
                }
            }
        }
        assertThat(tried).isGreaterThanOrEqualTo(List.of("ghost 2", "scm 2", "silent 5", "fallback", "fs", "updates",
                "directory", "enclave").size());
    }
}
