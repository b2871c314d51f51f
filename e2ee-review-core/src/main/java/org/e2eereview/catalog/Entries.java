package org.e2eereview.catalog;

import java.util.List;

import org.e2eereview.model.Safeguard;

/**
 * The records of the catalog. Every text is in the project's words; facts carry citations. What the
 * YAML keeps as {@code maintainer-note} is not read into them, so no report can print it.
 */
public final class Entries {

    private Entries() {
    }

    /** A pointer into references.yaml with the fact the entry relies on. */
    public record Citation(String ref, String section, String fact) {
    }

    public record Legal(String provision, String ref, String note) {
    }

    public record Instance(String name, Integer year, String note) {
    }

    /**
     * A source, as a reader would look it up.
     *
     * @param publishedIn the journal, proceedings, publisher, website or report series; null where the url says it
     * @param identifiers DOI, arXiv id, report or RFC number, and the like; null where there are none
     */
    public record Reference(String key, String title, String authors, String date, String publishedIn,
                            String identifiers, String url) {
    }

    public record Weakening(String id, String title, String summary, String description, List<Property> breaks,
                            Severity severity, String severityNote, boolean systemic, String blastRadius,
                            List<Safeguard> defeatedBy, List<Instance> instances, List<Citation> references,
                            List<Legal> legal, String alternative, List<String> askedFor) {

        /** Whether governments have asked for it: an access capability the consultation submission discusses. */
        public boolean capability() {
            return !askedFor.isEmpty();
        }
    }

    public record SafetyFeature(String id, String title, String summary, String description, List<String> objectives,
                                Preserves preservesE2ee, String conditions, String weakening,
                                List<Instance> instances, List<Citation> references, List<Legal> legal,
                                String inWords) {
    }

    /** A safeguard in the catalog's words, and whether it prevents or only makes visible. */
    public record SafeguardEntry(String id, String title, Safeguard.Effect effect, String description,
                                 List<Citation> references, String inWords) {
    }

    /**
     * A placeholder of a proposal's patch: the elements it stands for.
     *
     * @param on another placeholder, bound to components: within a part of the patch repeated per
     *           one of them, this one stands only for the elements on that component; else null
     */
    public record Binding(String as, Selector select, String otherwise, String required, String on) {
    }

    /**
     * A lawful-access proposal: what it asks for and whom it serves, in the project's words, and the
     * patch that applies it to a model.
     */
    public record Proposal(String id, String title, int year, String proposedBy, String summary, String asksFor,
                           String gainsAccess, List<String> claims, List<String> weakenings, List<Binding> binds,
                           org.e2eereview.load.YamlPatch patch, List<Citation> references, List<Legal> legal) {
    }

    /**
     * @param reachedBy        kinds of party a feature's results must reach for it to serve this; empty for any
     * @param answeredByReview how the review itself answers it, when no feature of a design can; null otherwise
     */
    public record Objective(String id, String title, String statement, int ask, String description,
                            List<org.e2eereview.model.Party.Kind> reachedBy, String answeredByReview,
                            List<Citation> references, List<Citation> concerns) {
    }

    /** @param matches the spellings that count as using it, whole words in any case; never empty */
    public record Term(String id, String term, List<String> matches, String meaning) {
        public Term {
            matches = List.copyOf(matches);
        }
    }
}
