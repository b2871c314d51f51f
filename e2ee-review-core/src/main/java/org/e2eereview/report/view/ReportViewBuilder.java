package org.e2eereview.report.view;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.e2eereview.analysis.Access;
import org.e2eereview.analysis.Reading;
import org.e2eereview.analysis.Safeguarded;
import org.e2eereview.assess.Assessment;
import org.e2eereview.assess.Assessor;
import org.e2eereview.catalog.Catalog;
import org.e2eereview.catalog.Entries.Citation;
import org.e2eereview.catalog.Entries.Legal;
import org.e2eereview.catalog.Entries.Objective;
import org.e2eereview.catalog.Entries.Proposal;
import org.e2eereview.catalog.Entries.Reference;
import org.e2eereview.catalog.Entries.SafeguardEntry;
import org.e2eereview.catalog.Entries.SafetyFeature;
import org.e2eereview.catalog.Entries.Weakening;
import org.e2eereview.catalog.Severity;
import org.e2eereview.model.Acceptance;
import org.e2eereview.model.Conversation;
import org.e2eereview.model.Flow;
import org.e2eereview.model.Model;
import org.e2eereview.model.Submission;
import org.e2eereview.report.diagram.Diagram;
import org.e2eereview.report.diagram.Drawn;
import org.e2eereview.report.diagram.MermaidDiagram;
import org.e2eereview.report.diagram.SvgDiagram;
import org.e2eereview.report.diagram.WhoReads;
import org.e2eereview.report.diagram.WhoReadsMermaid;
import org.e2eereview.report.diagram.WhoReadsSvg;
import org.e2eereview.report.escape.CommonMark;
import org.e2eereview.report.escape.Inert;
import org.e2eereview.report.view.ReportView.CapabilityView;
import org.e2eereview.report.view.ReportView.Chain;
import org.e2eereview.report.view.ReportView.Cite;
import org.e2eereview.report.view.ReportView.ConversationView;
import org.e2eereview.report.view.ReportView.Count;
import org.e2eereview.report.view.ReportView.DiagramView;
import org.e2eereview.report.view.ReportView.Fact;
import org.e2eereview.report.view.ReportView.FeatureView;
import org.e2eereview.report.view.ReportView.FindingView;
import org.e2eereview.report.view.ReportView.IntroducedView;
import org.e2eereview.report.view.ReportView.Link;
import org.e2eereview.report.view.ReportView.NotAssessedView;
import org.e2eereview.report.view.ReportView.ObjectiveView;
import org.e2eereview.report.view.ReportView.PlainView;
import org.e2eereview.report.view.ReportView.ProposalView;
import org.e2eereview.report.view.ReportView.ReaderView;
import org.e2eereview.report.view.ReportView.ReferenceView;
import org.e2eereview.report.view.ReportView.RouteView;
import org.e2eereview.report.view.ReportView.SafeguardView;
import org.e2eereview.report.view.ReportView.SourceLine;
import org.e2eereview.report.view.ReportView.StepView;
import org.e2eereview.report.view.ReportView.SubmissionView;
import org.e2eereview.report.view.ReportView.VerdictView;
import org.e2eereview.review.ObjectiveAssessment;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.rules.Finding;
import org.e2eereview.rules.RuleEngine;
import org.e2eereview.rules.RuleEngine.NotAssessed;

/** Builds the one {@link ReportView} of a review; every human format renders it. */
public final class ReportViewBuilder {

    /**
     * What the formats being rendered need beyond the review.
     *
     * @param command the command that re-renders the report, for its reproducibility note
     * @param mermaid whether to draw the diagram as Mermaid source (Markdown formats)
     * @param svg     whether to lay the diagram out as SVG (HTML formats; costs a layout)
     * @param source  whether to carry the model's numbered lines (the HTML page links evidence to them)
     * @param assessment what each lawful-access proposal would do to the design, for the submission; or null
     * @param submission whether the view is for the consultation submission: its plain-language summary is
     *                   written, and sources are numbered in the submission's order rather than the page's
     * @param patched    each assessment's {@link Patched} part, in order, when the assessments no longer hold
     *                   their patched reviews; null when they do
     */
    public record Options(Severity failOn, LocalDate today, String command, boolean mermaid, boolean svg,
                          boolean source, Assessor.Result assessment, boolean submission, List<Patched> patched) {

        public Options(Severity failOn, LocalDate today, String command, boolean mermaid, boolean svg, boolean source) {
            this(failOn, today, command, mermaid, svg, source, null, false);
        }

        public Options(Severity failOn, LocalDate today, String command, boolean mermaid, boolean svg,
                       boolean source, Assessor.Result assessment, boolean submission) {
            this(failOn, today, command, mermaid, svg, source, assessment, submission, null);
        }
    }

    /**
     * What a proposal's part of the view takes from its patched review: made while that review is held
     * ({@link Assessor#assess(Path, List, java.util.function.BiConsumer)}), so that it can be let go
     * before the next proposal's is made. Lists hold at most {@link #LISTED} items, with the number left out.
     *
     * @param criticalForAll whether it introduces a critical systemic finding
     * @param addsAccess     whether it introduces any finding, reader or wider reading
     * @param addsReaders    whether it gives any party a new or wider reading
     * @param unseen         whether some new or wider reading would go unnoticed
     * @param everyUser      whether some new or wider reading reaches every user
     * @param replaces       findings of the design that one of the patched design's would take the place of
     */
    public record Patched(List<String> readers, int readersNotListed, List<String> widened, int widenedNotListed,
                          List<IntroducedView> introduced, int introducedNotListed, String verdict, String counts,
                          ReportView.ProposalRow row, boolean criticalForAll, boolean addsAccess, boolean addsReaders,
                          boolean unseen, boolean everyUser, List<String> replaces) {
    }

    /** The {@link Patched} part of the {@code index}-th assessment of a design reviewed as {@code design}. */
    public static Patched patched(Review design, Assessment a, int index) {
        return new ReportViewBuilder(design, LISTED).patched(a, "proposal-" + (index + 1), new PlainWords(design));
    }

    /**
     * How many items of one list (findings, a proposal's new readers, ...) the submission shows: a printed
     * document of a large model's hundreds of thousands of evidence lines would be read by nobody. What it
     * leaves out it counts, and says where the rest is.
     */
    static final int LISTED = 50;

    private final Review review;
    private final Catalog catalog;
    private final Map<String, Integer> numbers = new LinkedHashMap<>();
    /**
     * Whether the part being built is one the document shows with its sources: only those are numbered,
     * so that the references list holds exactly what the text cites, in order of first citation.
     */
    private boolean citing;
    /** Locations by file name alone: a submission leaves the author's machine, its folders should not. */
    private boolean fileNamesOnly;
    /** The proposals assessed with the design, if any: the submission says which would serve an objective. */
    private List<Assessment> claimedBy = List.of();
    private final Map<String, String> anchors = new HashMap<>();
    /** Each review's {@link Review#explainingEveryReader}, made once: every reader of it asks. */
    private final Map<Review, Review.Explaining> explained = new java.util.IdentityHashMap<>();

    /** How many items of one list the submission shows ({@link #LISTED}; fewer in tests). */
    private final int listed;

    private ReportViewBuilder(Review review, int listed) {
        this.review = review;
        this.catalog = review.catalog();
        this.listed = listed;
    }

    public static ReportView of(Review review, Options options) {
        return of(review, options, LISTED);
    }

    static ReportView of(Review review, Options options, int listed) {
        return new ReportViewBuilder(review, listed).build(options);
    }

    private ReportView build(Options o) {
        Model m = review.model();
        claimedBy = o.assessment() == null ? List.of() : o.assessment().assessments();
        fileNamesOnly = o.submission();
        int n = 0;
        for (Reviewed r : review.weakenings()) anchors.put(r.finding().id(), "finding-" + (++n));
        // Sources are numbered in the order the document cites them. The page cites only its findings'
        // sources; the submission cites the objectives of the statement's asks in its body (and, without
        // proposals, the capabilities under the second), then in Annex A the findings and the features, then
        // the proposals of Annex B. Numbered in another order, the body's citations jumped from [5] to [11].
        List<ObjectiveAssessment> byAsk = new ArrayList<>(review.objectives());
        byAsk.sort(java.util.Comparator.comparingInt(x -> ask(x.objective())));
        List<FindingView> findings = null;
        if (!o.submission()) {
            citing = true;
            findings = review.weakenings().stream().map(this::finding).toList();
            citing = false;
        }
        citing = o.submission();
        List<ObjectiveView> objectives = byAsk.stream().map(this::objective).toList();
        citing = o.submission() && o.assessment() == null;
        List<CapabilityView> capabilities = capabilities();
        citing = o.submission();
        int findingsNotListed = 0;
        if (findings == null) {
            findings = alike(review.weakenings());
            findingsNotListed = review.weakenings().size();
            for (FindingView f : findings) findingsNotListed -= 1 + f.alike().size() + f.alikeNotNamed();
        }
        List<FeatureView> features = review.safetyFeatures().stream().map(this::feature).toList();
        PlainWords plain = o.submission() ? new PlainWords(review) : null;
        List<Patched> parts = o.assessment() == null ? List.of() : o.patched() != null ? o.patched()
                : patched(o.assessment().assessments(), plain);
        List<ProposalView> proposals = o.assessment() == null ? List.of()
                : proposals(o.assessment(), parts, capabilities);
        List<Patched> effects = parts;
        citing = false;
        List<ReferenceView> references = new ArrayList<>();
        numbers.forEach((key, number) -> {
            Reference r = catalog.references().get(key);
            references.add(new ReferenceView(number, key, r == null ? key : r.title(), r == null ? null : r.authors(),
                    r == null ? null : r.date(), r == null ? null : r.publishedIn(), r == null ? null : r.identifiers(),
                    r == null ? null : r.url()));
        });
        DiagramView diagramView = o.mermaid() || o.svg() ? diagram(o, "Architecture of " + t(m.system().name()), plain) : null;
        return new ReportView(
                new ReportView.Tool("e2ee-review", review.toolVersion(), review.rulesDigest(), review.catalogDigest()),
                new ReportView.ModelInfo(t(m.file()), t(fileName(m.file())), m.sha256(), t(m.system().name()),
                        t(m.system().version()), t(m.system().description()), m.system().claimsEndToEnd(), m.size()),
                verdict(o), conversations(), findings, notAssessed(), features, objectives, safeguards(),
                review.notes().stream().map(x -> t(x.at() + "  " + x.message())).toList(),
                review.unusedAcceptances().stream()
                        .map(a -> t(a.findingId() + " (" + a.source().at() + ") " + review.whyUnused(a))).toList(), capabilities, proposals, List.copyOf(references),
                diagramView, submission(m), plain == null ? null : plain.view(o.assessment() == null ? null : effects,
                        proposals.stream().map(ProposalView::row).toList(),
                        alternatives(o, true), alternatives(o, false), o.today(), listed, oneOfEachKind(features)),
                o.source() ? source(m) : List.of(), null, t(o.command()),
                o.today() == null ? null : o.today().toString(), findingsNotListed, null);
    }

    /**
     * A finding's readers, each with its own condition where they differ: "readers: customer, police (on the
     * organisation's decision)" gave the police, who read on a legal order through the customer, the
     * customer's condition.
     */
    private static List<String> readers(Finding f) {
        Map<String, Flow.Occurs> when = byReader(f);
        if (when.size() < 2) return f.readers().stream().map(ReportViewBuilder::t).toList();
        return f.readers().stream().map(p -> t(p + (when.containsKey(p) ? " (" + RuleEngine.condition(when.get(p)) + ")" : "")))
                .toList();
    }

    /** Each reader's readiest condition, when the conditions of its readers differ; else one entry or none. */
    private static Map<String, Flow.Occurs> byReader(Finding f) {
        Map<String, Flow.Occurs> best = new LinkedHashMap<>();
        for (Finding.Read r : f.reads()) {
            best.merge(r.party(), r.condition(), (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
        }
        return new java.util.HashSet<>(best.values()).size() > 1 ? best : Map.of();
    }

    /** The full diagram, or for a model too large for it the overview of parties and conversations; and who reads what. */
    private DiagramView diagram(Options o, String title, PlainWords plain) {
        Model m = review.model();
        boolean detailed = Diagram.detailed(m);
        Diagram full = detailed ? Diagram.of(review) : null;
        WhoReads overview = detailed ? null : WhoReads.overview(review);
        WhoReads readers = plain != null ? WhoReads.readers(review, true, plain::inSentence)
                : WhoReads.readers(review, false);
        Drawn drawn = !o.svg() ? null : detailed ? SvgDiagram.render(full, title, "diagram")
                : WhoReadsSvg.render(overview, title, "diagram");
        return new DiagramView(
                o.mermaid() ? detailed ? MermaidDiagram.render(full) : WhoReadsMermaid.render(overview) : null,
                drawn == null ? null : drawn.svg(), detailed ? full.anyOnRoute() : !review.access().isEmpty(),
                drawn == null ? List.of() : drawn.print(), drawn != null && drawn.landscape(), detailed,
                t(Diagram.scope(m)), o.mermaid() ? WhoReadsMermaid.render(readers) : null,
                o.svg() ? WhoReadsSvg.render(readers, "Who outside each conversation can read it, and when", "readers").svg()
                        : null, readers.conversations().stream().anyMatch(b -> b.count() > 1), readers.links().size(),
                readers.conditions().size());
    }

    private VerdictView verdict(Options o) {
        Map<Severity, Integer> counts = review.counts();
        List<Count> list = Arrays.stream(Severity.values()).map(s -> new Count(s.yamlName(), counts.get(s))).toList();
        int accepted = (int) review.weakenings().stream().filter(r -> r.status() == Reviewed.Status.ACCEPTED).count();
        int expired = (int) review.weakenings().stream().filter(r -> r.status() == Reviewed.Status.EXPIRED).count();
        String summary = switch (review.verdict()) {
            case NOT_END_TO_END_BY_DEFAULT -> "Some conversations are not end-to-end encrypted by default: "
                    // A printed document names ten and counts the rest; the JSON lists every one.
                    + (fileNamesOnly ? PlainWords.and(review.notEndToEndByDefaultSaid())
                    : String.join(", ", review.notEndToEndByDefaultSaid())) + ".";
            case WEAKENED -> "The design weakens end-to-end encryption: a counted finding is critical or high.";
            case NOT_WEAKENED -> "No counted finding is critical or high.";
        };
        return new VerdictView(review.verdict().id(), review.verdict().text(), t(summary),
                review.notEndToEndByDefault().stream().map(ReportViewBuilder::t).toList(), review.weakened(),
                o.failOn() == null ? "none" : o.failOn().yamlName(), review.failsAt(o.failOn()), list, accepted,
                expired, review.baseline() == null ? null : t(review.baseline().file()), review.notAssessed().size());
    }

    private List<ConversationView> conversations() {
        List<ConversationView> out = new ArrayList<>();
        for (Conversation c : review.model().conversations().values()) {
            List<ReaderView> readers = review.analysis().access(c.id()).stream().map(this::reader).toList();
            String protection = !c.endToEnd().available() ? "not end-to-end encrypted"
                    : c.endToEnd().byDefault() ? "end-to-end encrypted by default"
                    : "end-to-end encryption available, not by default";
            out.add(new ConversationView(t(c.id()), t(c.name()), c.kind().yamlName(),
                    c.members().stream().map(ReportViewBuilder::t).toList(), protection,
                    c.endToEnd().available() && c.endToEnd().byDefault(), readers,
                    review.analysis().disclosures(c.id()).stream().map(a -> t(a.party())).toList()));
        }
        return out;
    }

    /** Routes grouped by when they apply, so that a visible route does not hide an unseen one. */
    private ReaderView reader(Access a) {
        return reader(a, review);
    }

    private ReaderView reader(Access a, Review in) {
        Map<String, RouteView> byWhen = new LinkedHashMap<>();
        for (Reading r : a.readings()) {
            String condition = in.analysis().conditionWords(r);
            List<String> visible = r.detectable()
                    ? r.lowering().stream().map(Safeguarded::name).distinct().toList() : List.of();
            String key = condition + "|" + r.through() + "|" + visible;
            RouteView v = byWhen.computeIfAbsent(key, k -> new RouteView(new ArrayList<>(), condition,
                    r.through().stream().map(ReportViewBuilder::t).toList(), visible));
            if (!v.routes().contains(r.route().id())) v.routes().add(r.route().id());
        }
        List<RouteView> routes = byWhen.values().stream()
                .map(v -> new RouteView(List.copyOf(v.routes()), v.condition(), v.through(), v.visibleBy())).toList();
        StringBuilder summary = new StringBuilder();
        for (RouteView v : routes) {
            if (summary.length() > 0) summary.append("; ");
            summary.append(String.join(", ", v.routes())).append(" (").append(v.condition());
            if (!v.through().isEmpty()) summary.append(", through ").append(String.join(", ", v.through()));
            if (!v.visibleBy().isEmpty()) summary.append(", visible: ").append(String.join(", ", v.visibleBy()));
            summary.append(')');
        }
        if (a.partial()) summary.append(", derived data only");
        List<Link> findings = explained.computeIfAbsent(in, Review::explainingEveryReader)
                .of(a.conversation(), a.party()).stream()
                .map(f -> new Link(t(f.id()), anchors.get(f.id()))).toList();
        PlainWords words = new PlainWords(in);
        return new ReaderView(t(a.party()), words.label(a.party()), t(summary.toString()), words.reading(a), words.when(a),
                routes, a.partial(), a.readings().stream().anyMatch(PlainWords::unnoticed), findings);
    }

    /** Where a decision was taken when it is not the model: "; baseline.yaml:4:3". */
    private String decidedIn(Acceptance a) {
        return a.source().at().file().equals(review.model().file()) ? "" : "; " + a.source().at();
    }

    private FindingView finding(Reviewed r) {
        Finding f = r.finding();
        Weakening w = catalog.weakenings().get(f.catalog());
        String acceptance = r.acceptance() == null || r.status() == Reviewed.Status.ACTIVE ? null
                : (r.status() == Reviewed.Status.ACCEPTED ? "accepted" : "acceptance expired") + " ("
                        + r.acceptance().status().yamlName() + " by " + r.acceptance().decidedBy()
                        + (r.acceptance().until() == null ? "" : ", until " + r.acceptance().until())
                        + decidedIn(r.acceptance()) + "): " + r.acceptance().justification();
        List<Chain> evidence = new ArrayList<>();
        // A submission says once per finding that the other members' content goes with one member's choice.
        String othersToo = Flow.Occurs.OPT_IN.wordsForConversation();
        boolean said = false;
        for (var c : f.evidence()) {
            String title = c.title();
            if (fileNamesOnly && title.contains(othersToo)) {
                if (said) title = title.replace(othersToo, Flow.Occurs.OPT_IN.words());
                said = true;
            }
            evidence.add(new Chain(t(title), c.steps().stream().map(s -> new StepView(t(s.text()), location(s.at()))).toList()));
        }
        List<String> safeguards = f.safeguards().stream()
                .map(s -> t(s.name() + (s.prevents() ? " prevents it" : " makes it visible") + " (" + s.at() + ")"))
                .distinct().toList();
        List<String> disclosed = f.disclosed().stream()
                .map(d -> t(d.party() + ": " + d.where() + " (" + where(d.at()) + ")")).toList();
        return new FindingView(t(f.id()), anchors.get(f.id()), f.rule(), t(f.title()),
                f.severity().yamlName(), r.status().id(), r.counts(), t(acceptance), t(f.element()),
                f.inspects().yamlName(), location(f.at()), t(f.message()),
                readers(f), t(f.withoutReaders()),
                f.condition() == null || byReader(f).size() > 1 ? null : RuleEngine.condition(f.condition()), f.systemic(),
                t(f.blastRadius()), w == null ? null : w.summary(), evidence, safeguards, disclosed,
                t(f.remediation().strip()), w == null ? null : w.alternative(),
                w == null ? List.of() : cites(w.references(), w.legal()),
                w == null ? List.of() : w.legal().stream().map(Legal::provision).toList(), List.of(), 0,
                t(f.severityBecause()));
    }

    /**
     * The submission's findings: one of each rule, title and severity set out with its evidence, and the
     * elements where the same rule finds the same named after it, each with its location. A large design's fifty findings were
     * otherwise fifty of one rule (the first in order), pages of evidence alike but for the element, and
     * the other rules' findings not shown at all. A finding someone has decided on stands for itself.
     */
    private List<FindingView> alike(List<Reviewed> weakenings) {
        Map<List<Object>, List<Reviewed>> groups = new LinkedHashMap<>();
        for (Reviewed r : weakenings) {
            Finding f = r.finding();
            List<Object> key = r.status() == Reviewed.Status.ACTIVE ? List.of(f.rule(), f.title(), f.severity())
                    : List.of(f.id());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<FindingView> out = new ArrayList<>();
        for (List<Reviewed> group : groups.values()) {
            if (out.size() == listed) break;
            // Each with where its own evidence starts: the same rule, but each element's own statements.
            List<String> others = group.subList(1, group.size()).stream().limit(listed)
                    .map(r -> t(r.finding().element()) + " (" + where(r.finding().at()) + ")").toList();
            out.add(finding(group.get(0)).standingFor(others, group.size() - 1 - others.size()));
        }
        return out;
    }

    private List<NotAssessedView> notAssessed() {
        Map<String, NotAssessedView> grouped = new LinkedHashMap<>();
        for (NotAssessed n : review.notAssessed()) {
            String[] fields = n.field().split(" or ");
            String missing = fields.length == 1 ? fields[0] + " not written"
                    : "none of " + String.join(", ", fields) + " written";
            NotAssessedView v = grouped.computeIfAbsent(n.inspects().yamlName() + " " + n.element() + ": " + missing,
                    k -> new NotAssessedView(t(n.element()), n.inspects().yamlName(), missing, new ArrayList<>()));
            v.rules().add(n.rule());
        }
        return grouped.values().stream().map(v -> new NotAssessedView(v.element(), v.elementKind(), v.missing(),
                List.copyOf(v.rules()))).toList();
    }

    private FeatureView feature(Reviewed r) {
        Finding f = r.finding();
        SafetyFeature s = catalog.safetyFeatures().get(f.catalog());
        return new FeatureView(t(f.id()), t(f.title()), f.verdict() == null ? null : f.verdict().yamlName(),
                t(f.message()), s == null ? List.of() : s.objectives(), s == null ? null : s.summary(),
                s == null ? List.of() : cites(s.references(), s.legal()), inWords(f.catalog(), f.title()));
    }

    private ObjectiveView objective(ObjectiveAssessment o) {
        Objective entry = catalog.objectives().get(o.objective());
        String status = o.answer() != null ? o.answer() : o.metWithoutWeakening() ? "met without weakening"
                : o.onlyThrough().isEmpty() ? "no declared feature serves it" : "not met without weakening";
        List<String> through = o.onlyThrough().stream()
                .map(x -> t(x.feature() + " serves it only through " + String.join(", ", x.weakenings()))).toList();
        List<String> throughTitles = o.onlyThrough().stream().map(x -> {
            List<String> titles = x.weakenings().stream().map(this::weakeningTitle).distinct().toList();
            if (!fileNamesOnly) return t(featureWords(x.feature()) + ", which relies on " + String.join(", ", titles));
            // Inside a submission's sentence titles are lowered, as the summary writes them, and named as weaknesses: a
            // reader stopped at "which relies on Provider-keyed backup", and at "relies on reader outside the conversation,
            // plaintext egress from the client".
            List<String> lowered = titles.stream().map(PlainWords::lower).toList();
            return t(featureWords(x.feature()) + ", which relies on " + (lowered.size() == 1 ? "one weakness: "
                    : PlainWords.number(lowered.size()) + " weaknesses: ") + PlainWords.and(lowered));
        }).toList();
        List<Fact> concerns = entry == null || !fileNamesOnly ? List.of() : entry.concerns().stream()
                .map(c -> new Fact(c.fact(), cite(c.ref(), c.section()))).toList();
        String said = concerns.isEmpty() ? null : new PlainWords(review).keeps(o, review.safetyFeatures(), claimedBy).strip();
        String keeps = said == null || said.isEmpty() ? null : t(said);
        // A submission's prose writes titles as sentences: "Act against illegal content".
        return new ObjectiveView(o.objective(), fileNamesOnly ? sentenceCase(o.title()) : o.title(),
                entry == null ? null : entry.statement(),
                entry == null ? 0 : entry.ask(), o.metWithoutWeakening(), status, o.metBy().stream().map(ReportViewBuilder::t).toList(),
                o.metBy().stream().map(this::featureWords).distinct().map(ReportViewBuilder::t).toList(), through, throughTitles,
                fileNamesOnly ? o.suggestions().stream().map(x -> t(inWords(x, x) + (hasFeature(x)
                        ? " (the design has these, but what they give does not reach those this aim is about)" : ""))).toList()
                        : o.suggestions(),
                entry == null ? List.of() : cites(entry.references(), List.of()), concerns, keeps, powers(o));
    }

    /**
     * The laws under which the assessed proposals that claim an objective of the second ask would be
     * required, each once with the proposals that rest on it: a government reads its own powers in the
     * body, not only in an annex.
     */
    private List<Fact> powers(ObjectiveAssessment o) {
        Objective entry = catalog.objectives().get(o.objective());
        if (!fileNamesOnly || entry == null || entry.ask() != 2) return List.of();
        Map<String, List<String>> by = new LinkedHashMap<>();
        Map<String, org.e2eereview.catalog.Entries.Legal> law = new LinkedHashMap<>();
        for (Assessment a : claimedBy) {
            if (!a.proposal().claims().contains(o.objective())) continue;
            for (var l : a.proposal().legal()) {
                law.putIfAbsent(l.provision(), l);
                by.computeIfAbsent(l.provision(), k -> new ArrayList<>())
                        .add(PlainWords.lower(a.proposal().title()));
            }
        }
        List<Fact> out = new ArrayList<>();
        // Spelled out once: a reader outside the jurisdiction does not know "TOLA" or "CSAR".
        Set<String> named = new java.util.HashSet<>();
        law.forEach((provision, l) -> out.add(new Fact(t(provision + (named.add(String.valueOf(l.ref())) ? named(l.ref()) : "") + ", for " + PlainWords.and(by.get(provision))
                + (l.note() == null ? "" : ": " + l.note())), l.ref() == null ? null : cite(l.ref(), null))));
        return out;
    }

    /**
     * A law's name, " (Investigatory Powers Act 2016)", from its reference's title without the sections
     * the title goes on to list; nothing when the catalog has none.
     */
    private String named(String ref) {
        var r = ref == null ? null : catalog.references().get(ref);
        return r == null || r.title() == null ? "" : " (" + r.title().split(",", 2)[0] + ")";
    }

    /** What would serve the proposals' claimed aims without weakening: those this design has, or those it has not. */
    /**
     * Whether the design has a feature of this catalog entry: suggested for an aim it does not reach (franked reports
     * that go to a school, not to the authorities), it is said to be there, where a reader took the submission to say
     * the design lacked what another section said it had.
     */
    private boolean hasFeature(String catalogId) {
        for (Reviewed r : review.safetyFeatures()) if (catalogId.equals(r.finding().catalog())) return true;
        return false;
    }

    private List<String> alternatives(Options o, boolean inDesign) {
        if (o.assessment() == null) return List.of();
        return o.assessment().assessments().stream().flatMap(a -> a.alternatives().stream())
                .filter(x -> x.inDesign().isEmpty() != inDesign).map(x -> t(inWords(x.feature(), x.title()))).distinct()
                .sorted().toList();
    }

    /** A catalog safety feature as a reader who knows no cryptography is told of it; else its title, as prose writes it. */
    private String inWords(String feature, String title) {
        var entry = feature == null ? null : catalog.safetyFeatures().get(feature);
        return entry != null && entry.inWords() != null ? entry.inWords() : sentenceCase(title);
    }

    /** "Contact Controls and Safe Defaults" as prose writes it: "Contact controls and safe defaults". */
    static String sentenceCase(String title) {
        if (title == null) return null;
        String[] words = title.split(" ", -1);
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            String core = w.startsWith("(") ? w.substring(1) : w;
            if (core.length() > 1 && Character.isUpperCase(core.charAt(0)) && core.substring(1).chars().noneMatch(Character::isUpperCase)) {
                words[i] = w.substring(0, w.length() - core.length()) + Character.toLowerCase(core.charAt(0)) + core.substring(1);
            }
        }
        return String.join(" ", words);
    }

    /** Each safety-feature finding by id, made on first use. */
    private Map<String, org.e2eereview.rules.Finding> featureFindings;

    /** A safety-feature finding in plain words: "limits on how widely a message can be forwarded". */
    private String featureWords(String findingId) {
        // Looked up, not searched: an objective met by thousands of features names each.
        if (featureFindings == null) {
            Map<String, org.e2eereview.rules.Finding> byId = new HashMap<>();
            for (Reviewed r : review.safetyFeatures()) byId.putIfAbsent(r.finding().id(), r.finding());
            featureFindings = byId;
        }
        org.e2eereview.rules.Finding f = featureFindings.get(findingId);
        return f == null ? findingId : inWords(f.catalog(), f.title());
    }

    /** A weakening finding, or a catalog pattern, by its title. */
    private Map<String, String> weakeningTitles;

    private String weakeningTitle(String idOrPattern) {
        // Looked up, not searched: an objective served through thousands of weakenings names each.
        if (weakeningTitles == null) {
            Map<String, String> titles = new HashMap<>();
            for (Reviewed r : review.weakenings()) titles.putIfAbsent(r.finding().id(), r.finding().title());
            weakeningTitles = titles;
        }
        String title = weakeningTitles.get(idOrPattern);
        if (title != null) return title;
        Weakening w = catalog.weakenings().get(idOrPattern);
        return w == null ? idOrPattern : w.title();
    }

    private int ask(String objective) {
        Objective entry = catalog.objectives().get(objective);
        return entry == null ? 0 : entry.ask();
    }

    private List<SafeguardView> safeguards() {
        List<SafeguardView> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Safeguarded s : review.safeguards()) {
            // One line per declaration: the same field can guard several conversations. What is said of two
            // conversations is two declarations even at one place: a YAML alias writes one membership for two, and
            // the second was left out.
            if (!seen.add(s.name() + "|" + s.route() + "|" + s.at() + "|" + s.text())) continue;
            SafeguardEntry e = catalog.safeguards().get(s.name());
            out.add(new SafeguardView(s.name(), e == null ? s.name() : e.title(),
                    s.prevents() ? "prevents" : "makes visible, does not prevent", s.route().id(), t(s.element()),
                    t(s.text()), location(s.at()), (s.prevents() ? "stops " : "would show, but not stop, ")
                    + PlainWords.how(s.route()),
                    // Said where the title does not already say it ("changes shown to members").
                    e == null || e.inWords() == null || e.inWords().equalsIgnoreCase(e.title()) ? null : t(e.inWords())));
        }
        return out;
    }

    private List<CapabilityView> capabilities() {
        List<CapabilityView> out = new ArrayList<>();
        for (Weakening w : catalog.weakenings().values()) {
            if (!w.capability()) continue;
            List<Link> present = review.weakenings().stream().map(Reviewed::finding)
                    .filter(f -> w.id().equals(f.catalog()))
                    .map(f -> new Link(t(f.id() + " (" + f.severity().yamlName() + ")"), anchors.get(f.id()))).toList();
            List<String> requires = new ArrayList<>();
            for (Safeguarded s : review.safeguards()) {
                if (w.defeatedBy().contains(s.safeguard())) {
                    requires.add(t(s.name() + " (" + s.text() + ", " + s.at() + "), which "
                            + (s.prevents() ? "prevents it" : "would make it visible")));
                }
            }
            List<String> askedFor = w.askedFor().stream()
                    .map(o -> catalog.objectives().containsKey(o) ? catalog.objectives().get(o).title() : o)
                    .map(t -> fileNamesOnly ? sentenceCase(t) : t).toList();
            List<Fact> research = w.references().stream()
                    .map(c -> new Fact(c.fact(), cite(c.ref(), c.section()))).toList();
            List<Fact> law = w.legal().stream()
                    .map(l -> new Fact(l.provision() + (l.note() == null ? "" : ": " + l.note()),
                            l.ref() == null ? null : cite(l.ref(), null))).toList();
            out.add(new CapabilityView(w.id(), w.title(), w.summary(), askedFor, !present.isEmpty(), present,
                    List.copyOf(requires), w.breaks().stream().map(b -> b.yamlName().replace('-', ' ')).toList(),
                    w.systemic(), w.blastRadius(), research, law, w.alternative(), cites(w.references(), w.legal())));
        }
        return out;
    }

    private List<Patched> patched(List<Assessment> assessments, PlainWords plain) {
        if (plain == null) plain = new PlainWords(review);
        List<Patched> out = new ArrayList<>();
        for (Assessment a : assessments) out.add(patched(a, "proposal-" + (out.size() + 1), plain));
        return out;
    }

    private List<ProposalView> proposals(Assessor.Result result, List<Patched> parts, List<CapabilityView> capabilities) {
        List<ProposalView> out = new ArrayList<>();
        for (Assessment a : result.assessments()) {
            String anchor = "proposal-" + (out.size() + 1);
            Patched part = parts.get(out.size());
            Proposal p = a.proposal();
            List<String> binds = a.bindings().entrySet().stream()
                    .map(e -> t(e.getKey() + ": " + (e.getValue().isEmpty() ? "none" : PlainWords.and(e.getValue()))))
                    .toList();
            // A kind of safeguard once, with where the design declares it: "changes shown to members, which
            // today shows adding a member ... (every join to group-call is shown ..., wa.yaml:284:22; ...)".
            Map<String, Set<String>> byKind = new LinkedHashMap<>();
            for (Safeguarded s : a.overridden()) {
                SafeguardEntry e = catalog.safeguards().get(s.name());
                String name = e == null ? s.name() : e.inWords() != null ? e.inWords() : e.title();
                byKind.computeIfAbsent(PlainWords.capital(name) + ", which " + (s.prevents() ? "today stops " : "today shows ")
                        + PlainWords.how(s.route()), k -> new LinkedHashSet<>()).add(s.text() + ", " + where(s.at()));
            }
            Set<String> overrides = new LinkedHashSet<>();
            byKind.forEach((kind, at) -> {
                List<String> named = at.stream().limit(PlainWords.NAMED).toList();
                overrides.add(t(kind + " (" + String.join("; ", named)
                        + (at.size() > named.size() ? "; and " + (at.size() - named.size()) + " more" : "") + ")"));
            });
            List<String> instead = new ArrayList<>();
            for (CapabilityView c : capabilities) if (p.weakenings().contains(c.id())) instead.add(c.alternative());
            List<String> replaces = part.replaces();
            List<Fact> research = p.references().stream().map(c -> new Fact(c.fact(), cite(c.ref(), c.section()))).toList();
            List<Fact> law = p.legal().stream().map(l -> new Fact(l.provision() + (l.note() == null ? "" : ": " + l.note()),
                    l.ref() == null ? null : cite(l.ref(), null))).toList();
            List<String> alternatives = a.alternatives().stream().map(x -> x.title() + (x.inDesign().isEmpty()
                    ? "" : " (already in this design)")).map(ReportViewBuilder::t).toList();
            List<String> claims = p.claims().stream()
                    .map(o -> catalog.objectives().containsKey(o) ? catalog.objectives().get(o).title() : o)
                    .map(t -> fileNamesOnly ? sentenceCase(t) : t).toList();
            out.add(new ProposalView(p.id(), anchor, p.title(), p.year(), p.proposedBy(), p.summary(), p.asksFor(),
                    p.gainsAccess(), claims, a.applied(), t(a.notApplicable()), binds, List.copyOf(overrides),
                    review.verdict().text(), part.verdict(), PlainWords.counts(review), part.counts(), part.readers(),
                    part.widened(), part.introduced(), replaces, research, law, alternatives, instead, part.row(),
                    part.readersNotListed(), part.widenedNotListed(), part.introducedNotListed()));
        }
        return out;
    }

    private Patched patched(Assessment a, String anchor, PlainWords plain) {
        // The annex says each in the words of the first page: names, not ids; ways, not route words.
        PlainWords after = a.applied() ? new PlainWords(a.patched()) : plain;
        PlainWords.Said readers = PlainWords.alike(a.newReaders().stream()
                .map(r -> after.gained(r, foundAs(a.patched(), r))).toList(), listed);
        PlainWords.Said widened = PlainWords.alike(a.widened().stream()
                .map(w -> after.widened(w, foundAs(a.patched(), w.after()))).toList(), listed);
        // One line per kind of finding: a scanner on each of two apps is one thing to a reader, said twice.
        Map<String, IntroducedView> kinds = new LinkedHashMap<>();
        for (var f : a.introduced().stream().map(Reviewed::finding).toList()) {
            kinds.merge(f.severity() + "|" + f.title() + "|" + f.systemic() + "|" + f.blastRadius() + "|" + f.severityBecause(),
                    new IntroducedView(t(f.id()), f.severity().yamlName(), t(f.title()), t(f.message()), f.systemic(),
                            t(f.blastRadius()), 1, t(f.severityBecause())),
                    (x, y) -> new IntroducedView(x.id(), x.severity(), x.title(), x.message(), x.systemic(),
                            x.blastRadius(), x.count() + 1, x.severityBecause()));
        }
        List<IntroducedView> introduced = kinds.values().stream().limit(listed).toList();
        int introducedNotListed = kinds.values().stream().skip(listed).mapToInt(IntroducedView::count).sum();
        boolean criticalForAll = a.introduced().stream().map(Reviewed::finding)
                .anyMatch(f -> f.severity() == Severity.CRITICAL && f.systemic());
        boolean addsAccess = !a.introduced().isEmpty() || !a.newReaders().isEmpty() || !a.widened().isEmpty();
        return new Patched(readers.lines().stream().map(ReportViewBuilder::t).toList(), readers.notListed(),
                widened.lines().stream().map(ReportViewBuilder::t).toList(), widened.notListed(),
                introduced, introducedNotListed, a.applied() ? a.patched().verdict().text() : null,
                a.applied() ? PlainWords.counts(a.patched()) : null, plain.row(a, anchor), criticalForAll, addsAccess,
                a.applied() && (!a.newReaders().isEmpty() || !a.widened().isEmpty()), plain.unseen(a),
                plain.everyUser(a), replaces(a, plain));
    }

    /**
     * "Server-controlled membership (high) would become ghost participant (critical) in each of WhatsApp group
     * and WhatsApp group call": findings replaced alike on their own elements said once for all of them.
     */
    private List<String> replaces(Assessment a, PlainWords words) {
        if (a.superseded().isEmpty()) return List.of();
        Map<String, org.e2eereview.rules.Finding> before = new java.util.HashMap<>();
        for (Reviewed r : review.weakenings()) before.put(r.finding().id(), r.finding());
        Map<String, org.e2eereview.rules.Finding> after = new java.util.HashMap<>();
        if (a.applied()) for (Reviewed r : a.patched().weakenings()) after.put(r.finding().id(), r.finding());
        Map<String, List<String>> where = new LinkedHashMap<>();
        for (var e : a.superseded().entrySet()) {
            org.e2eereview.rules.Finding was = before.get(e.getKey());
            List<org.e2eereview.rules.Finding> now = e.getValue().stream().map(after::get).toList();
            if (was != null && now.stream().allMatch(f -> f != null && f.element().equals(was.element()))) {
                String change = PlainWords.lower(was.title()) + " (" + was.severity().yamlName() + ") would become "
                        + PlainWords.and(now.stream().map(f -> PlainWords.lower(f.title()) + " (" + f.severity().yamlName() + ")")
                        .distinct().toList());
                where.computeIfAbsent(change, k -> new ArrayList<>()).add(words.element(was.element()));
            } else {
                where.put(words.finding(was, e.getKey()) + " would become "
                        + PlainWords.and(e.getValue().stream().map(id -> words.finding(after.get(id), id)).toList()), null);
            }
        }
        List<String> out = new ArrayList<>();
        int said = 0;
        for (var e : where.entrySet()) {
            if (out.size() == listed) {
                out.add(t("And " + (a.superseded().size() - said) + " more such findings"));
                break;
            }
            List<String> in = e.getValue();
            said += in == null ? 1 : in.size();
            out.add(t(PlainWords.capital(e.getKey()) + (in == null ? "" : in.size() == 1 ? " in " + in.get(0)
                    : " in each of " + PlainWords.and(in))));
        }
        return out;
    }

    /** One feature of each kind, in the words the body uses: a design with a thousand reporting buttons has one kind. */
    private static List<FeatureView> oneOfEachKind(List<FeatureView> features) {
        Map<String, FeatureView> kinds = new LinkedHashMap<>();
        for (FeatureView f : features) kinds.putIfAbsent(f.inWords(), f);
        return List.copyOf(kinds.values());
    }

    /** The titles of the findings that explain a reader of the patched design, each once. */
    private List<String> foundAs(Review patched, Access a) {
        return explained.computeIfAbsent(patched, Review::explainingEveryReader).of(a.conversation(), a.party()).stream()
                .map(org.e2eereview.rules.Finding::title).distinct().toList();
    }

    /**
     * Citations in order, one per source (sections of the same source merged), each numbered at its
     * first citation in the document; none where the document does not show this part's sources.
     */
    private List<Cite> cites(List<Citation> references, List<Legal> legal) {
        if (!citing) return List.of();
        Map<String, List<String>> sections = new LinkedHashMap<>();
        for (Citation c : references) {
            List<String> s = sections.computeIfAbsent(c.ref(), k -> new ArrayList<>());
            if (c.section() != null && !s.contains(c.section())) s.add(c.section());
        }
        for (Legal l : legal) if (l.ref() != null) sections.computeIfAbsent(l.ref(), k -> new ArrayList<>());
        List<Cite> out = new ArrayList<>();
        sections.forEach((ref, s) -> out.add(cite(ref, s.isEmpty() ? null : String.join("; ", s))));
        // Numbered first, then printed in ascending order: "[2] [8] [10]", never "[8] [10] [2]".
        out.sort(java.util.Comparator.comparingInt(Cite::number));
        return out;
    }

    private Cite cite(String key, String section) {
        if (!citing) return null;
        int number = numbers.computeIfAbsent(key, k -> numbers.size() + 1);
        return new Cite(number, key, section);
    }

    private ReportView.Location location(org.e2eereview.model.Location at) {
        String file = fileNamesOnly && at.file() != null ? fileName(at.file()) : at.file();
        return new ReportView.Location(t(file), at.line(), at.column(), t(where(at)));
    }

    /** file:line:column, by file name alone in a submission, which must not carry its author's folders. */
    private String where(org.e2eereview.model.Location at) {
        if (!fileNamesOnly || at.file() == null) return at.toString();
        return new org.e2eereview.model.Location(fileName(at.file()), at.line(), at.column()).toString();
    }

    private static SubmissionView submission(Model m) {
        Submission s = m.submission();
        String title = s == null || s.title() == null
                ? "Submission on end-to-end encryption and public safety: " + m.system().name() : s.title();
        if (s == null) return new SubmissionView(t(title), null, null, null, null, null, null, null, null, null, null, null, null, null);
        String web = link(s.contact());
        String contactLink = web != null ? web : mailbox(s.contact());
        return new SubmissionView(t(title), t(s.addressee()), t(s.reference()), t(s.organisation()), t(s.contact()),
                t(s.modelUrl()), prose(s.summary()), prose(s.design()), prose(s.publicSafety()),
                prose(s.capabilities()), prose(s.closing()), link(s.modelUrl()), contactLink,
                contactLink == null ? null : contactLink.contains("://") ? contactLink : "mailto:" + contactLink);
    }

    private static final java.util.regex.Pattern MAILBOX = java.util.regex.Pattern.compile(
            "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    /**
     * The organisation's contact as an address a reader can write to, when it is a plain e-mail address: as text, the
     * Markdown escaper breaks an address's autolink with an invisible character, and a reader who copied it got an
     * address that does not work.
     */
    private static String mailbox(String contact) {
        return contact != null && MAILBOX.matcher(contact).matches() ? contact : null;
    }

    private static final java.util.regex.Pattern WEB_ADDRESS = java.util.regex.Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~!$&'()*+,;=:@%/?#-]*)?");

    /**
     * The organisation's own address for its model, as a link a reader can follow and copy, when it
     * is a plain web address (nothing in it can close the link); else null, and it stays text.
     */
    private static String link(String url) {
        return url != null && WEB_ADDRESS.matcher(url).matches() ? url : null;
    }

    private static ReportView.Prose prose(String text) {
        String html = CommonMark.html(text);
        return html == null ? null : new ReportView.Prose(html, CommonMark.markdown(text));
    }

    /** The model's lines, from the text it was read from (the file may have changed since). */
    private static List<SourceLine> source(Model m) {
        String[] lines = m.text().split("\\r?\\n", -1);
        List<SourceLine> out = new ArrayList<>(lines.length);
        int count = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        for (int i = 0; i < count; i++) out.add(new SourceLine(i + 1, t(lines[i])));
        return out;
    }

    private static String fileName(String file) {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return file.substring(slash + 1);
    }

    static String t(String text) {
        return Inert.text(text);
    }
}
