package org.e2eereview.report.view;

import java.util.List;

/**
 * The one view of a review that every human format renders: Markdown, the HTML page and the
 * consultation submission differ only in their templates. Everything here is already decided
 * (wording, order, numbering of references); model text has been made inert (control characters
 * and bidirectional overrides shown as escapes) but is otherwise raw, for each template's own
 * escaping. Records only, so that templates see data and nothing they could call.
 *
 * @param format    the format being rendered (md, html, submission-pdf, ...), for what differs by medium
 * @param command   the exact command that re-renders this report
 * @param today     the date acceptances were judged against (YYYY-MM-DD)
 * @param source    the model's lines, numbered, when the file could be read back unchanged
 * @param findingsNotListed findings the submission leaves out of its findings annex, past as many as a printed
 *                  document sensibly holds (the JSON report has them all); 0 elsewhere
 */
public record ReportView(Tool tool, ModelInfo model, VerdictView verdict, List<ConversationView> conversations,
                         List<FindingView> findings, List<NotAssessedView> notAssessed,
                         List<FeatureView> safetyFeatures, List<ObjectiveView> objectives,
                         List<SafeguardView> safeguards, List<String> notes, List<String> unusedAcceptances,
                         List<CapabilityView> capabilities, List<ProposalView> proposals,
                         List<ReferenceView> references, DiagramView diagram,
                         SubmissionView submission, PlainView plain, List<SourceLine> source, String format,
                         String command, String today, int findingsNotListed, LiveView live) {

    /**
     * The same view for one format, with the command that re-renders it; a submission's names the
     * model by file name, as its locations do, since the document leaves the author's machine.
     */
    public ReportView forFormat(String format, String command) {
        if (command != null && format.startsWith("submission")) command = command.replace(model.file(), model.fileName());
        return new ReportView(tool, model, verdict, conversations, findings, notAssessed, safetyFeatures, objectives,
                safeguards, notes, unusedAcceptances, capabilities, proposals, references, diagram, submission, plain,
                source, format, command, today, findingsNotListed, live);
    }

    /** The same view with the terms its document uses explained ({@link Glossary}). */
    public ReportView withTerms(List<TermView> terms) {
        return new ReportView(tool, model, verdict, conversations, findings, notAssessed, safetyFeatures, objectives,
                safeguards, notes, unusedAcceptances, capabilities, proposals, references, diagram, submission,
                plain == null ? null : plain.withTerms(terms), source, format, command, today, findingsNotListed, live);
    }

    /** The same view as the live page of {@code serve} shows it. */
    public ReportView live(LiveView live) {
        return new ReportView(tool, model, verdict, conversations, findings, notAssessed, safetyFeatures, objectives,
                safeguards, notes, unusedAcceptances, capabilities, proposals, references, diagram, submission, plain,
                source, format, command, today, findingsNotListed, live);
    }

    public record Tool(String name, String version, String rulesSha256, String catalogSha256) {
    }

    /** @param fileName the model's file name without its folder, for documents that leave the author's machine */
    public record ModelInfo(String file, String fileName, String sha256, String system, String systemVersion,
                            String description, boolean claimsEndToEnd, int elements) {
    }

    /**
     * @param id     not-end-to-end-by-default, weakened or not-weakened
     * @param counts counted findings per severity, most severe first
     */
    public record VerdictView(String id, String text, String summary, List<String> notEndToEndByDefault,
                              boolean weakened, String failOn, boolean fails, List<Count> counts, int accepted,
                              int expired, String baseline, int notAssessed) {
    }

    public record Count(String severity, int count) {
    }

    /**
     * @param protection  "end-to-end encrypted by default", "end-to-end encryption available, not by default" or
     *                    "not end-to-end encrypted"
     * @param readers     parties outside it that can read its content
     * @param reportsGoTo parties that receive only what members choose to report
     */
    public record ConversationView(String id, String name, String kind, List<String> members, String protection,
                                   boolean endToEndByDefault, List<ReaderView> readers, List<String> reportsGoTo) {
    }

    /**
     * @param name     the party as the model names it
     * @param plain    when and how, in plain words: "at any time, by adding a member to the conversation"
     * @param unseen   whether some route would go unnoticed by members and outsiders
     * @param findings the findings that explain this reader, with their anchors
     */
    public record ReaderView(String party, String name, String summary, String plain, String when,
                             List<RouteView> routes, boolean partial, boolean unseen, List<Link> findings) {
    }

    /** Routes that apply under the same conditions, e.g. "holds-key, runs-component (by default)". */
    public record RouteView(List<String> routes, String condition, List<String> through, List<String> visibleBy) {
    }

    public record Link(String id, String anchor) {
    }

    public record FindingView(String id, String anchor, String rule, String title, String severity, String status,
                              boolean counted, String acceptance, String element, String elementKind, Location at,
                              String message, List<String> readers, String withoutReaders, String condition,
                              boolean systemic,
                              String blastRadius, String summary, List<Chain> evidence, List<String> safeguards,
                              List<String> disclosed, String fix, String alternative, List<Cite> refs,
                              List<String> legal, List<String> alike, int alikeNotNamed, String severityBecause) {

        /**
         * This finding standing for others of its rule, title and severity: the elements they are on, and
         * how many more there are than are named.
         */
        public FindingView standingFor(List<String> elements, int notNamed) {
            return new FindingView(id, anchor, rule, title, severity, status, counted, acceptance, element, elementKind,
                    at, message, readers, withoutReaders, condition, systemic, blastRadius, summary, evidence,
                    safeguards, disclosed, fix, alternative, refs, legal, List.copyOf(elements), notNamed, severityBecause);
        }
    }

    public record Chain(String title, List<StepView> steps) {
    }

    public record StepView(String text, Location at) {
    }

    /** A place in the model; line 0 when unknown. */
    public record Location(String file, int line, int column, String text) {
    }

    public record Cite(int number, String key, String section) {
    }

    public record NotAssessedView(String element, String elementKind, String missing, List<String> rules) {
    }

    /** @param inWords the feature as a reader who knows no cryptography is told of it, "limits on forwarding" */
    public record FeatureView(String id, String title, String verdict, String message, List<String> objectives,
                              String summary, List<Cite> refs, String inWords) {
    }

    /**
     * @param ask    which of the 2020 statement's three asks it belongs to
     * @param status "met without weakening", "not met without weakening" or "no declared feature serves it"
     * @param metByTitles the features that meet it, in plain words (the catalog's in-words), each once
     * @param onlyThroughTitles "scanning of messages on the phone ..., which relies on Client-Side Scanning"
     * @param concerns  what the statement fears would be lost without it, with its figures (the submission's only)
     * @param keeps     the design's answer to them: who its features still report to, and what they do not look at
     * @param powers    the laws the assessed proposals claiming it rest on, each with the proposals and what it
     *                  would require ("IPA s253(5)(c), for provider-keyed backups, on by default: ...")
     */
    public record ObjectiveView(String id, String title, String statement, int ask, boolean met, String status,
                                List<String> metBy, List<String> metByTitles, List<String> onlyThrough,
                                List<String> onlyThroughTitles, List<String> suggestions, List<Cite> refs,
                                List<Fact> concerns, String keeps, List<Fact> powers) {
    }

    /**
     * @param inWords what it does, in the submission's words: "would show, but not stop, adding a member to the conversation"
     * @param what    what it is, for a reader who knows no cryptography (the catalog's in-words), or null
     */
    public record SafeguardView(String name, String title, String effect, String route, String element, String text,
                                Location at, String inWords, String what) {
    }

    /**
     * An access capability governments ask for (a weakening pattern with {@code asked-for} in the
     * catalog), set against this design.
     *
     * @param present   findings of this pattern in the design, if it already has the capability
     * @param requires  what adding it would take in this design: the declared safeguards it would have to
     *                  defeat, each located
     * @param research  facts from the sources, each cited
     */
    public record CapabilityView(String id, String title, String summary, List<String> askedFor, boolean inDesign,
                                 List<Link> present, List<String> requires, List<String> breaks, boolean systemic,
                                 String blastRadius, List<Fact> research, List<Fact> law, String alternative,
                                 List<Cite> refs) {
    }

    public record Fact(String text, Cite cite) {
    }

    /**
     * A lawful-access proposal applied to this design by {@code assess} (empty unless the report
     * asked for it: the consultation submission does).
     *
     * @param anchor     where the document sets it out in full
     * @param binds      the design's elements the proposal's patch was bound to, "managed: group-chat, group-call"
     * @param overrides  declared safeguards it would have to override, each located
     * @param before     counted findings at medium or above without it: "3 high"
     * @param after      the same with it: "2 critical, 3 high"
     * @param newReaders "WhatsApp group: law enforcement, on a legal order, through WhatsApp (Meta), by adding a
     *                   member to the conversation (found as: ghost participant)"
     * @param widened    "One-to-one chat: WhatsApp (Meta) would no longer be noticed, as it could then also read
     *                   it by holding a key that decrypts the content (found as: ...)"
     * @param replaces   "SERVER-CONTROLLED-MEMBERSHIP@group-chat by GHOST-PARTICIPANT@group-chat"
     * @param row        the same in plain words, as the first page's table gives it
     * @param newReadersNotListed new readers left out past as many as the submission lists (likewise widened and
     *                   introduced); the JSON of {@code assess} has them all
     */
    public record ProposalView(String id, String anchor, String title, int year, String proposedBy, String summary,
                               String asksFor, String gainsAccess, List<String> claims, boolean applied,
                               String notApplicable, List<String> binds, List<String> overrides, String verdictBefore,
                               String verdict, String before, String after, List<String> newReaders,
                               List<String> widened, List<IntroducedView> introduced, List<String> replaces,
                               List<Fact> research, List<Fact> law, List<String> alternatives, List<String> instead,
                               ProposalRow row, int newReadersNotListed, int widenedNotListed, int introducedNotListed) {
    }

    /**
     * One proposal on the submission's first page, in plain words.
     *
     * @param gains   who would gain access, "Law enforcement through WhatsApp (Meta)"
     * @param whose   whose conversations, by name
     * @param forWhom "every user, on a legal order"
     * @param reach   "systemic", "targeted", or empty when it adds no finding
     * @param risk    the risk it creates and who could misuse it, in one sentence: "Law enforcement, through
     *                the escrow agents, could read ... unnoticed; and so could anyone who obtains the keys they hold."
     * @param worse   what would get worse, in words: the risk, then the findings at medium or above before and
     *                after when they change
     * @param asked   whether the organisation asks that it not be required: it would add access nobody would notice
     * @param notAsked why it is not among those, completing "a proposal, ...": "which cannot apply to this design";
     *                null when it is
     * @param noticed whether anyone would notice the access it adds: "No", "Its owner, whose device is taken" or
     *                "Members, or outsiders who check"; empty when it adds none
     * @param misuse  who else could use the capability: "Anyone who obtains the key WhatsApp (Meta) holds"; empty
     *                when nobody could
     * @param gravest the gravest counted finding's severity now and with it: "high → critical"; empty when it
     *                cannot apply
     * @param unseenOnlyIn the conversations its access would go unnoticed in, where in others it would be
     *                noticed; empty otherwise
     * @param inHand  whether every use of its access needs a user's device in hand, so that its owner would
     *                notice it
     * @param weakens the gravest weakness it adds at high or above when it lets nobody new read ("critical"), for
     *                the organisation to ask against all the same; null otherwise
     */
    public record ProposalRow(String title, String anchor, boolean applied, String gains, String whose, String forWhom,
                              String before, String after, String adds, String reach, String risk, String worse,
                              boolean asked, String notAsked, String noticed, String misuse, String gravest,
                              List<String> unseenOnlyIn, boolean inHand, String weakens) {
    }

    /** @param count how many findings of this kind the proposal introduces: one per place in the design */
    public record IntroducedView(String id, String severity, String title, String message, boolean systemic,
                                 String blastRadius, int count, String severityBecause) {
    }

    public record ReferenceView(int number, String key, String title, String authors, String date, String publishedIn,
                                String identifiers, String url) {
    }

    /**
     * The diagrams, each as Mermaid source for Markdown and SVG markup for HTML, escaped for its medium.
     * Every SVG declares its size in points as well as its viewBox.
     *
     * @param svg            the architecture diagram at its natural size, for the screen (12-unit text at 9 pt)
     * @param print          the same for print on A4, as one page or parts of it, with no text under 7 pt
     * @param landscape      whether those pages are landscape
     * @param detailed       false for a model too large for the full diagram: it then shows parties and
     *                       conversations only
     * @param scope          what the diagram leaves out, in words, when it is not detailed; null otherwise
     * @param readersMermaid who outside each conversation can read it and when, for summaries
     * @param readersSvg     the same figure as SVG, 540 pt wide, so that it prints on A4 portrait at 7 pt or more
     * @param readersShared  whether that figure has a box for more than one conversation (its caption then says why)
     * @param readersLines   how many lines that figure draws, and {@code readersConditions} how many conditions they
     *                       show: its caption says "each condition ... of its own" only where there are several
     */
    public record DiagramView(String mermaid, String svg, boolean anyRoute, List<String> print, boolean landscape,
                              boolean detailed, String scope, String readersMermaid, String readersSvg,
                              boolean readersShared, int readersLines, int readersConditions) {
    }

    /**
     * The submission's particulars and the organisation's own prose (null where not written).
     *
     * @param title the document's title, the model's or one made from the system's name
     */
    /**
     * @param contactLink the contact as written, when it is a plain e-mail or web address a reader can follow and copy
     *                    (templates write it as a link); else null, and the contact is text
     * @param contactHref where that link goes: {@code mailto:} the address, or the web address
     */
    public record SubmissionView(String title, String addressee, String reference, String organisation,
                                 String contact, String modelUrl, Prose summary, Prose design, Prose publicSafety,
                                 Prose capabilities, Prose closing, String modelLink, String contactLink, String contactHref) {
    }

    /**
     * Prose the organisation wrote in CommonMark, already rendered for each medium with everything
     * unsafe made text (templates print it without further escaping).
     */
    public record Prose(String html, String markdown) {
    }

    /**
     * The review in sentences for a reader who knows no tool ids: what the design protects, who
     * outside could read what and when, why the verdict, and what the proposals would do.
     *
     * @param readers      who outside could read which conversations, when and how, where nobody would notice: the
     *                     heading over them says so once
     * @param knownReaders the same where members or outsiders could notice, or the owner would know the device was
     *                     taken: each says which
     * @param noticed      what it means that a reading could be noticed, and that it remains a risk; null when no
     *                     reader of content could be noticed
     * @param alternatives what serves the aims the proposals claim without weakening, each once
     * @param date         the date of the review in words ("6 December 2026"); null without one
     * @param asks         what the organisation asks for, a sentence each with its reason: not to require the
     *                     proposals that would add access nobody would notice, and the alternatives the design lacks
     * @param notAsked     why the proposals the first ask leaves out are left out; null when it leaves none out
     * @param features the design's safety features one per kind, as Annex A sets them out
     * @param terms    the terms the document uses that a reader who knows no cryptography may not, with what each
     *                 means (the catalog's glossary); empty until the document has been written once
     */
    public record PlainView(List<String> protects, List<String> readers, List<String> knownReaders, String noticed,
                            String verdict, List<String> because,
                            List<String> also, String proposals, List<ProposalRow> rows, List<String> alternativesInDesign,
                            List<String> alternativesNotInDesign, String date, List<String> asks, String notAsked,
                            int listed, List<FeatureView> features, List<TermView> terms) {

        PlainView withTerms(List<TermView> terms) {
            return new PlainView(protects, readers, knownReaders, noticed, verdict, because, also, proposals, rows,
                    alternativesInDesign, alternativesNotInDesign, date, asks, notAsked, listed, features, List.copyOf(terms));
        }
    }

    public record TermView(String term, String meaning) {
    }

    public record SourceLine(int number, String text) {
    }

    /**
     * What the live page of {@code serve} adds to the review page: the model's problems when it no
     * longer loads, and the what-if panel. Null in every report written to a file.
     *
     * @param token     the run's secret, which every request to the server carries
     * @param version   the snapshot of the model this page shows, counted from 1
     * @param problems  why the model on disk does not load, each file:line:col: message; empty when it does
     * @param stale     whether the review shown is the last good one rather than the file's current text
     * @param whatIf    whether any change is applied: the review shown is then the changed design's
     * @param changes   what the changes do against the design as written, a line each
     * @param notApplied changes asked for that do not fit this design, with why
     */
    public record LiveView(String token, long version, List<String> problems, boolean stale, List<Toggle> proposals,
                           List<Toggle> safeguards, List<Toggle> conversations, boolean whatIf, List<String> changes,
                           List<String> notApplied) {
    }

    /** One choice of the what-if panel: its URL parameter and value, its label, and whether it is on. */
    public record Toggle(String parameter, String value, String label, boolean on) {
    }
}
