package org.e2eereview.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.e2eereview.Corpus;
import org.e2eereview.Golden;
import org.e2eereview.Repo;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.model.Data;
import org.e2eereview.model.Model;
import org.junit.jupiter.api.Test;

/**
 * Proposals bind only what they concern: for every proposal and every example, what each placeholder
 * stood for, listed in e2ee-review-core/src/test/resources/assess/bindings.tsv (a change to it is reviewed like code),
 * and checked by kind: message content never takes call media, counters or group state.
 */
class ProposalBindingsTest {

    private static final Set<Data.Kind> MESSAGES = EnumSet.of(Data.Kind.MESSAGE_CONTENT, Data.Kind.ATTACHMENT,
            Data.Kind.LINK, Data.Kind.LINK_PREVIEW);

    @Test
    void everyProposalOnEveryExampleBindsWhatItConcerns() throws Exception {
        Assessor assessor = new Assessor(Corpus.reviewer());
        List<String> table = new ArrayList<>();
        table.add("# example\tproposal\tplaceholder\tbound to (or why it cannot apply)");
        for (Path p : Corpus.files("examples")) {
            Model m = new ModelLoader().load(p);
            for (Assessment a : assessor.assess(p, List.of()).assessments()) {
                String id = a.proposal().id();
                if (!a.applied()) table.add(p.getFileName() + "\t" + id + "\t-\t" + a.notApplicable());
                for (Map.Entry<String, List<String>> b : a.bindings().entrySet()) {
                    table.add(p.getFileName() + "\t" + id + "\t" + b.getKey() + "\t" + String.join(", ", b.getValue()));
                    if (b.getKey().equals("content")) {
                        for (String d : b.getValue()) {
                            assertThat(m.data().get(d).kind()).as(p + " " + id + " binds " + d).isIn(MESSAGES);
                        }
                    }
                    if (b.getKey().equals("managed")) {
                        for (String c : b.getValue()) {
                            assertThat(m.conversations().get(c).kind().yamlName()).as(p + " " + id + " " + c)
                                    .isIn("group", "call", "channel");
                        }
                    }
                }
            }
        }
        Golden.check(Repo.file("e2ee-review-core/src/test/resources/assess/bindings.tsv"), String.join("\n", table) + "\n");
    }
}
