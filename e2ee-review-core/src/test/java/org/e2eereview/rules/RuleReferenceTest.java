package org.e2eereview.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.e2eereview.Golden;
import org.e2eereview.Repo;
import org.junit.jupiter.api.Test;

/** docs/rules.md is generated from rules/ and catalog/; it must not go stale. */
class RuleReferenceTest {

    static final Path DOC = Repo.file("docs/rules.md");

    @Test
    void ruleReferenceIsCurrent() throws Exception {
        Golden.check(DOC, RuleReference.markdown(RuleSet.load(Startup.catalog(), List.of())));
    }

    @Test
    void everyRuleAndEveryViewFieldIsInTheReference() throws Exception {
        String doc = Files.readString(DOC);
        RuleSet set = RuleSet.load(Startup.catalog(), List.of());
        for (Rule r : set.rules().values()) assertThat(doc).contains("## " + r.id() + "\n");
        for (ViewType<?> v : CelViews.ELEMENT_VIEWS) {
            for (var f : v.fields()) assertThat(doc).contains("| `" + f.name() + "` |");
        }
    }
}
