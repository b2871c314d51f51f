package org.e2eereview.report.view;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.e2eereview.analysis.Access;
import org.e2eereview.analysis.Reading;
import org.e2eereview.analysis.Route;
import org.e2eereview.analysis.Safeguarded;
import org.e2eereview.assess.Assessment;
import org.e2eereview.catalog.Entries.SafeguardEntry;
import org.e2eereview.catalog.Entries.Weakening;
import org.e2eereview.catalog.Severity;
import org.e2eereview.model.Component;
import org.e2eereview.model.Conversation;
import org.e2eereview.model.Flow.Occurs;
import org.e2eereview.model.Model;
import org.e2eereview.model.Party;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.rules.Finding;

/**
 * The review in sentences a reader with no knowledge of the tool follows: names rather than ids,
 * finding titles rather than rule ids, what a party could do rather than route words. The consultation
 * submission opens with these; everything in them is computed from the review, and the annexes hold
 * the ids and evidence behind each.
 */
final class PlainWords {

    private final Review review;
    private final Model model;

    PlainWords(Review review) {
        this.review = review;
        this.model = review.model();
    }

    /** What the design protects: which conversations are end-to-end encrypted, and the safeguards it declares. */
    List<String> protects() {
        List<String> byDefault = new ArrayList<>();
        List<String> available = new ArrayList<>();
        List<String> not = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        java.util.Set<String> contradicted = new java.util.HashSet<>(review.contradicted());
        for (Conversation c : model.conversations().values()) {
            boolean e2e = c.endToEnd() != null && c.endToEnd().available();
            boolean dflt = e2e && c.endToEnd().byDefault() && !contradicted.contains(c.id());
            (dflt ? byDefault : e2e ? available : not).add(conversation(c.id()));
            if (review.analysis().access(c.id()).isEmpty()) unread.add(conversation(c.id()));
        }
        String system = Views.t(model.system().name());
        List<String> out = new ArrayList<>();
        StringBuilder s = new StringBuilder();
        if (!byDefault.isEmpty()) s.append(system).append(" encrypts ").append(and(byDefault)).append(" end to end by default.");
        if (!available.isEmpty()) {
            sentence(s, and(available) + " can be end-to-end encrypted, but " + (available.size() == 1 ? "is" : "are")
                    + " not by default.");
        }
        if (!not.isEmpty()) sentence(s, and(not) + " " + (not.size() == 1 ? "is" : "are") + " not end-to-end encrypted.");
        if (!review.contradicted().isEmpty()) {
            sentence(s, "The design says " + and(review.contradicted().stream().map(this::conversation).toList())
                    + " " + (review.contradicted().size() == 1 ? "is" : "are") + " end-to-end encrypted by default, but "
                    + "the provider holds a key that reads " + (review.contradicted().size() == 1 ? "it" : "them") + ".");
        }
        out.add(s.toString());
        Set<String> prevent = new LinkedHashSet<>();
        Set<String> show = new LinkedHashSet<>();
        for (Safeguarded g : review.safeguards()) (g.prevents() ? prevent : show).add(safeguard(g));
        show.removeAll(prevent);
        if (!prevent.isEmpty() || !show.isEmpty()) {
            StringBuilder g = new StringBuilder("The design declares safeguards that");
            if (!prevent.isEmpty()) g.append(" stop some outside access (").append(and(List.copyOf(prevent))).append(')');
            if (!prevent.isEmpty() && !show.isEmpty()) g.append(" and that");
            if (!show.isEmpty()) g.append(" would let members or outsiders notice some (").append(and(List.copyOf(show))).append(')');
            out.add(g.append('.').toString());
        }
        if (!unread.isEmpty()) {
            out.add("The review finds nobody outside " + and(unread) + " who could read " + (unread.size() == 1 ? "it" : "them")
                    + ".");
        }
        return out;
    }

    /**
     * Who outside could read which conversations, when, how, and whether anyone would notice: one
     * sentence per group of parties that could read the same conversations in the same way; the
     * unnoticed first.
     */
    List<String> readers() {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Conversation c : model.conversations().values()) {
            for (Access a : review.analysis().access(c.id())) {
                for (Reading r : a.readings()) {
                    String when = when(a, r);
                    String key = a.party() + "|" + when + "|" + r.detectable() + "|" + unnoticed(r) + "|" + a.partial()
                            + "|" + r.through();
                    Group g = groups.computeIfAbsent(key, k -> new Group(a.party(), when, r.condition(), r.detectable(),
                            a.partial(), r.through()));
                    g.inHand = !r.detectable() && !unnoticed(r);
                    g.conversations.add(conversation(c.id()));
                    g.routes.add(r.route());
                    for (Safeguarded s : r.lowering()) g.visibleBy.add(safeguard(s));
                }
            }
        }
        // Parties that could read the same conversations in the same way share a sentence.
        Map<String, List<Group>> alike = new LinkedHashMap<>();
        for (Group g : groups.values()) {
            alike.computeIfAbsent(g.conversations + "|" + g.routes + "|" + g.when + "|" + g.detectable + "|" + g.partial
                    + "|" + g.through + "|" + g.visibleBy, k -> new ArrayList<>()).add(g);
        }
        List<List<Group>> ordered = new ArrayList<>(alike.values());
        ordered.sort(java.util.Comparator.<List<Group>, Boolean>comparing(l -> l.get(0).detectable)
                .thenComparing(l -> l.get(0).inHand)
                .thenComparing(l -> l.get(0).condition.ordinal()));
        // Who could read which conversation in some way nobody would notice: of them, a noticeable way is "also".
        Set<String> silently = new LinkedHashSet<>();
        for (Group g : groups.values()) {
            if (!g.detectable) for (String c : g.conversations) silently.add(g.party + "|" + c);
        }
        List<String> out = new ArrayList<>();
        for (List<Group> same : ordered) {
            Group g = same.get(0);
            boolean also = same.stream().anyMatch(x -> x.conversations.stream().anyMatch(c -> silently.contains(x.party + "|" + c)));
            String who = and(same.stream().map(x -> party(x.party)).toList());
            String verb = g.partial ? "learn about " : "read ";
            String ways = ways(g.routes.stream().map(PlainWords::how).distinct().toList());
            String through = g.through.isEmpty() ? "" : ", through " + and(g.through.stream().map(this::party).toList());
            StringBuilder s = new StringBuilder(who);
            if (g.detectable) {
                // The limit first: every route of this reading could be noticed, so it is never "at any time" unseen.
                if (also) s.append(" could also ").append(verb).append(and(List.copyOf(g.conversations)));
                else s.append(" could not ").append(verb).append(and(List.copyOf(g.conversations))).append(" unseen: ")
                        .append(same.size() == 1 ? "it" : "they").append(" could do so");
                if (g.condition != Occurs.ALWAYS) s.append(' ').append(g.when);
                s.append(through).append(g.condition != Occurs.ALWAYS || !through.isEmpty() ? ", " : " ").append(ways)
                        // The safeguards that would show it are named just above, in the design's safeguards.
                        .append(", which members or outsiders who check could notice, though nothing prevents it.");
                if (g.partial) s.append(" What it learns is derived from the content (a match, a fingerprint), not the content itself.");
            } else {
                s.append(" could ").append(verb).append(and(List.copyOf(g.conversations))).append(' ').append(g.when)
                        .append(through).append(", ").append(ways).append('.');
                if (g.partial) s.append(" What it learns is derived from the content (a match, a fingerprint), not the content itself.");
                s.append(g.inHand ? " It needs the device out of its owner's hands, which the owner would know of."
                        : " Neither the members nor anyone outside would notice.");
            }
            out.add(s.toString());
        }
        return out;
    }

    /**
     * Why a reading members or outsiders could notice is not the unnoticed access lawful-access proposals
     * seek, without making it less than it is; null when no outside reader of content could be noticed.
     * A hostile reader would otherwise quote "could read at any time" as proof that the access exists.
     *
     * @param assessments the proposals applied, to say how many of them would add access unnoticed; null for none
     */
    String noticed(List<Views.Patched> assessments) {
        Set<String> members = new LinkedHashSet<>();
        Set<String> outsiders = new LinkedHashSet<>();
        for (Conversation c : model.conversations().values()) {
            for (Access a : review.analysis().access(c.id())) {
                if (a.partial()) continue;
                for (Reading r : a.readings()) {
                    if (!r.detectable()) continue;
                    switch (r.route()) {
                        case ADDS_MEMBER -> members.add("a new member in the conversation");
                        case ADDS_DEVICE -> members.add("a new device on a member's account");
                        case SUBSTITUTES_KEYS -> members.add("a contact's changed key");
                        case TARGETED_UPDATE -> outsiders.add("an app version");
                        case ENCLAVE_IMAGE -> outsiders.add("a secure-server version");
                        default -> { }
                    }
                }
            }
        }
        if (members.isEmpty() && outsiders.isEmpty()) return null;
        StringBuilder s = new StringBuilder("Where members or outsiders could notice, the reading is not silent: ");
        if (!members.isEmpty()) s.append("members could see ").append(and(List.copyOf(members), "or"));
        if (!members.isEmpty() && !outsiders.isEmpty()) s.append(", and ");
        if (!outsiders.isEmpty()) {
            s.append("outsiders who check the public record would find ").append(and(List.copyOf(outsiders), "or"))
                    .append(" missing from it");
        }
        s.append('.');
        if (assessments != null) {
            int adding = 0;
            int unseen = 0;
            for (Views.Patched a : assessments) {
                if (!a.row().applied() || !a.addsReaders()) continue;
                adding++;
                if (a.unseen()) unseen++;
            }
            if (adding > 0 && unseen == adding) {
                s.append(adding == 1 ? " The one proposal that would add access to this design would add access nobody would notice"
                        : " Each of the " + adding + " proposals that would add access to this design would instead add "
                        + "access nobody would notice").append(" (listed below).");
            } else if (unseen > 0) {
                s.append(' ').append(unseen).append(" of the ").append(adding)
                        .append(" proposals that would add access to this design would add access nobody would notice (listed below).");
            } else if (adding > 0) {
                s.append(" None of the ").append(adding).append(" proposals that would add access to this design would add it unnoticed.");
            }
        }
        return s.append(" A reading that could be noticed is still a risk the findings keep: nothing prevents it, and it "
                + "comes to light only if someone checks.").toString();
    }

    /** One reader of one conversation: "at any time, by adding a member to the conversation; on a legal order, ...". */
    String reading(Access a) {
        Map<String, Set<String>> byWhen = new LinkedHashMap<>();
        for (Reading r : a.readings()) {
            String when = when(a, r);
            if (!r.through().isEmpty()) when += ", through " + and(r.through().stream().map(this::party).toList());
            byWhen.computeIfAbsent(when, k -> new LinkedHashSet<>()).add(how(r.route()));
        }
        List<String> parts = new ArrayList<>();
        byWhen.forEach((when, how) -> parts.add(when + ", " + ways(List.copyOf(how))));
        return String.join("; ", parts) + (a.partial() ? " (what is derived from the content, not the content itself)" : "");
    }

    /** When one reader could read one conversation, without how: "on a legal order, through WhatsApp; at any time". */
    String when(Access a) {
        Set<String> whens = new LinkedHashSet<>();
        for (Reading r : a.readings()) {
            // Never "at any time" of a reading that could be noticed: the limit is what matters.
            String when = r.detectable() && r.condition() == Occurs.ALWAYS ? "not unseen"
                    : when(a, r, ", with the messages of those they talk to");
            if (!r.through().isEmpty()) when += ", through " + and(r.through().stream().map(this::party).toList());
            whens.add(when);
        }
        return String.join("; ", whens) + (a.partial() ? " (only what is derived from the content)" : "");
    }

    /** All of it, for the first page. */
    ReportView.PlainView view(List<Views.Patched> assessments, List<ReportView.ProposalRow> rows,
                              List<String> alternativesInDesign, List<String> alternativesNotInDesign,
                              java.time.LocalDate today) {
        List<String> because = new ArrayList<>();
        List<String> also = new ArrayList<>();
        String verdict = verdict(because, also);
        return new ReportView.PlainView(protects(), readers(), noticed(assessments), verdict, because, also,
                assessments == null ? null : proposals(assessments), rows, alternativesInDesign, alternativesNotInDesign,
                today == null ? null : today.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                        java.util.Locale.ENGLISH)), asks(assessments, alternativesNotInDesign));
    }

    /** "Not to require A and B: each would add access ... nobody would notice." and "To ask instead for ...". */
    private static List<String> asks(List<Views.Patched> assessments, List<String> alternativesNotInDesign) {
        List<String> out = new ArrayList<>();
        List<String> unseen = assessments == null ? List.of() : assessments.stream()
                .filter(a -> a.row().applied() && a.addsReaders() && a.unseen()).map(a -> a.row().title().replaceFirst(" \\(\\d{4}\\)$", "")).toList();
        if (!unseen.isEmpty()) {
            out.add("Not to require " + and(unseen, "or") + (unseen.size() == 1 ? ": it" : ": each")
                    + " would add access to messages that nobody would notice.");
        }
        if (alternativesNotInDesign != null && !alternativesNotInDesign.isEmpty()) {
            out.add("To ask instead for " + and(alternativesNotInDesign) + ", which this design lacks and which serve the "
                    + "aims these proposals claim without weakening encryption.");
        }
        return out;
    }

    /**
     * Why the verdict is what it is, by finding title: the counted findings at high or above (each
     * into {@code because}), then the rest and the accepted ones in a line each (into {@code also}).
     */
    private String verdict(List<String> because, List<String> also) {
        Map<String, List<Finding>> serious = new LinkedHashMap<>();
        Map<String, Integer> minor = new LinkedHashMap<>();
        Map<String, Set<Severity>> severities = new LinkedHashMap<>();
        int accepted = 0;
        for (Reviewed r : review.weakenings()) {
            Finding f = r.finding();
            if (!r.counts()) {
                accepted++;
            } else if (f.severity().ordinal() <= Severity.HIGH.ordinal()) {
                serious.computeIfAbsent(f.severity().yamlName() + "|" + f.title(), k -> new ArrayList<>()).add(f);
            } else {
                minor.merge(Views.t(f.title()), 1, Integer::sum);
                severities.computeIfAbsent(Views.t(f.title()), k -> new java.util.TreeSet<>()).add(f.severity());
            }
        }
        for (List<Finding> same : serious.values()) {
            Finding f = same.get(0);
            Weakening w = review.catalog().weakenings().get(f.catalog());
            // Where, not how many: "2 findings" means nothing to a reader who does not know what one is.
            because.add(Views.t(f.title()) + " (" + f.severity().yamlName() + "), in "
                    + and(same.stream().flatMap(x -> where(x).stream()).distinct().toList())
                    + (w == null ? "." : ": " + lower(w.summary())));
        }
        if (!minor.isEmpty()) {
            List<String> items = new ArrayList<>();
            minor.forEach((title, n) -> items.add(lower(title) + " ("
                    + and(severities.get(title).stream().map(Severity::yamlName).toList()) + ")"));
            also.add("The review also notes findings of lower severity: " + and(items) + ".");
        }
        if (accepted > 0) {
            also.add(accepted + (accepted == 1 ? " finding is" : " findings are")
                    + " accepted by the organisation with a recorded justification (Annex A).");
        }
        if (!review.notEndToEndByDefault().isEmpty()) {
            return "The review finds that " + and(review.notEndToEndByDefault().stream().map(this::conversation).toList())
                    + (review.notEndToEndByDefault().size() == 1 ? " is" : " are") + " not end-to-end encrypted by "
                    + "default." + (serious.isEmpty() ? "" : serious.size() == 1 ? " This finding also weakens it:"
                    : " These findings also weaken it:");
        }
        if (serious.isEmpty()) return "The review finds no weakening of end-to-end encryption at high severity or above.";
        return "The review finds that the design weakens end-to-end encryption. "
                + (serious.size() == 1 ? "It does so through this finding:" : "It does so through these findings:");
    }

    /** "Every one of them would add outside access to messages that nobody would notice: 7 for every user, ..." */
    private String proposals(List<Views.Patched> assessments) {
        int applied = 0;
        int adding = 0;
        int unseen = 0;
        int everyUser = 0;
        for (Views.Patched a : assessments) {
            if (!a.row().applied()) continue;
            applied++;
            if (!a.addsReaders()) continue;
            adding++;
            if (a.unseen()) unseen++;
            if (a.everyUser()) everyUser++;
        }
        StringBuilder s = new StringBuilder("We applied to this design's model ").append(count(assessments.size(),
                "lawful-access proposal")).append(" from the public debate (put forward by governments, officials or researchers;"
                + " Annex B says who proposed each)");
        if (applied < assessments.size()) s.append("; ").append(applied).append(" of them fit it");
        s.append(". ");
        if (adding == 0) return s.append("None would add outside access the design does not already allow.").toString();
        s.append(adding == applied ? (applied == 1 ? "It" : "Every one of them") : adding + " of them")
                .append(" would add outside access to messages");
        if (unseen == adding) s.append(" that nobody would notice");
        if (adding > 1) {
            s.append(": ").append(everyUser == adding ? "all" : String.valueOf(everyUser)).append(" for every user");
            if (everyUser < adding) s.append(", ").append(adding - everyUser).append(" for chosen users");
        }
        if (unseen < adding) {
            s.append(unseen == 0 ? ". None of them would add access that nobody would notice"
                    : ". " + unseen + " of them would add access that nobody would notice");
        }
        return s.append(". The list below says who would gain it, and who else could misuse it.").toString();
    }

    /** Who would gain access, to whose messages, for whom, before and after: one row of the first page's table. */
    ReportView.ProposalRow row(Assessment a, String anchor) {
        String title = a.proposal().title() + " (" + a.proposal().year() + ")";
        // Parties the proposal adds are named in the patched model only.
        PlainWords patched = a.applied() ? new PlainWords(a.patched()) : this;
        if (!a.applied()) {
            return new ReportView.ProposalRow(title, anchor, false, "does not apply: " + Views.t(a.notApplicable()),
                    "", "", counts(review), counts(review), "nothing", "", risk(a));
        }
        // Per party (and whom it goes through), the widest change: reading the content itself, reading
        // more widely than now, or reading only what is derived from the content.
        Map<String, Integer> gains = new LinkedHashMap<>();
        Set<String> whose = new LinkedHashSet<>();
        Set<String> when = new LinkedHashSet<>();
        for (Access r : a.newReaders()) {
            String via = r.through().isEmpty() ? "" : " through " + and(r.through().stream().map(patched::party).toList());
            gains.merge(patched.party(r.party()) + via, r.partial() ? 2 : 0, Math::min);
            whose.add(patched.conversation(r.conversation()));
            for (Reading x : r.readings()) when.add(x.condition().words());
        }
        Map<String, String> wider = new LinkedHashMap<>();
        for (org.e2eereview.diff.ReviewDiff.Widening w : a.widened()) {
            gains.merge(patched.party(w.after().party()), 1, Math::min);
            wider.putIfAbsent(patched.party(w.after().party()), wider(w.how()));
            whose.add(patched.conversation(w.after().conversation()));
        }
        List<String> gained = new ArrayList<>();
        gains.forEach((who, how) -> gained.add(who + switch (how) {
            case 1 -> " (" + wider.get(who) + ")";
            case 2 -> " (data derived from the content, not the content)";
            default -> "";
        }));
        // The reach of what the proposal asks for, not of what else it brings with it (a targeted update
        // that also needs a systemic change is still used against chosen users).
        List<Reviewed> own = a.introduced().stream()
                .filter(r -> a.proposal().weakenings().contains(r.finding().catalog())).toList();
        boolean systemic = (own.isEmpty() ? a.introduced() : own).stream().anyMatch(r -> r.finding().systemic());
        String reach = a.introduced().isEmpty() ? "" : systemic ? "systemic" : "targeted";
        String forWhom = a.introduced().isEmpty() && gains.isEmpty() ? "no change"
                : (systemic ? "every user" : "chosen users") + (when.isEmpty() ? "" : ", " + and(List.copyOf(when), "or"));
        return new ReportView.ProposalRow(title, anchor, true, gained.isEmpty() ? "nobody new" : String.join("; ", gained),
                and(List.copyOf(whose)), forWhom, counts(review), counts(a.patched()), adds(a), reach, risk(a));
    }

    /**
     * What a proposal would make possible, in one sentence a minister can repeat: who would gain access,
     * to whose conversations, when, whether anyone would notice, and who else could misuse the same
     * capability. Built from what {@code assess} computed (new readers, widened readers, their routes),
     * so that it holds for any design and any proposal.
     */
    String risk(Assessment a) {
        if (!a.applied()) return "It cannot apply to this design: " + Views.t(a.notApplicable()) + ".";
        List<String> clauses = new ArrayList<>();
        Set<String> misuse = new LinkedHashSet<>();
        for (Gain g : gains(a).values()) {
            clauses.add(g.clause());
            for (Route route : g.routes) {
                String m = misuse(route, g.holders);
                if (m != null) misuse.add(m);
            }
        }
        if (clauses.isEmpty()) {
            return a.introduced().isEmpty() ? "Nobody would gain access they do not have already: this design already has what it asks for."
                    : "Nobody would gain access they do not have already, though it changes the design (Annex B).";
        }
        String out = capital(String.join("; ", clauses));
        if (!misuse.isEmpty()) out += "; and so could anyone who " + and(List.copyOf(misuse), "or");
        return out + ".";
    }

    /**
     * Whether nobody would notice a reading: no declared safeguard makes it visible, and it does not need a
     * user's device in someone else's hands (the owner knows the phone was taken).
     */
    static boolean unnoticed(Reading r) {
        return !r.detectable() && r.condition() != Occurs.WITH_DEVICE;
    }

    /** Whether any new or wider reading the proposal gives would go unnoticed. */
    static boolean unseen(Assessment a) {
        return a.applied() && gains(a).values().stream().anyMatch(g -> g.unseen);
    }

    /** Whether any new or wider reading the proposal gives reaches every user. */
    static boolean everyUser(Assessment a) {
        return a.applied() && gains(a).values().stream().anyMatch(g -> g.systemic);
    }

    /**
     * The readings that make a proposal's risk, by party and circumstance: new ways to read, and of those
     * the unnoticed ones first, so that "every user" or "unnoticed" is said only of the readings that are so.
     */
    private static Map<String, Gain> gains(Assessment a) {
        PlainWords patched = new PlainWords(a.patched());
        Map<String, Gain> gains = new LinkedHashMap<>();
        for (Access r : a.newReaders()) gain(gains, patched, r, null, worst(r.readings()));
        for (org.e2eereview.diff.ReviewDiff.Widening w : a.widened()) {
            List<Route> before = w.before().routes();
            List<Reading> added = w.after().readings().stream().filter(x -> !before.contains(x.route())).toList();
            gain(gains, patched, w.after(), w.before(), worst(added.isEmpty() ? w.after().readings() : added));
        }
        return gains;
    }

    private static List<Reading> worst(List<Reading> readings) {
        List<Reading> unseen = readings.stream().filter(PlainWords::unnoticed).toList();
        return unseen.isEmpty() ? readings : unseen;
    }

    private static void gain(Map<String, Gain> gains, PlainWords patched, Access after, Access before,
                             List<Reading> readings) {
        boolean unseen = readings.stream().anyMatch(PlainWords::unnoticed);
        boolean inHand = !unseen && readings.stream().anyMatch(x -> !x.detectable());
        boolean systemic = readings.stream().anyMatch(x -> x.route().systemic());
        Reading weakest = readings.get(0);
        for (Reading x : readings) if (x.condition().ordinal() < weakest.condition().ordinal()) weakest = x;
        String when = patched.when(after, weakest, "");
        List<String> through = readings.stream().flatMap(x -> x.through().stream()).distinct().sorted().toList();
        String was = before == null ? null : patched.was(before, after, unseen, systemic);
        String key = after.party() + "|" + through + "|" + when + "|" + unseen + "|" + inHand + "|" + systemic + "|"
                + after.partial() + "|" + was;
        Gain g = gains.computeIfAbsent(key, k -> new Gain(patched.party(after.party()),
                through.stream().map(patched::party).toList(), when, unseen, systemic, after.partial(), was));
        g.inHand = inHand;
        g.conversations.add(patched.conversation(after.conversation()));
        readings.forEach(x -> g.routes.add(x.route()));
    }

    /** How a reader reads today, where the proposal would widen it; "" when only the way changes. */
    private String was(Access before, Access after, boolean unseen, boolean systemic) {
        List<String> today = new ArrayList<>();
        if (unseen && before.detectable()) today.add("it could be noticed");
        if (systemic && !before.systemic()) today.add("only for chosen users");
        if (before.partial() && !after.partial()) today.add("only what is derived from the content");
        if (after.condition().ordinal() < before.condition().ordinal()) {
            today.add("only " + when(before.condition(), "", null));
        }
        return String.join(", and ", today);
    }

    /** Who else could do what a route lets its holder do, completing "anyone who ...". */
    private static String misuse(Route route, List<String> holders) {
        String who = and(holders);
        String one = holders.size() == 1 ? "s" : "";
        return switch (route) {
            case HOLDS_KEY, RECOVERS_KEY -> "obtains the key" + (holders.size() == 1 ? "" : "s") + " " + who + " hold" + one;
            case ADDS_MEMBER, ADDS_DEVICE, SUBSTITUTES_KEYS, ENCLAVE_IMAGE -> "takes control of the servers " + who + " run" + one;
            case TARGETED_UPDATE -> "takes control of the app updates " + who + " ship" + one;
            case RUNS_COMPONENT, FEATURE_RESULT, LEARNS_DERIVED -> "breaks into the systems " + who + " run" + one;
            case HARDWARE_ROOT -> "can forge or break the hardware the secure enclave relies on";
            case MEMBER_DISCLOSURE -> null;
        };
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** One party's new or wider access under one set of circumstances, over the conversations it concerns. */
    private static final class Gain {
        final String party;
        final List<String> holders;
        final String through;
        final String when;
        final boolean unseen;
        final boolean systemic;
        final boolean partial;
        final String was;
        boolean inHand;
        final Set<String> conversations = new LinkedHashSet<>();
        final Set<Route> routes = new LinkedHashSet<>();

        Gain(String party, List<String> through, String when, boolean unseen, boolean systemic, boolean partial, String was) {
            this.party = party;
            // The capability sits with whoever is compelled to use it, else with the reader itself.
            this.holders = through.isEmpty() ? List.of(party) : through;
            this.through = through.isEmpty() ? "" : ", through " + and(through) + ",";
            this.when = when;
            this.unseen = unseen;
            this.systemic = systemic;
            this.partial = partial;
            this.was = was;
        }

        String clause() {
            String whose = and(List.copyOf(conversations)) + " of " + (systemic ? "every user" : "chosen users");
            String read = partial ? "learn what the app derives from " : "read ";
            if (was != null && was.isEmpty()) {
                return party + through + " could also read " + whose + ", " + when + ", "
                        + ways(routes.stream().map(PlainWords::how).distinct().toList());
            }
            return party + through + " could " + read + whose + ", " + when
                    + (unseen ? ", unnoticed" : inHand ? ", which its owner would know of"
                    : ", though members or outsiders who check could notice")
                    + (was == null ? "" : " (today " + was + ")");
        }
    }

    /** How a reader's access would widen, in words, from the diff's "visible → unseen" and the like. */
    private static String wider(List<String> how) {
        for (String h : how) {
            if (h.equals("visible → unseen")) return "its reading would no longer be noticed";
            if (h.equals("targeted → every user")) return "for every user; today only for chosen users";
            if (h.equals("derived data → the content itself")) return "the content itself; today only what is derived from it";
        }
        for (String h : how) if (h.contains(" → ")) return "under a weaker condition; today " + h.replace(" → ", ", with it ");
        return "in more ways than today";
    }

    /** What a proposal adds, in words: "2 critical findings, in place of 2 high ones". */
    private String adds(Assessment a) {
        Map<Severity, Integer> added = new java.util.TreeMap<>();
        for (Reviewed r : a.introduced()) {
            if (r.finding().severity().ordinal() <= Severity.MEDIUM.ordinal()) added.merge(r.finding().severity(), 1, Integer::sum);
        }
        if (added.isEmpty()) return "no new finding at medium or above";
        List<String> parts = new ArrayList<>();
        // A number kept with its word: a narrow table cell would otherwise leave it alone on a line.
        added.forEach((sev, n) -> parts.add(n + "\u00a0" + sev.yamlName()));
        int total = added.values().stream().mapToInt(Integer::intValue).sum();
        String out = and(parts) + (total == 1 ? " finding" : " findings");
        Map<Severity, Integer> replaced = new java.util.TreeMap<>();
        Map<String, Severity> severities = new java.util.HashMap<>();
        if (!a.superseded().isEmpty()) for (Reviewed r : review.weakenings()) severities.put(r.finding().id(), r.finding().severity());
        for (String old : a.superseded().keySet()) {
            Severity sev = severities.get(old);
            if (sev != null) replaced.merge(sev, 1, Integer::sum);
        }
        if (replaced.isEmpty()) return out;
        List<String> was = new ArrayList<>();
        replaced.forEach((sev, n) -> was.add(n + "\u00a0" + sev.yamlName()));
        return out + ", in place of " + and(was) + " the design has now";
    }

    /** The counted findings at medium or above: "2 critical, 3 high". */
    static String counts(Review r) {
        List<String> parts = new ArrayList<>();
        r.counts().forEach((sev, n) -> {
            if (n > 0 && sev.ordinal() <= Severity.MEDIUM.ordinal()) parts.add(n + " " + sev.yamlName());
        });
        return parts.isEmpty() ? "none at medium or above" : String.join(", ", parts);
    }

    /** When a reading applies; "it" is the flow that makes it conditional, by its purpose where the model gives one. */
    private String when(Access a, Reading r) {
        return when(a, r, " (and then also the messages of the people those users talk to, who did not choose it)");
    }

    /** @param othersToo how to say that one member's choice takes the other members' content with it */
    private String when(Access a, Reading r, String othersToo) {
        boolean others = r.condition() == Occurs.OPT_IN && review.analysis().conditionWords(r)
                .equals(Occurs.OPT_IN.wordsForConversation());
        String it = null;
        if (r.condition() == Occurs.OPT_IN || r.condition() == Occurs.BY_DEFAULT) {
            // The chain of this reading, else of another reading of the same access under the same condition
            // (holding a backup's key does not pass through the backup's flow).
            it = purpose(r);
            for (Reading other : a.readings()) if (it == null && other.condition() == r.condition()) it = purpose(other);
        }
        return when(r.condition(), others ? othersToo : "", it);
    }

    private String purpose(Reading r) {
        for (org.e2eereview.analysis.Step step : r.evidence().steps()) {
            org.e2eereview.model.Flow f = step.element() == null ? null : model.flows().get(step.element());
            if (f != null && f.occurs() == r.condition() && f.purpose() != null) return Views.t(f.purpose());
        }
        return null;
    }

    /** @param it what users turn on or off, or null when the model does not say */
    private static String when(Occurs condition, String othersToo, String it) {
        String optIn = it == null ? "for users who opt in" : "for users who turn on " + it;
        return switch (condition) {
            case ALWAYS -> "at any time";
            case BY_DEFAULT -> it == null ? "unless users opt out" : "unless users turn off " + it;
            case OPT_IN -> optIn + othersToo;
            case ON_ORGANISATION_DECISION -> "when the organisation that provides the service to its members decides";
            case ON_LEGAL_ORDER -> "on a legal order";
            case WITH_DEVICE -> "with a user's device in hand";
            case ON_FALLBACK -> "when end-to-end encryption cannot be used";
        };
    }

    /** What a party could do, completing "X could read Y by ...". */
    static String how(Route route) {
        return switch (route) {
            case RUNS_COMPONENT -> "running a service where it is readable";
            case HOLDS_KEY -> "holding a key that decrypts it";
            case RECOVERS_KEY -> "guessing a user's password or PIN to recover a key to it";
            case ADDS_MEMBER -> "adding a member to the conversation";
            case ADDS_DEVICE -> "adding a device to a member's account";
            case SUBSTITUTES_KEYS -> "handing members keys of its own in place of each other's";
            case TARGETED_UPDATE -> "shipping a modified app to chosen users";
            case FEATURE_RESULT -> "receiving it from a feature of the app, without a member choosing to send it";
            case LEARNS_DERIVED -> "receiving what the app derives from it";
            case MEMBER_DISCLOSURE -> "receiving what a member chooses to report";
            case ENCLAVE_IMAGE -> "running a new program in the secure enclave that would read what enters it";
            case HARDWARE_ROOT -> "forging or breaking the hardware the secure enclave relies on";
        };
    }

    private String safeguard(Safeguarded s) {
        SafeguardEntry e = review.catalog().safeguards().get(s.name());
        return e == null ? s.name() : e.inWords() != null ? e.inWords() : lower(e.title());
    }

    String party(String id) {
        Party p = model.parties().get(id);
        return Views.t(p != null && p.name() != null ? p.name() : id);
    }

    String conversation(String id) {
        Conversation c = model.conversations().get(id);
        return Views.t(c != null && c.name() != null ? c.name() : id);
    }

    /** The conversations a finding lets someone read, by name; else the element it is about. */
    private List<String> where(Finding f) {
        List<String> out = f.reads().stream().map(r -> conversation(r.conversation())).distinct().toList();
        return out.isEmpty() ? List.of(element(f.element())) : out;
    }

    /** An element by the name the model gives it, else its id. */
    String element(String id) {
        if (model.conversations().containsKey(id)) return conversation(id);
        if (model.parties().containsKey(id)) return party(id);
        Component c = model.components().get(id);
        return Views.t(c != null && c.name() != null ? c.name() : id);
    }

    private static String lower(String title) {
        return title.length() > 1 && Character.isUpperCase(title.charAt(0)) && Character.isLowerCase(title.charAt(1))
                ? Character.toLowerCase(title.charAt(0)) + title.substring(1) : title;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static void sentence(StringBuilder s, String next) {
        if (s.length() > 0) s.append(' ');
        s.append(next);
    }

    /** "by X", or "by X or by Y": each is a way on its own, not a step of one. */
    private static String ways(List<String> hows) {
        return and(hows.stream().map(h -> "by " + h).toList(), "or");
    }

    static String and(List<String> items) {
        return and(items, "and");
    }

    static String and(List<String> items, String word) {
        if (items.isEmpty()) return "";
        if (items.size() == 1) return items.get(0);
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + word + " " + items.get(items.size() - 1);
    }

    private static final class Group {
        final String party;
        final String when;
        final Occurs condition;
        final boolean detectable;
        final boolean partial;
        final List<String> through;
        boolean inHand;
        final Set<String> conversations = new LinkedHashSet<>();
        final Set<Route> routes = new LinkedHashSet<>();
        final Set<String> visibleBy = new LinkedHashSet<>();

        Group(String party, String when, Occurs condition, boolean detectable, boolean partial, List<String> through) {
            this.party = party;
            this.when = when;
            this.condition = condition;
            this.detectable = detectable;
            this.partial = partial;
            this.through = through;
        }
    }
}
