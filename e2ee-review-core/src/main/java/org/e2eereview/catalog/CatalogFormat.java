package org.e2eereview.catalog;

import org.e2eereview.load.FieldType;
import org.e2eereview.load.ObjectSpec;
import org.e2eereview.model.Safeguard;

/** The format of catalog files, checked as strictly as models. */
final class CatalogFormat {

    private CatalogFormat() {
    }

    private static final FieldType TEXT = new FieldType.Text();
    private static final FieldType TEXTS = new FieldType.ListOf(TEXT);

    /** Kept beside the published text for whoever checks the catalog; no report or generated doc prints it. */
    static final String MAINTAINER_NOTE = "maintainer-note";

    private static final String MAINTAINER_NOTE_TEXT = "For maintainers only, never printed: how the source was "
            + "checked, what was not, and where the published text leans on someone else's account.";

    static final ObjectSpec CITATION = ObjectSpec.of("citation", "A source an entry relies on, and for what.")
            .required("ref", TEXT, "Key of the source in references.yaml.")
            .optional("section", TEXT, "Section, page or paragraph.")
            .required("fact", TEXT, "The fact taken from the source, published as written: only what the source "
                    + "supports; quotes stay in quotation marks.")
            .optional(MAINTAINER_NOTE, TEXT, MAINTAINER_NOTE_TEXT);

    static final ObjectSpec LEGAL = ObjectSpec.of("legal", "A legal provision that bears on the entry.")
            .required("provision", TEXT, "The provision, e.g. TOLA s317ZG(3).")
            .required("ref", TEXT, "Key of the law in references.yaml.")
            .required("note", TEXT, "How it bears on the entry, published as written.")
            .optional(MAINTAINER_NOTE, TEXT, MAINTAINER_NOTE_TEXT);

    static final ObjectSpec INSTANCE = ObjectSpec.of("instance", "A real design or proposal.")
            .required("name", TEXT, "Name.")
            .optional("year", new FieldType.Int(1900, 2100), "Year.")
            .required("note", TEXT, "What happened, published as written.")
            .optional(MAINTAINER_NOTE, TEXT, MAINTAINER_NOTE_TEXT);

    private static final FieldType CITATIONS = new FieldType.ListOf(new FieldType.Obj(CITATION));
    private static final FieldType LEGALS = new FieldType.ListOf(new FieldType.Obj(LEGAL));
    private static final FieldType INSTANCES = new FieldType.ListOf(new FieldType.Obj(INSTANCE));

    static final ObjectSpec WEAKENING = ObjectSpec.of("weakening", "A design pattern that weakens E2EE.")
            .required("id", TEXT, "Id, equal to the file name.")
            .required("kind", TEXT, "Always 'weakening'.")
            .required("title", TEXT, "Title.")
            .required("summary", TEXT, "One sentence.")
            .required("description", TEXT, "What it is.")
            .required("breaks", new FieldType.ListOf(new FieldType.Choice(Property.class)), "Properties broken.")
            .required("severity", new FieldType.Choice(Severity.class), "Default severity.")
            .optional("severity-note", TEXT, "When severity is raised or lowered.")
            .required("systemic", new FieldType.Bool(), "Whether it changes the system for every user.")
            .required("blast-radius", TEXT, "What one compromise exposes.")
            .required("defeated-by", new FieldType.ListOf(new FieldType.Choice(Safeguard.class)),
                    "Safeguards that cancel or lower it.")
            .required("instances", INSTANCES, "Real designs or proposals.")
            .required("references", CITATIONS, "Sources.")
            .required("legal", LEGALS, "Legal provisions.")
            .required("alternative", TEXT, "The E2EE-preserving alternative.")
            .optional("asked-for", TEXTS, "Public-safety objectives governments have asked this pattern to serve: "
                    + "it is then an access capability, and the consultation submission says what it would take.");

    static final ObjectSpec BINDING = ObjectSpec.of("binding",
                    "A placeholder of the patch and the elements of the team's model it stands for.")
            .required("as", TEXT, "The placeholder's name, written $name in the patch.")
            .required("select", new FieldType.Choice(Selector.class), "Which elements.")
            .optional("otherwise", TEXT, "An id to use when the model has none: the patch then adds that element.")
            .optional("required", TEXT, "When the model has none and there is no 'otherwise': why the proposal "
                    + "cannot apply to this design, in words that complete 'cannot apply: ...'.")
            .optional("on", TEXT, "Another placeholder, bound to components (provider-clients): in a part of "
                    + "the patch repeated per one of them (a key or list item written with ${name}), this placeholder "
                    + "stands only for the elements on that component: content created on it, carried to or from "
                    + "it, or of a conversation a member of which runs it; or, for parties (providers), the one that "
                    + "supplies it. In a part repeated per one of this placeholder's ids, the other stands for the "
                    + "components that id is on (a provider's clients). Elsewhere each stands for all.");

    static final ObjectSpec PROPOSAL = ObjectSpec.of("proposal",
                    "A lawful-access proposal, as a patch that can be applied to a team's own model.")
            .required("id", TEXT, "Id, equal to the file name.")
            .required("kind", TEXT, "Always 'proposal'.")
            .required("title", TEXT, "Title.")
            .required("year", new FieldType.Int(1900, 2100), "When it was proposed.")
            .required("proposed-by", TEXT, "Who proposed it, and where.")
            .required("summary", TEXT, "One sentence.")
            .required("asks-for", TEXT, "What it asks providers to build.")
            .required("gains-access", TEXT, "Who would gain access, to what, and when.")
            .required("claims", TEXTS, "The public-safety objectives it claims to serve.")
            .required("weakenings", TEXTS, "The weakening patterns it is; applied, each must be found.")
            .required("binds", new FieldType.ListOf(new FieldType.Obj(BINDING)), "Its placeholders.")
            .required("patch", new FieldType.Patch(), "What it changes in a model: parties, powers, keys, flows, "
                    + "features; see docs/proposals.md.")
            .required("references", CITATIONS, "Sources.")
            .optional("legal", LEGALS, "Legal provisions.");

    static final ObjectSpec SAFETY_FEATURE = ObjectSpec.of("safety-feature", "A public-safety capability.")
            .required("id", TEXT, "Id, equal to the file name.")
            .required("kind", TEXT, "Always 'safety-feature'.")
            .required("title", TEXT, "Title.")
            .required("summary", TEXT, "One sentence.")
            .required("in-words", TEXT, "The feature in a few words for a reader who knows no cryptography, as the "
                    + "consultation submission's body names it: lower case, completing 'met by ...'.")
            .required("description", TEXT, "What it does.")
            .required("objectives", TEXTS, "Objectives it serves.")
            .required("preserves-e2ee", new FieldType.Choice(Preserves.class), "Whether it preserves E2EE.")
            .optional("conditions", TEXT, "When it preserves E2EE and when not.")
            .optional("weakening", TEXT, "The weakening it becomes; required unless it preserves E2EE.")
            .required("instances", INSTANCES, "Real designs.")
            .required("references", CITATIONS, "Sources.")
            .required("legal", LEGALS, "Legal provisions.");

    static final ObjectSpec OBJECTIVE = ObjectSpec.of("objective", "A public-safety objective of the 2020 statement.")
            .required("id", TEXT, "Id, equal to the file name.")
            .required("kind", TEXT, "Always 'objective'.")
            .required("title", TEXT, "Title.")
            .required("statement", TEXT, "The ask, quoted with citation.")
            .required("ask", new FieldType.Int(1, 3), "Which of the statement's three asks it belongs to; the "
                    + "consultation submission is structured by them.")
            .required("description", TEXT, "What meeting it means.")
            .optional("reached-by", new FieldType.ListOf(new FieldType.Choice(org.e2eereview.model.Party.Kind.class)),
                    "The kinds of party it is about: a feature serves it only when its results reach one, directly or "
                            + "through a party one of them can compel. Not written: any.")
            .optional("concerns", CITATIONS, "What the statement fears would be lost without it, with its figures; "
                    + "the submission sets each beside what the design keeps.")
            .optional("answered-by-review", TEXT, "For an objective no feature of a design meets, but the review "
                    + "itself answers (consultation on design): how, in words.")
            .required("references", CITATIONS, "Sources.");

    static final ObjectSpec SAFEGUARD = ObjectSpec.of("safeguard", "A safeguard a model can declare.")
            .required("title", TEXT, "Title.")
            .required("effect", new FieldType.Choice(Safeguard.Effect.class),
                    "Whether it prevents the routes it applies to or only makes their use visible.")
            .required("description", TEXT, "What it does and what it leaves open.")
            .optional("in-words", TEXT, "The safeguard in a few words for a reader who knows no cryptography, as "
                    + "the consultation submission's summary names it.", "the title")
            .required("references", CITATIONS, "Sources.");

    static final ObjectSpec SAFEGUARDS = ObjectSpec.of("safeguards", "Every safeguard, by its id.")
            .required("safeguards", new FieldType.IdMap(SAFEGUARD, "^[a-z][a-z-]*$", "a safeguard id, e.g. key-transparency"),
                    "Safeguards by id.");

    static final ObjectSpec REFERENCE = ObjectSpec.of("reference", "A source, as reports list it: a url, or "
                    + "authors, date and published-in, so that a reader can find it.")
            .required("title", TEXT, "Title, as the source gives it.")
            .optional("authors", TEXT, "Who wrote or issued it: people, or the organisation that published it.")
            .optional("date", TEXT, "Date, YYYY-MM-DD, YYYY-MM or YYYY.")
            .optional("published-in", TEXT, "Where it appeared: journal, proceedings, publisher, website or report "
                    + "series.")
            .optional("identifiers", TEXT, "DOI, arXiv id, report or RFC number, and the like.")
            .optional("url", TEXT, "URL, only where confirmed: a missing url is deliberate.")
            .optional(MAINTAINER_NOTE, TEXT, MAINTAINER_NOTE_TEXT);

    static final ObjectSpec REFERENCES = ObjectSpec.of("references", "Every source cited, by key.")
            .required("references", new FieldType.IdMap(REFERENCE, "^[A-Z0-9][A-Z0-9-]*$",
                    "a citation key in capitals, e.g. KUD or RFC9750"), "Sources by key.");

    static final ObjectSpec TERM = ObjectSpec.of("term", "A term a document may use, explained for a reader who "
                    + "knows no cryptography.")
            .required("term", TEXT, "The term as the explanation heads it.")
            .optional("matches", TEXTS, "The spellings that count as using it, matched as whole words whatever their "
                    + "case.", "the term")
            .required("meaning", TEXT, "What it means, in a sentence or two of the project's own words.");

    static final ObjectSpec GLOSSARY = ObjectSpec.of("glossary", "The terms a consultation submission explains, each "
                    + "only when the document uses it.")
            .required("terms", new FieldType.IdMap(TERM, "^[a-z][a-z0-9-]*$", "a term id, e.g. key-transparency"),
                    "Terms by id.");

    /** Every kind of catalog file, in the order docs/catalog.md shows them. */
    static final java.util.List<ObjectSpec> FILES = java.util.List.of(WEAKENING, SAFETY_FEATURE, OBJECTIVE, PROPOSAL,
            SAFEGUARDS, REFERENCES, GLOSSARY);
}
