package org.e2eereview.assess;

import org.e2eereview.catalog.Catalog;
import org.e2eereview.catalog.Entries.Binding;
import org.e2eereview.catalog.Entries.Citation;
import org.e2eereview.catalog.Entries.Legal;
import org.e2eereview.catalog.Entries.Proposal;
import org.e2eereview.catalog.Entries.Reference;
import org.e2eereview.catalog.Selector;

/** docs/proposals.md, generated from catalog/proposals/ so that it says what `assess` does. */
public final class ProposalReference {

    private ProposalReference() {
    }

    public static String markdown(Catalog catalog) {
        StringBuilder out = new StringBuilder();
        out.append("""
                # Lawful-access proposals

                <!-- Generated from catalog/proposals/ by ProposalReference; do not edit by hand. Run
                     mvn test -De2ee.regenerate=true after changing a proposal. -->

                `assess MODEL` applies each proposal below to a team's own model and reviews the result against
                the design as it is: which parties gain the ability to read which conversations and how (with
                evidence in the patch and in the model), the findings the proposal introduces, what it claims to
                serve, and the safety features that would serve the same objectives without weakening.
                `assess MODEL --proposal ID` assesses only the named ones; `--format json` gives the same as data.

                Each proposal is a patch: YAML merged into the model, bound to the model's own elements by
                selectors rather than by name, so that one proposal applies to any design. In a patch, a key
                `$name` or `prefix-${name}` stands for one entry per element bound to `name`; a list item `$name`
                for all of them, and a list item `prefix-${name}` for one item per element; a key naming two
                (`req-${client}-${maker}`) stands for one entry per pair. A binding `on` another
                (`$content`, on `$client`) stands, within a part repeated per client, only for what is on that client
                (its users' messages, not every user's); providers on clients, for the provider that supplies that client,
                and within a part repeated per provider, the clients stand for that provider's own (where two providers
                both supply apps, each keeps its own app's backups). `key+: [...]` adds items to a list that is already
                there; `key?: value` sets a field only where the model does not write it. When a required selector finds
                nothing in the model, or a part written for one element finds several, the proposal cannot apply to the
                design, and `assess` says why. The patched model is checked as strictly as any model file.

                examples/clear-device-escrow.yaml models the eighth, Clear, as a whole design rather than a patch.

                ## Selectors

                | selector | picks out |
                |---|---|
                """);
        for (Selector s : Selector.values()) {
            out.append("| `").append(s.yamlName()).append("` | ").append(s.description()).append(" |\n");
        }
        out.append('\n');
        for (Proposal p : catalog.proposals().values()) proposal(out, p, catalog);
        return out.toString();
    }

    private static void proposal(StringBuilder out, Proposal p, Catalog catalog) {
        out.append("## ").append(p.id()).append(": ").append(p.title()).append(" (").append(p.year()).append(")\n\n");
        out.append(p.summary()).append("\n\n");
        out.append("- **Proposed by:** ").append(p.proposedBy()).append('\n');
        out.append("- **Asks for:** ").append(p.asksFor()).append('\n');
        out.append("- **Who gains access:** ").append(p.gainsAccess()).append('\n');
        out.append("- **Claims to serve:** ").append(String.join(", ", p.claims().stream()
                .map(o -> catalog.objectives().get(o).title()).toList())).append('\n');
        out.append("- **Is the weakening pattern:** ").append(String.join(", ", p.weakenings())).append('\n');
        out.append("- **Binds:**\n");
        for (Binding b : p.binds()) {
            out.append("  - `$").append(b.as()).append("`: ").append(b.select().yamlName());
            if (b.on() != null) {
                out.append(", within each `$").append(b.on()).append(b.select() == Selector.PROVIDERS
                        ? "` the one that supplies it" : "` only those on it");
            }
            if (b.otherwise() != null) out.append("; when there is none, the patch adds `").append(b.otherwise()).append('`');
            if (b.required() != null) out.append("; when there is none, it cannot apply: ").append(b.required());
            out.append('\n');
        }
        out.append("\nThe patch:\n\n```yaml\n").append(p.patch()).append("```\n\n");
        out.append("Sources:\n\n");
        for (Citation c : p.references()) {
            Reference r = catalog.references().get(c.ref());
            out.append("- [").append(c.ref()).append("] ").append(r == null ? "" : r.title())
                    .append(c.section() == null ? "" : ", " + c.section()).append(": ")
                    .append(c.fact().strip()).append('\n');
        }
        for (Legal l : p.legal()) {
            out.append("- ").append(l.provision()).append(l.note() == null ? "" : ": " + l.note().strip()).append('\n');
        }
        out.append('\n');
    }
}
