package org.e2eereview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.e2eereview.Corpus;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.load.ModelPatch;
import org.e2eereview.rules.Finding;
import org.junit.jupiter.api.Test;

/**
 * A reading members are shown is lowered alike whatever the route: a held key, something a flow
 * brings, a feature's result, an added device. Each pair is one design read unseen and read visibly;
 * the visible finding is one severity lower, keeps its reader, and says what shows it.
 */
class VisibilityTest {

    record Pair(String rule, String element, String unseen, String visible) {
    }

    static final List<Pair> PAIRS = List.of(
            new Pair("KEY-ESCROW", "compliance-key", """
                    parties:
                      employer: { kind: organisation }
                    components:
                      escrow: { kind: escrow-vault, run-by: employer }
                    keys:
                      compliance-key: { kind: escrow, stored-on: [escrow], protects: [session], scope: user }
                    """, """
                    parties:
                      employer: { kind: organisation }
                    components:
                      escrow: { kind: escrow-vault, run-by: employer }
                    keys:
                      compliance-key: { kind: escrow, stored-on: [escrow], protects: [session], scope: user,
                                        shown-to-members: true }
                    """),
            new Pair("PLAINTEXT-EGRESS", "archive", """
                    parties:
                      employer: { kind: organisation }
                    components:
                      archive-store: { kind: storage, run-by: employer }
                    flows:
                      archive: { from: phone, to: archive-store, carries: [messages], protection: transport }
                    """, """
                    parties:
                      employer: { kind: organisation }
                    components:
                      archive-store: { kind: storage, run-by: employer }
                    flows:
                      archive: { from: phone, to: archive-store, carries: [messages], protection: transport,
                                 shown-to-members: true }
                    """),
            new Pair("CLIENT-SIDE-SCANNING", "scanner", """
                    features:
                      scanner: { kind: content-scanning, runs-on: phone, inspects: [messages], method: classifier,
                                 results-to: [provider], applies-to: all-users, discloses: [messages] }
                    """, """
                    features:
                      scanner: { kind: content-scanning, runs-on: phone, inspects: [messages], method: classifier,
                                 results-to: [provider], applies-to: all-users, discloses: [messages],
                                 user-informed: true }
                    """),
            new Pair("SILENT-DEVICE-ADD", "chat", """
                    conversations:
                      chat:
                        membership: { device-list-signed: false, device-changes-shown: never, device-keys-from: null }
                    """, """
                    conversations:
                      chat:
                        membership: { device-list-signed: false, device-changes-shown: always, device-keys-from: null }
                    """));

    @Test
    void aReadingMembersAreShownIsOneSeverityLowerOnEveryRoute() throws Exception {
        Reviewer reviewer = Corpus.reviewer();
        for (Pair p : PAIRS) {
            Finding unseen = finding(reviewer, p.rule(), p.element(), p.unseen());
            Finding visible = finding(reviewer, p.rule(), p.element(), p.visible());
            assertThat(visible.severity()).as(p.rule() + " shown to members").isEqualTo(unseen.severity().lower());
            assertThat(visible.readers()).as(p.rule()).isEqualTo(unseen.readers()).isNotEmpty();
            assertThat(visible.reads()).as(p.rule()).allMatch(r -> !r.lowering().isEmpty());
            assertThat(unseen.reads()).as(p.rule()).anyMatch(r -> r.lowering().isEmpty());
            assertThat(visible.safeguards()).as(p.rule()).anyMatch(s -> !s.prevents());
        }
    }

    @Test
    void aVisibleDeviceAdditionIsNotCalledSilent() throws Exception {
        Reviewer reviewer = Corpus.reviewer();
        Pair p = PAIRS.get(3);
        assertThat(finding(reviewer, p.rule(), p.element(), p.unseen()).title()).isEqualTo("Silent device addition");
        assertThat(finding(reviewer, p.rule(), p.element(), p.visible()).title())
                .isEqualTo("Device addition members see but cannot stop");
    }

    private static Finding finding(Reviewer reviewer, String rule, String element, String patch) throws Exception {
        byte[] model = ModelPatch.apply(Corpus.rules().testBase(), patch);
        Review r = reviewer.review(new ModelLoader().parse(rule + ".yaml", model));
        return r.weakenings().stream().map(Reviewed::finding).filter(f -> f.id().equals(rule + "@" + element))
                .findFirst().orElseThrow(() -> new AssertionError(rule + "@" + element + " not found in "
                        + r.weakenings().stream().map(w -> w.finding().id()).toList()));
    }
}
