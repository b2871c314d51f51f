package org.e2eereview.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.e2eereview.Golden;
import org.e2eereview.Repo;
import org.e2eereview.catalog.Entries.Proposal;
import org.e2eereview.rules.Startup;
import org.junit.jupiter.api.Test;

/** docs/proposals.md is generated from catalog/proposals/; it must not go stale. */
class ProposalReferenceTest {

    static final Path DOC = Repo.file("docs/proposals.md");

    @Test
    void proposalReferenceIsCurrent() throws Exception {
        Golden.check(DOC, ProposalReference.markdown(Startup.catalog()));
    }

    @Test
    void everyProposalIsInTheReference() throws Exception {
        String doc = Files.readString(DOC);
        for (Proposal p : Startup.catalog().proposals().values()) assertThat(doc).contains("## " + p.id() + ": ");
        assertThat(Startup.catalog().proposals()).hasSizeGreaterThanOrEqualTo(7);
    }
}
