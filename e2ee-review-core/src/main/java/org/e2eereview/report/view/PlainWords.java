package org.e2eereview.report.view;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
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
import org.e2eereview.diff.ReviewDiff;
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
    /**
     * Names as sentences say them, and each proposal's gains, worked out once: a large design's annex
     * names thousands of parties and conversations, and a proposal's row, risk and flags all ask for
     * its gains.
     */
    private final Map<String, String> inSentence = new java.util.HashMap<>();
    private final Map<Assessment, Map<String, Gain>> gains = new java.util.IdentityHashMap<>();

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
        String system = ReportViewBuilder.t(model.system().name());
        List<String> out = new ArrayList<>();
        StringBuilder s = new StringBuilder();
        if (!byDefault.isEmpty()) s.append(system).append(" encrypts ").append(and(byDefault)).append(" end to end by default.");
        // Encrypted end to end, and yet read by the provider by default by another way (previews sent to its servers): said
        // here, where a reader set "encrypts ... end to end by default" against Annex A's "not end-to-end encrypted".
        java.util.Set<String> read = new java.util.HashSet<>();
        for (Reviewed r : review.weakenings()) {
            if ("PROVIDER-PLAINTEXT".equals(r.finding().catalog())) read.add(r.finding().element());
        }
        List<String> readAnyway = new ArrayList<>();
        for (Conversation c : model.conversations().values()) {
            if (read.contains(c.id()) && !contradicted.contains(c.id()) && byDefault.contains(conversation(c.id()))) {
                readAnyway.add(conversation(c.id()));
            }
        }
        if (!readAnyway.isEmpty()) {
            sentence(s, "Even so, the provider can read what is sent in " + and(readAnyway) + " by default, outside "
                    + (readAnyway.size() == 1 ? "that conversation's" : "their") + " encryption (below).");
        }
        if (!available.isEmpty()) {
            sentence(s, capital(and(available)) + " can be end-to-end encrypted, but " + (available.size() == 1 ? "is" : "are")
                    + " not by default.");
        }
        if (!not.isEmpty()) sentence(s, capital(and(not)) + " " + (not.size() == 1 ? "is" : "are") + " not end-to-end encrypted.");
        if (!review.contradicted().isEmpty()) {
            sentence(s, "The design says " + and(review.contradicted().stream().map(this::conversation).toList())
                    + " " + (review.contradicted().size() == 1 ? "is" : "are") + " end-to-end encrypted by default, but "
                    + "the provider holds a key that reads " + (review.contradicted().size() == 1 ? "it" : "them") + ".");
        }
        out.add(s.toString());
        Set<String> prevent = new LinkedHashSet<>();
        Set<String> show = new LinkedHashSet<>();
        Map<String, Set<String>> on = new LinkedHashMap<>();
        for (Safeguarded g : review.safeguards()) on.computeIfAbsent(g.name(), k -> new LinkedHashSet<>()).add(g.element());
        // Said once per safeguard: a large design declares one on each of thousands of conversations.
        Map<String, String> said = new java.util.HashMap<>();
        for (Safeguarded g : review.safeguards()) {
            (g.prevents() ? prevent : show).add(said.computeIfAbsent(g.name(), n -> safeguard(g) + onlyFor(on.get(n))));
        }
        show.removeAll(prevent);
        if (!prevent.isEmpty() || !show.isEmpty()) {
            StringBuilder g = new StringBuilder("The design declares safeguards that");
            if (!prevent.isEmpty()) g.append(" stop some outside access (").append(list(List.copyOf(prevent), "and")).append(')');
            if (!prevent.isEmpty() && !show.isEmpty()) g.append(" and that");
            if (!show.isEmpty()) g.append(" would let members or outsiders notice some (").append(list(List.copyOf(show), "and")).append(')');
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
     * unnoticed first. Those nobody would notice go into {@code silent}, under a heading that says so
     * once; those members or outsiders could notice, or that need a device out of its owner's hands, into
     * {@code known}, each saying which. What a condition brings with it (the other members' messages
     * going with one member's backup) is said once, where it first applies; a reader that could read the
     * same in the same way under another condition "could do the same".
     */
    void readers(List<String> silent, List<String> known) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Conversation c : model.conversations().values()) {
            for (Access a : review.analysis().access(c.id())) {
                List<String> every = a.partial() ? List.of() : everyItem(c);
                List<String> read = a.partial() ? List.of() : itemsRead(c, a.party());
                boolean some = !read.isEmpty() && read.size() < every.size();
                for (Reading r : a.readings()) {
                    // As in the table: "could also read the group in ways that could be noticed" of a party that
                    // reads it at any time unnoticed left a reader asking why it would need the second way.
                    if (outdone(r, a.readings())) continue;
                    String when = when(r);
                    String key = a.party() + "|" + when + "|" + r.detectable() + "|" + unnoticed(r) + "|" + a.partial()
                            + "|" + r.through();
                    Group g = groups.computeIfAbsent(key, k -> new Group(a.party(), when, r.condition(), r.detectable(),
                            a.partial(), r.through()));
                    g.items.addAll(some ? read : every);
                    g.some |= some;
                    g.inHand = !r.detectable() && !unnoticed(r);
                    g.othersToo |= othersToo(r);
                    g.othersLeftOn |= othersLeftOn(r);
                    g.conversations.add(conversation(c.id()));
                    g.routes.add(r.route());
                    g.apps.addAll(shipped(a, r));
                    for (Safeguarded s : r.lowering()) g.visibleBy.add(safeguard(s));
                }
            }
        }
        // Parties that could read the same conversations in the same way share a sentence.
        Map<String, List<Group>> alike = new LinkedHashMap<>();
        for (Group g : groups.values()) {
            alike.computeIfAbsent(g.conversations + "|" + g.routes + "|" + g.apps + "|" + g.when + "|" + g.detectable + "|" + g.partial
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
        boolean othersSaid = false;
        boolean leftOnSaid = false;
        boolean inHandSaid = false;
        Group previous = null;
        for (List<Group> same : ordered) {
            Group g = same.get(0);
            boolean also = same.stream().anyMatch(x -> x.conversations.stream().anyMatch(c -> silently.contains(x.party + "|" + c)));
            String who = capital(and(same.stream().map(x -> party(x.party)).toList()));
            String verb = g.partial ? "learn about " : "read ";
            String ways = ways(g.routes.stream().map(r -> how(r, g.apps, g.through.size())).distinct().toList());
            String through = g.through.isEmpty() ? "" : ", through " + and(g.through.stream().map(this::party).toList());
            StringBuilder s = new StringBuilder(who);
            if (g.detectable) {
                // The limit first: every route of this reading could be noticed, so it is never "at any time" alone.
                s.append(" could ").append(also ? "also " : "").append(verb).append(g.only()).append(and(List.copyOf(g.conversations)))
                        .append(also ? " in ways that could be noticed" : " only in ways that could be noticed");
                if (g.condition != Occurs.ALWAYS) s.append(", ").append(g.when);
                s.append(through).append(": ").append(ways).append('.');
                if (g.partial) s.append(" What it learns is computed from the content (a match, a fingerprint), not the content itself.");
            } else if (previous != null && !previous.detectable && previous.inHand == g.inHand
                    && previous.partial == g.partial && previous.conversations.equals(g.conversations)
                    && previous.routes.equals(g.routes) && previous.apps.equals(g.apps) && previous.through.equals(g.through)
                    && previous.othersToo == g.othersToo) {
                // The same reading under another condition: only the condition is new.
                s.append(" could do the same ").append(g.when).append(through).append('.');
            } else {
                s.append(" could ").append(verb).append(g.only()).append(and(List.copyOf(g.conversations))).append(' ').append(g.when)
                        .append(through).append(", ").append(ways).append('.');
                if (g.partial) s.append(" What it learns is computed from the content (a match, a fingerprint), not the content itself.");
                if (g.othersToo && !othersSaid) {
                    s.append(" What those users turn on takes in the messages of the people they talk to as well, who did not choose it.");
                } else if (g.othersToo) {
                    s.append(" Again, the messages of the people they talk to go with theirs.");
                }
                // Previews or a backup on by default: a user who turns theirs off still has what they send read through
                // those who leave theirs on (a newcomer read "unless users opt out" as each user's own protection).
                if (g.othersLeftOn && !leftOnSaid) {
                    s.append(" A user who turns it off still has what they send read through the people they talk to who leave it on.");
                } else if (g.othersLeftOn) {
                    s.append(" Again, turning it off does not keep what a user sends from those who leave it on.");
                }
                leftOnSaid |= g.othersLeftOn;
                if (g.inHand && !inHandSaid) s.append(" It needs the device out of its owner's hands, which the owner would know of.");
                inHandSaid |= g.inHand;
            }
            othersSaid |= g.othersToo;
            previous = g;
            (g.detectable || g.inHand ? known : silent).add(s.toString());
        }
    }

    /**
     * What it means that a reading could be noticed, and that it is still a risk; null when no outside
     * reader of content could be noticed. A hostile reader would otherwise quote "could read" as proof
     * that the access lawful-access proposals seek exists already.
     */
    String noticed() {
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
                        // Which app's or server's record: a reader told of "the public record" takes it for every app's.
                        case TARGETED_UPDATE -> r.lowering().forEach(g -> outsiders.add("the published builds of " + element(g.element())));
                        case ENCLAVE_IMAGE -> r.lowering().forEach(g -> outsiders.add("the published programs of " + element(g.element())));
                        default -> { }
                    }
                }
            }
        }
        if (members.isEmpty() && outsiders.isEmpty()) return null;
        StringBuilder s = new StringBuilder("A reading that could be noticed is not silent: ");
        if (!members.isEmpty()) s.append("members could see ").append(and(List.copyOf(members), "or"));
        if (!members.isEmpty() && !outsiders.isEmpty()) s.append(", and ");
        if (!outsiders.isEmpty()) {
            s.append("outsiders who check ").append(and(List.copyOf(outsiders), "or"))
                    .append(" would find one missing");
        }
        return s.append(". It remains a risk: nothing prevents it, and it comes to light only if "
                + "someone checks.").toString();
    }

    /**
     * The content items of a conversation a party reads itself: where not all of them, the sentence names them
     * (the links and link previews, for a provider whose server fetches the previews and sees nothing else:
     * "Natter could read the chat" was read as every message of it).
     */
    private List<String> itemsRead(Conversation c, String party) {
        List<String> read = new ArrayList<>();
        for (String d : c.content()) {
            org.e2eereview.model.Data data = model.data().get(d);
            if (data == null || data.kind().metadata()) continue;
            for (Reading r : review.analysis().readers(d).getOrDefault(party, List.of())) {
                if (r.route() == Route.LEARNS_DERIVED || r.route().disclosure()) continue;
                if (r.conversation() != null && !r.conversation().equals(c.id())) continue;
                read.add(item(d));
                break;
            }
        }
        return read;
    }

    private List<String> everyItem(Conversation c) {
        List<String> out = new ArrayList<>();
        for (String d : c.content()) {
            org.e2eereview.model.Data data = model.data().get(d);
            if (data != null && !data.kind().metadata()) out.add(item(d));
        }
        return out;
    }

    /** A content item in a sentence: data items have ids, not names, and "link-previews" reads as "link previews". */
    private static String item(String id) {
        return ReportViewBuilder.t(id.replace('-', ' '));
    }

    /** One reader of one conversation: "at any time, by adding a member to the conversation; on a legal order, ...". */
    String reading(Access a) {
        Map<String, Set<String>> byWhen = new LinkedHashMap<>();
        for (Reading r : a.readings()) {
            String when = when(r) + (othersToo(r) ? OTHERS_TOO : "");
            if (!r.through().isEmpty()) when += ", through " + and(r.through().stream().map(this::party).toList());
            byWhen.computeIfAbsent(when, k -> new LinkedHashSet<>()).add(how(r.route(), shipped(a, r), r.through().size()));
        }
        List<String> parts = new ArrayList<>();
        byWhen.forEach((when, how) -> parts.add(when + ", " + ways(List.copyOf(how))));
        return String.join("; ", parts) + (a.partial() ? " (a match or a fingerprint, not the content itself)" : "");
    }

    /**
     * When one reader could read one conversation, and whether anyone would notice, without how, for the
     * table the summary explains: in the figure's words ("for users who opt in (nobody would notice)",
     * "only in ways that could be noticed"), since the summary has said what each condition means.
     */
    String when(Access a) {
        Set<String> whens = new LinkedHashSet<>();
        for (Reading r : a.readings()) {
            if (outdone(r, a.readings())) continue;
            String when = plainCondition(r);
            if (r.detectable()) {
                when = (r.condition() == Occurs.ALWAYS ? "" : when + ", ") + "only in ways that could be noticed";
            }
            if (!r.through().isEmpty()) when += ", through " + and(r.through().stream().map(this::party).toList());
            if (!r.detectable()) when += unnoticed(r) ? " (nobody would notice)" : " (its owner would know)";
            whens.add(when);
        }
        return String.join("; ", whens) + (a.partial() ? " (only a match or a fingerprint, not the content)" : "");
    }

    /**
     * Whether another reading by the same parties is at least as ready and at least as unnoticed: "at any time
     * (nobody would notice); only in ways that could be noticed" read as a contradiction, where the second way
     * adds nothing to what the first already allows.
     */
    private static boolean outdone(Reading r, List<Reading> all) {
        for (Reading o : all) {
            if (o == r || !o.through().equals(r.through())) continue;
            boolean asReady = o.condition().ordinal() <= r.condition().ordinal();
            boolean asUnseen = noticing(o) <= noticing(r);
            boolean better = o.condition().ordinal() < r.condition().ordinal() || noticing(o) < noticing(r);
            if (asReady && asUnseen && better) return true;
        }
        return false;
    }

    /** 0 nobody would notice, 1 only the owner of a device in hand would know, 2 members or outsiders could notice. */
    private static int noticing(Reading r) {
        return r.detectable() ? 2 : unnoticed(r) ? 0 : 1;
    }

    /** All of it, for the first page. */
    ReportView.PlainView view(List<ReportViewBuilder.Patched> assessments, List<ReportView.ProposalRow> rows,
                              List<String> alternativesInDesign, List<String> alternativesNotInDesign,
                              java.time.LocalDate today, int listed, List<ReportView.FeatureView> features) {
        List<String> because = new ArrayList<>();
        List<String> also = new ArrayList<>();
        String verdict = verdict(because, also, assessments != null && !assessments.isEmpty());
        List<String> silent = new ArrayList<>();
        List<String> known = new ArrayList<>();
        readers(silent, known);
        return new ReportView.PlainView(protects(), silent, known, noticed(), verdict, because, also,
                assessments == null ? null : proposals(assessments), rows, alternativesInDesign, alternativesNotInDesign,
                today == null ? null : today.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                        java.util.Locale.ENGLISH)), asks(rows, alternativesNotInDesign), notAsked(rows), listed, features,
                List.of());
    }

    /**
     * What the organisation asks, a sentence each with its reason: not to require the proposals that would
     * add access nobody would notice, and to look instead to what serves their aims without weakening.
     */
    private static List<String> asks(List<ReportView.ProposalRow> rows, List<String> alternativesNotInDesign) {
        List<String> out = new ArrayList<>();
        List<ReportView.ProposalRow> asked = rows == null ? List.of() : rows.stream().filter(ReportView.ProposalRow::asked).toList();
        if (!asked.isEmpty()) {
            // One that would go unnoticed only in some conversations says which, as the table does: "without anyone
            // noticing" alone read as contradicting the table's "members, or outsiders who check" for the others.
            List<String> onlyIn = asked.stream().filter(r -> !r.unseenOnlyIn().isEmpty())
                    .map(r -> named(r) + " only in " + and(r.unseenOnlyIn())).toList();
            out.add("We ask that no law or order require " + list(asked.stream().map(PlainWords::named).toList(), "or")
                    + ", because " + (asked.size() == 1 ? "it" : "each") + " would let someone outside a conversation "
                    + "read it or learn about it without anyone noticing"
                    + (onlyIn.isEmpty() ? "" : " (" + list(onlyIn, "and") + ")") + ".");
        }
        List<ReportView.ProposalRow> noticed = rows == null ? List.of() : rows.stream()
                .filter(r -> r.applied() && !r.asked() && r.notAsked() == null && r.weakens() == null).toList();
        // One whose every use needs a device in hand is not "a way others could use unnoticed": they would need
        // the device too. What it adds is that whoever obtains its means could read any device they hold.
        List<ReportView.ProposalRow> inHand = noticed.stream().filter(ReportView.ProposalRow::inHand).toList();
        List<ReportView.ProposalRow> seen = noticed.stream().filter(r -> !inHand.contains(r)).toList();
        if (!seen.isEmpty()) {
            boolean one = seen.size() == 1;
            out.add("We ask too that no law or order require " + list(seen.stream().map(PlainWords::named).toList(), "or")
                    + ", because " + (one ? "it" : "each") + " would add a way into every user's messages that others could "
                    + "take and use unnoticed, even though " + (one ? "its" : "each one's") + " own use could be noticed.");
        }
        for (ReportView.ProposalRow r : inHand) {
            String who = r.misuse() == null || r.misuse().isEmpty() ? "whoever obtains what it adds" : lower(r.misuse());
            out.add("We ask too that no law or order require " + named(r) + ", because " + who + " could then read the "
                    + "messages on any user's device they get hold of, not only on one lawfully seized, even though each "
                    + "use needs the device in hand.");
        }
        List<ReportView.ProposalRow> weakening = rows == null ? List.of() : rows.stream()
                .filter(r -> r.applied() && !r.asked() && r.weakens() != null).toList();
        if (!weakening.isEmpty()) {
            boolean one = weakening.size() == 1;
            List<String> severities = weakening.stream().map(ReportView.ProposalRow::weakens).distinct().sorted().toList();
            String gravest = severities.size() == 1 ? severities.get(0) : "high or critical";
            boolean everyUser = weakening.stream().allMatch(r -> "systemic".equals(r.reach()));
            out.add("We ask too that no law or order require " + list(weakening.stream().map(PlainWords::named).toList(), "or")
                    + ", because " + (one ? "it" : "each") + " would add a " + gravest + " weakness of its own"
                    + (everyUser ? " for every user" : "") + "; those it would let read can already read, but only through this "
                    + "design's own weaknesses, which a change of design could remove.");
        }
        if (alternativesNotInDesign != null && !alternativesNotInDesign.isEmpty()) {
            boolean one = alternativesNotInDesign.size() == 1;
            out.add("We ask instead for " + list(alternativesNotInDesign, "and") + ", because " + (one ? "it serves" : "they serve")
                    + " the aims these proposals claim without weakening encryption, and this design does not have "
                    + (one ? "it" : "them") + " yet.");
        }
        return out;
    }

    /** Why the proposals the first ask leaves out are left out, in one sentence; null when it leaves none out. */
    private static String notAsked(List<ReportView.ProposalRow> rows) {
        if (rows == null) return null;
        // Proposals left out for the same reason share it, said once.
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (ReportView.ProposalRow r : rows) {
            if (!r.asked() && r.notAsked() != null) byReason.computeIfAbsent(r.notAsked(), k -> new ArrayList<>()).add(named(r));
        }
        if (byReason.isEmpty()) return null;
        boolean asking = rows.stream().anyMatch(ReportView.ProposalRow::asked);
        List<String> sentences = new ArrayList<>();
        byReason.forEach((why, named) -> sentences.add((sentences.isEmpty()
                ? asking ? "The first request leaves out " : "We do not ask to exclude "
                : asking ? "It also leaves out " : "Nor do we ask to exclude ") + list(named, "and") + ", " + why + "."));
        return String.join(" ", sentences) + " Annex B sets out each.";
    }

    /** A proposal by its title as it reads inside a sentence, without its year. */
    private static String named(ReportView.ProposalRow r) {
        return lower(r.title().replaceFirst(" \\(\\d{4}\\)$", ""));
    }

    /**
     * Why the verdict is what it is, by finding title: the counted findings at high or above (each
     * into {@code because}), then the rest and the accepted ones in a line each (into {@code also}).
     */
    private String verdict(List<String> because, List<String> also, boolean proposals) {
        Map<String, List<Finding>> serious = serious();
        Map<String, Integer> minor = new LinkedHashMap<>();
        Map<String, Set<Severity>> severities = new LinkedHashMap<>();
        int accepted = 0;
        for (Reviewed r : review.weakenings()) {
            Finding f = r.finding();
            if (!r.counts()) {
                accepted++;
            } else if (!f.severity().atLeast(Severity.HIGH)) {
                minor.merge(ReportViewBuilder.t(f.title()), 1, Integer::sum);
                severities.computeIfAbsent(ReportViewBuilder.t(f.title()), k -> new java.util.TreeSet<>()).add(f.severity());
            }
        }
        for (List<Finding> same : serious.values()) {
            Finding f = same.get(0);
            Weakening w = review.catalog().weakenings().get(f.catalog());
            // Where, not how many: "2 findings" means nothing to a reader who does not know what one is.
            // Who, by name: the catalog's summary says who usually can ("the provider or a cloud vendor"), and was
            // taken for this design's readers.
            List<String> who = same.stream().flatMap(x -> x.readers().stream()).distinct().map(this::party).toList();
            because.add(ReportViewBuilder.t(f.title()) + " (" + f.severity().yamlName() + "), in "
                    + and(same.stream().flatMap(x -> where(x).stream()).distinct().toList())
                    + (who.isEmpty() ? "" : ", which " + and(who) + " could read")
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
        // After the proposals, the design as it is: what they would add to.
        String finds = proposals ? "As it is, without any of these proposals, the review finds" : "The review finds";
        if (!review.notEndToEndByDefault().isEmpty()) {
            return finds + " that " + and(review.notEndToEndByDefault().stream().map(this::conversation).toList())
                    + (review.notEndToEndByDefault().size() == 1 ? " is" : " are") + " not end-to-end encrypted by "
                    + "default." + (serious.isEmpty() ? "" : serious.size() == 1 ? " The review also finds this weakness:"
                    : " The review also finds these weaknesses:");
        }
        if (serious.isEmpty()) return finds + " no weakening of end-to-end encryption at high severity or above.";
        // Annex A has a weakness once per place it is found; where there are more places than weaknesses, it is
        // sent there. A count of places beside conversations named in each item read as a count that did not add up.
        int places = serious.values().stream().mapToInt(List::size).sum();
        String through = serious.size() == 1 ? "It does so through this weakness"
                : "It does so through these " + number(serious.size()) + " weaknesses";
        String counted = places == serious.size() ? ":" : " (Annex A sets out where the design has each):";
        return finds + " that the design " + (proposals ? "already " : "") + "weakens end-to-end encryption. "
                + through + counted;
    }

    /**
     * What the proposals would add, leading the summary: "Every one of them would let someone outside a
     * conversation read it ... All but one would reach every user; a targeted client update ... would be
     * used against chosen users." The exceptions are named rather than counted, so that no count is read
     * against another.
     */
    private String proposals(List<ReportViewBuilder.Patched> assessments) {
        int applied = 0;
        List<ReportView.ProposalRow> adding = new ArrayList<>();
        List<ReportView.ProposalRow> chosen = new ArrayList<>();
        List<ReportView.ProposalRow> seen = new ArrayList<>();
        List<ReportView.ProposalRow> partly = new ArrayList<>();
        for (ReportViewBuilder.Patched a : assessments) {
            if (!a.row().applied()) continue;
            applied++;
            if (!a.addsReaders()) continue;
            adding.add(a.row());
            if (!a.everyUser()) chosen.add(a.row());
            if (!a.unseen()) seen.add(a.row());
            if (a.unseen() && !a.row().unseenOnlyIn().isEmpty()) partly.add(a.row());
        }
        StringBuilder s = new StringBuilder("We took ").append(count(assessments.size(), "lawful-access proposal"))
                // Who proposed each, governments, officials or researchers, is in Annex B: page 1 needs the lines.
                .append(" from the public debate and applied each to the model of this design");
        if (applied < assessments.size()) s.append("; ").append(applied).append(" of them fit it");
        s.append(". ");
        String already = already();
        if (adding.isEmpty()) {
            return s.append("None would add outside access the design does not already allow.").append(already).toString();
        }
        int n = adding.size();
        // Where some do not fit, "every one of them" was read as every proposal taken, not every one that fits.
        String them = applied < assessments.size() ? " of the " + number(applied) + " that fit the design" : " of them";
        s.append(n == applied ? (applied == 1 ? "It" : "Every one" + them) : capital(number(n)) + them)
                .append(" would let someone outside a conversation read it or learn about it");
        if (seen.isEmpty()) s.append(" without anyone noticing");
        if (chosen.isEmpty()) s.append(", for every user");
        s.append('.');
        String ofThese = n < applied ? " of these" : "";
        if (!chosen.isEmpty() && chosen.size() < n) {
            s.append(' ').append(oneByName(adding, chosen, n, ofThese)).append(" would reach every user; ")
                    .append(list(chosen.stream().map(PlainWords::named).toList(), "and"))
                    .append(" would be used against chosen users.");
        } else if (!chosen.isEmpty()) {
            s.append(n == 1 ? " It" : " Each").append(" would be used against chosen users.");
        }
        if (!seen.isEmpty() && seen.size() < n) {
            // Why each could be noticed is said in its item below and in what the organisation asks.
            // The table says where one noticed in some conversations would go unnoticed in others.
            s.append(' ').append(oneByName(adding, seen, n, ofThese)).append(" would go unnoticed");
            if (!partly.isEmpty()) {
                s.append(" (").append(list(partly.stream().map(PlainWords::named).toList(), "and"))
                        .append(" only in some conversations, which the table names)");
            }
            s.append("; the exception")
                    .append(seen.size() == 1 ? " is " : "s are ")
                    .append(list(seen.stream().map(PlainWords::named).toList(), "and")).append('.');
        } else if (!seen.isEmpty()) {
            s.append(" Members or outsiders could notice the access ").append(n == 1 ? "it adds" : "each adds")
                    .append(", or it needs a user's device in hand.");
        }
        return s.append(already).toString();
    }

    /**
     * Who could read without any proposal, by name, after what the proposals would add: " Without any of them,
     * Apple could already read every conversation without anyone noticing ...". A reader who stopped at page 1
     * learnt what the proposals would add but not that the design already lets outsiders read; the design as it is
     * comes on a later page. Empty when nobody outside could read.
     */
    private String already() {
        // Per party: whether anyone would notice, and whether it needs a condition ("Apple could read without anyone
        // noticing" alone would overstate a reading only of the backups of users who opt in). A party read unseen
        // somewhere is said so, at any time if it reads unseen at any time anywhere.
        Map<String, boolean[]> byParty = new LinkedHashMap<>(); // unseen, content
        // Its readiest condition, of its unseen readings where it has one: a reader asked what "under some conditions"
        // were, where the police read on a legal order.
        Map<String, Occurs> readiest = new java.util.HashMap<>();
        for (Conversation c : model.conversations().values()) {
            for (Access a : review.analysis().access(c.id())) {
                boolean[] p = byParty.computeIfAbsent(a.party(), x -> new boolean[2]);
                for (Reading r : a.readings()) p[0] |= unnoticed(r);
                p[1] |= !a.partial();
            }
        }
        for (Conversation c : model.conversations().values()) {
            for (Access a : review.analysis().access(c.id())) {
                boolean unseen = byParty.get(a.party())[0];
                for (Reading r : a.readings()) {
                    if (unseen && !unnoticed(r)) continue;
                    readiest.merge(a.party(), r.condition(), (x, y) -> x.ordinal() <= y.ordinal() ? x : y);
                }
            }
        }
        Map<String, List<String>> groups = new java.util.TreeMap<>();
        boolean learns = false;
        for (Map.Entry<String, boolean[]> e : byParty.entrySet()) {
            boolean[] p = e.getValue();
            Occurs when = readiest.get(e.getKey());
            groups.computeIfAbsent((p[0] ? "0" : "1") + (char) ('a' + when.ordinal()), k -> new ArrayList<>())
                    .add(party(e.getKey()) + (p[1] ? "" : " (what is computed from the content, not the content)"));
            learns |= !p[1];
        }
        List<String> parts = new ArrayList<>();
        groups.forEach((key, readers) -> {
            Occurs when = Occurs.values()[key.charAt(1) - 'a'];
            parts.add(and(readers) + (when == Occurs.ALWAYS ? "" : ", " + when.plainWords())
                    + (key.charAt(0) == '0' ? ", without anyone noticing" : ", in ways someone could know of"));
        });
        // The design's own weaknesses first: a reader found page 1 silent on them, and the box that names them pages on.
        String weakens = switch (review.verdict()) {
            case WEAKENED -> "already weakens end-to-end encryption (" + seriousKinds() + ")";
            case NOT_END_TO_END_BY_DEFAULT -> "already leaves " + and(review.notEndToEndByDefault().stream()
                    .map(this::conversation).toList()) + " without end-to-end encryption by default";
            case NOT_WEAKENED -> null;
        };
        // What could not be checked is said where the verdict is first given: a reader found it only in Annex A.
        int unchecked = review.notAssessed().size();
        String caveat = unchecked == 0 ? "" : " The design as described does not say enough for " + number(unchecked)
                + (unchecked == 1 ? " check" : " checks") + ", which Annex A lists.";
        if (parts.isEmpty()) return weakens == null ? caveat : " Without any of them, the design " + weakens + "." + caveat;
        return " Without any of them, the design " + (weakens == null ? "already lets" : weakens + " and lets")
                + " others read " + (learns ? "or learn about " : "") + "conversations: " + String.join("; ", parts) + "." + caveat;
    }

    /**
     * The counted findings at high or above, by severity and title: the weaknesses the verdict names, in review order.
     * Made once: the summary, page 1's sentence and its count all name the same weaknesses.
     */
    private Map<String, List<Finding>> serious;

    private Map<String, List<Finding>> serious() {
        if (serious != null) return serious;
        serious = new LinkedHashMap<>();
        for (Reviewed r : review.weakenings()) {
            Finding f = r.finding();
            if (r.counts() && f.severity().atLeast(Severity.HIGH)) {
                serious.computeIfAbsent(f.severity().yamlName() + "|" + f.title(), k -> new ArrayList<>()).add(f);
            }
        }
        return serious;
    }

    /**
     * "one high weakness", "two weaknesses, both high", "six weaknesses, one of them critical": the kinds the verdict
     * names, with the gravest. Not a count per severity: Annex A counts each place a weakness is found ("1 critical,
     * 10 high"), and a reader set "five high weaknesses" against it, then "in 9 places" against six kinds in two
     * conversations each.
     */
    private String seriousKinds() {
        Map<Severity, Integer> kinds = new java.util.TreeMap<>();
        int places = 0;
        for (List<Finding> same : serious().values()) {
            kinds.merge(same.get(0).severity(), 1, Integer::sum);
            places += same.size();
        }
        int all = kinds.values().stream().mapToInt(Integer::intValue).sum();
        // Where Annex A counts more findings than there are kinds, how many places: "three weaknesses, one of them
        // critical" was set against Annex A's "2 critical, 3 high".
        String where = places > all ? ", found in " + number(places) + " places" : "";
        if (all == 1) return "one " + kinds.keySet().iterator().next().yamlName() + " weakness" + where;
        Map.Entry<Severity, Integer> worst = kinds.entrySet().iterator().next();
        String of = kinds.size() == 1 ? (all == 2 ? "both " : "all ") + worst.getKey().yamlName()
                : number(worst.getValue()) + " of them " + worst.getKey().yamlName();
        return number(all) + " weaknesses, " + of + where;
    }

    /**
     * Those of {@code adding} not among {@code others}, by name when there is one ("A targeted client update on a
     * legal order would go unnoticed"), else counted: "One of these would reach every user; ..." beside another
     * "one of these" left a reader unable to tell which was which.
     */
    private static String oneByName(List<ReportView.ProposalRow> adding, List<ReportView.ProposalRow> others, int n, String ofThese) {
        List<ReportView.ProposalRow> rest = adding.stream().filter(r -> !others.contains(r)).toList();
        return rest.size() == 1 ? capital(named(rest.get(0))) : allBut(n, others.size()) + ofThese;
    }

    /** "All but one", "All but two", else how many, in words where they are few. */
    private static String allBut(int of, int left) {
        if (of - left == 1) return "One";
        return left == 1 ? "All but one" : left == 2 && of > 3 ? "All but two" : capital(number(of - left));
    }

    /** A count in words up to twelve, as prose writes it; digits past that. */
    static String number(int n) {
        String[] words = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"};
        return n >= 0 && n < words.length ? words[n] : String.valueOf(n);
    }

    /** Who would gain access, to whose messages, for whom, before and after: one row of the first page's table. */
    ReportView.ProposalRow row(Assessment a, String anchor) {
        String title = a.proposal().title() + " (" + a.proposal().year() + ")";
        // Parties the proposal adds are named in the patched model only.
        PlainWords patched = a.applied() ? new PlainWords(a.patched()) : this;
        if (!a.applied()) {
            return new ReportView.ProposalRow(title, anchor, false, "does not apply: " + ReportViewBuilder.t(a.notApplicable()),
                    "", "", counts(review), counts(review), "nothing", "", risk(a), risk(a),
                    false, "which cannot apply to this design", "", "", "", List.of(), false, null);
        }
        // Per party (and whom it goes through), the widest change: reading the content itself, reading
        // more widely than now, or reading only what is computed from the content.
        Map<String, Integer> gains = new LinkedHashMap<>();
        Set<String> whose = new LinkedHashSet<>();
        Set<String> when = new LinkedHashSet<>();
        Map<String, Set<String>> whenOf = new LinkedHashMap<>();
        for (Access r : a.newReaders()) {
            String via = r.through().isEmpty() ? "" : " through " + and(r.through().stream().map(patched::party).toList());
            gains.merge(patched.party(r.party()) + via, r.partial() ? 2 : 0, Math::min);
            whose.add(patched.conversation(r.conversation()));
            for (Reading x : r.readings()) {
                when.add(plainCondition(x));
                whenOf.computeIfAbsent(patched.party(r.party()) + via, k -> new LinkedHashSet<>()).add(plainCondition(x));
            }
        }
        Map<String, String> wider = new LinkedHashMap<>();
        for (org.e2eereview.diff.ReviewDiff.Widening w : a.widened()) {
            gains.merge(patched.party(w.after().party()), 1, Math::min);
            List<Reading> added = added(w);
            // Wider only by what the app reports: said so, as of a new reader that learns only that.
            wider.putIfAbsent(patched.party(w.after().party()), (!added.isEmpty() && onlyReports(added)
                    ? "what the app reports about them; " : "") + wider(w.how(), true));
            whose.add(patched.conversation(w.after().conversation()));
            // When the reading it gains applies ("unless users opt out"), not when its old ones did.
            for (Reading x : added) {
                when.add(plainCondition(x));
                whenOf.computeIfAbsent(patched.party(w.after().party()), k -> new LinkedHashSet<>()).add(plainCondition(x));
            }
        }
        // Said once for all when every party gains under the same conditions; else each party's beside it, so
        // that "on a legal order or at any time" does not read as the police's at any time, nor a legal order
        // as the condition of a provider whose reading would only go unnoticed.
        boolean each = !whenOf.isEmpty() && (whenOf.values().stream().map(PlainWords::widest).distinct().count() > 1
                || whenOf.size() < gains.size());
        List<String> gained = new ArrayList<>();
        gains.forEach((who, how) -> gained.add(who + (each && whenOf.containsKey(who)
                ? ", " + and(widest(whenOf.get(who)), "or") : "") + switch (how) {
            case 1 -> " (" + wider.get(who) + ")";
            case 2 -> " (what the app reports about them: a match or a fingerprint, not the messages)";
            default -> "";
        }));
        // The reach of what the proposal asks for, not of what else it brings with it (a targeted update
        // that also needs a systemic change is still used against chosen users).
        List<Reviewed> own = a.introduced().stream()
                .filter(r -> a.proposal().weakenings().contains(r.finding().catalog())).toList();
        boolean systemic = (own.isEmpty() ? a.introduced() : own).stream().anyMatch(r -> r.finding().systemic());
        String reach = a.introduced().isEmpty() ? "" : systemic ? "systemic" : "targeted";
        String forWhom = a.introduced().isEmpty() && gains.isEmpty() ? "no change"
                : (systemic ? "every user" : "chosen users") + (when.isEmpty() || each ? "" : ", " + and(widest(when), "or"));
        boolean readers = !gains.isEmpty();
        boolean unseen = unseen(a);
        // A proposal whose use could be noticed is still asked against when it reaches every user: the key
        // or system it adds opens every user's messages, and whoever takes it needs no one to notice.
        // One that lets nobody new read is still asked against when it adds a weakness at high or above: those who can
        // read today do so through the design's own weaknesses, which a change of design could remove; a law would
        // keep its own. A reader asked why a proposal adding "one more critical weakness" was left out.
        Severity weakens = null;
        if (!readers) {
            for (Reviewed r : a.introduced()) {
                Severity sev = r.finding().severity();
                if (r.counts() && sev.atLeast(Severity.HIGH) && (weakens == null || sev.ordinal() < weakens.ordinal())) weakens = sev;
            }
        }
        String notAsked = !readers ? weakens != null ? null : "which would give nobody access they do not have already"
                : unseen || systemic ? null : gainsOf(a).values().stream().allMatch(g -> g.inHand)
                ? "whose access needs a user's device in hand, which its owner would know of"
                : "whose access members or outsiders who check could notice";
        List<Gain> all = unseenFirst(a);
        Noticing noticing = noticing(all);
        List<String> misuse = misuse(all);
        String risk = risk(a, all);
        // Every one of three or more conversations is said so: the same list of names in most rows of the table
        // read as repetition, and hid the rows that name fewer.
        List<String> every = model.conversations().keySet().stream().map(this::conversation).toList();
        String toWhat = every.size() >= 3 && whose.size() == every.size() && whose.containsAll(every) ? "every conversation"
                : and(List.copyOf(whose));
        return new ReportView.ProposalRow(title, anchor, true, gained.isEmpty() ? "nobody new" : String.join("; ", gained),
                toWhat, forWhom, counts(review), counts(a.patched()), adds(a), reach, risk,
                worse(a, risk), readers && unseen, notAsked, noticing.answer(),
                misuse.isEmpty() ? "" : capital("anyone who " + and(misuse, "or")), gravest(review, a.patched()),
                noticing.unseenOnlyIn(), noticing.inHand(), weakens == null ? null : weakens.yamlName());
    }

    /**
     * The gravest counted finding's severity now and with a proposal, in words: a reader compares "high →
     * critical", not counts; where it stays, how many more there would be ("high → high (one more)").
     */
    private static String gravest(Review now, Review with) {
        Severity before = gravest(now);
        Severity after = gravest(with);
        if (before == null && after == null) return "none";
        if (before != null && before == after) {
            int more = with.counts().getOrDefault(after, 0) - now.counts().getOrDefault(before, 0);
            String name = after.yamlName();
            return "stays " + name + (more <= 0 ? "" : "; " + number(more) + " more " + name + " weakness" + (more == 1 ? "" : "es"));
        }
        return (before == null ? "none" : before.yamlName()) + " → " + (after == null ? "none" : after.yamlName());
    }

    /**
     * The gravest counted weakness, low ones included: "none" beside a design whose low findings the summary
     * sets out read as a contradiction. Info findings are only noted, not weaknesses.
     */
    private static Severity gravest(Review r) {
        for (Severity s : Severity.values()) {
            if (s.ordinal() <= Severity.LOW.ordinal() && r.counts().getOrDefault(s, 0) > 0) return s;
        }
        return null;
    }

    /**
     * Whether anyone would notice the access a proposal adds: the first page's table's answer, the
     * conversations it would go unnoticed in where in others it would be noticed, and whether only the
     * owner of a device taken would notice it. What the summary and the asks say follows from the last two.
     */
    private record Noticing(String answer, List<String> unseenOnlyIn, boolean inHand) {
    }

    private static Noticing noticing(List<Gain> all) {
        if (all.isEmpty()) return new Noticing("", List.of(), false);
        Set<String> unseen = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        for (Gain g : all) if (g.unseen) unseen.addAll(g.conversations);
        for (Gain g : all) if (!g.unseen) others.addAll(g.conversations);
        others.removeAll(unseen);
        boolean inHand = all.stream().filter(g -> !g.unseen).allMatch(g -> g.inHand);
        String who = inHand ? "its owner, whose device is taken" : "members, or outsiders who check";
        if (unseen.isEmpty()) return new Noticing(capital(who), List.of(), inHand);
        if (others.isEmpty()) {
            // The same conversations, one party unseen and another visible: "No" alone denied that the visible one
            // could be noticed (a newcomer's table).
            Set<String> silent = new LinkedHashSet<>();
            Set<String> seen = new LinkedHashSet<>();
            for (Gain g : all) (g.unseen ? silent : seen).add(g.party);
            seen.removeAll(silent);
            if (seen.isEmpty()) return new Noticing("No", List.of(), false);
            return new Noticing(capital(and(List.copyOf(seen))) + "'s: " + who + "; " + and(List.copyOf(silent)) + "'s: no",
                    List.of(), false);
        }
        return new Noticing("No, in " + and(List.copyOf(unseen)) + "; in " + and(List.copyOf(others)) + ", " + who,
                List.copyOf(unseen), false);
    }

    /** Who else could do what the proposal lets its intended users do, each completing "anyone who ...". */
    private static List<String> misuse(List<Gain> all) {
        Set<String> misuse = new LinkedHashSet<>();
        for (Gain g : all) {
            for (Route route : g.routes) {
                String m = misuse(route, g.holders);
                if (m != null) misuse.add(m);
            }
        }
        return List.copyOf(misuse);
    }

    /**
     * What a proposal would make worse, in words: what it would make possible ({@code risk}: who would gain
     * access, to whose conversations, whether anyone would notice, who else could use it), then how the
     * findings at medium or above would change. Never a bare verdict: "weakened now, weakened with it" reads
     * as no difference.
     */
    private String worse(Assessment a, String risk) {
        String before = counts(review);
        String after = counts(a.patched());
        if (before.equals(after)) return risk;
        String from = and(List.of(before.replace(" at medium or above", "").split(", ")));
        String to = and(List.of(after.replace(" at medium or above", "").split(", ")));
        return risk + " The findings at medium or above would go from " + from + " to " + to
                + (!review.weakened() && a.patched().weakened() ? ", and the design from not weakened to weakened." : ".");
    }

    /**
     * What a proposal would make possible, in one sentence a minister can repeat: who would gain access,
     * to whose conversations, when, whether anyone would notice, and who else could misuse the same
     * capability. Built from what {@code assess} computed (new readers, widened readers, their routes),
     * so that it holds for any design and any proposal.
     */
    String risk(Assessment a) {
        if (!a.applied()) return "It cannot apply to this design: " + ReportViewBuilder.t(a.notApplicable()) + ".";
        return risk(a, unseenFirst(a));
    }

    private String risk(Assessment a, List<Gain> all) {
        List<String> clauses = new ArrayList<>();
        // A party that would gain the same as the one before "could do so too", rather than the
        // conversations, the users and whether anyone would notice said again.
        Gain previous = null;
        for (Gain g : all) {
            clauses.add(previous != null && g.like(previous) ? g.soCould(previous) : g.clause());
            previous = g;
        }
        if (clauses.isEmpty()) {
            return a.introduced().isEmpty() ? "Nobody would gain access they do not have already: this design already has what it asks for."
                    : "Nobody would gain access they do not have already, though it changes the design (below).";
        }
        List<String> misuse = misuse(all);
        String out = capital(String.join("; ", clauses));
        if (!misuse.isEmpty()) out += "; and so could anyone who " + and(misuse, "or");
        return out + ".";
    }

    /** A proposal's gains, the unnoticed first. */
    private List<Gain> unseenFirst(Assessment a) {
        List<Gain> all = new ArrayList<>(gainsOf(a).values());
        all.sort(java.util.Comparator.comparing(g -> !g.unseen));
        return all;
    }

    /**
     * Whether nobody would notice a reading: no declared safeguard makes it visible, and it does not need a
     * user's device in someone else's hands (the owner knows the phone was taken).
     */
    static boolean unnoticed(Reading r) {
        return !r.detectable() && r.condition() != Occurs.WITH_DEVICE;
    }

    /** Whether any new or wider reading the proposal gives would go unnoticed. */
    boolean unseen(Assessment a) {
        return a.applied() && gainsOf(a).values().stream().anyMatch(g -> g.unseen);
    }

    /** Whether any new or wider reading the proposal gives reaches every user. */
    boolean everyUser(Assessment a) {
        return a.applied() && gainsOf(a).values().stream().anyMatch(g -> g.systemic);
    }

    private Map<String, Gain> gainsOf(Assessment a) {
        return gains.computeIfAbsent(a, PlainWords::gains);
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
            List<Reading> added = added(w);
            gain(gains, patched, w.after(), w.before(), worst(added.isEmpty() ? w.after().readings() : added));
        }
        return gains;
    }

    /** The readings a widened access has by ways it did not have before. */
    private static List<Reading> added(org.e2eereview.diff.ReviewDiff.Widening w) {
        List<Route> before = w.before().routes();
        return w.after().readings().stream().filter(x -> !before.contains(x.route())).toList();
    }

    /** Whether readings are all learning what the app reports, not reading the content. */
    private static boolean onlyReports(List<Reading> readings) {
        return readings.stream().allMatch(x -> x.route() == Route.LEARNS_DERIVED);
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
        String when = patched.when(weakest);
        List<String> through = readings.stream().flatMap(x -> x.through().stream()).distinct().sorted().toList();
        String was = before == null ? null : patched.was(before, after, unseen, systemic);
        // What it gains only by learning what the app reports is said so, even of a party that reads the content
        // some other way: "WhatsApp (Meta) could read ... at any time" overstated originator traceability.
        boolean partial = after.partial() || onlyReports(readings);
        String key = after.party() + "|" + through + "|" + when + "|" + unseen + "|" + inHand + "|" + systemic + "|"
                + partial + "|" + was;
        Gain g = gains.computeIfAbsent(key, k -> new Gain(patched.party(after.party()),
                through.stream().map(patched::party).toList(), when, unseen, systemic, partial, was));
        g.inHand = inHand;
        g.conversations.add(patched.conversation(after.conversation()));
        readings.forEach(x -> g.routes.add(x.route()));
    }

    /** How a reader reads today, where the proposal would widen it; "" when only the way changes. */
    private String was(Access before, Access after, boolean unseen, boolean systemic) {
        List<String> today = new ArrayList<>();
        if (unseen && before.detectable()) today.add("only in ways that could be noticed");
        if (systemic && !before.systemic()) today.add("only for chosen users");
        if (before.partial() && !after.partial()) today.add("only a match or a fingerprint of the content");
        if (after.condition().ordinal() < before.condition().ordinal()) {
            today.add("only " + when(before.condition(), null));
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

    /** A sentence's first letter raised, unless its first word is spelled with a capital inside ("iPhone users"). */
    static String capital(String s) {
        if (s.isEmpty()) return s;
        String first = s.split("[\\s(]", 2)[0];
        if (first.substring(1).chars().anyMatch(Character::isUpperCase)) return s;
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
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
            String read = partial ? "learn what the app reports about " : "read ";
            if (was != null && was.isEmpty()) {
                return party + through + " could also read " + whose + ", " + when + ", "
                        + ways(routes.stream().map(PlainWords::how).distinct().toList());
            }
            return party + through + " could " + read + whose + ", " + when + noticing()
                    + (was == null ? "" : " (today " + was + ")");
        }

        private String noticing() {
            return unseen ? ", unnoticed" : inHand ? ", which its owner would know of" : ", in ways that could be noticed";
        }

        /** Whether it reaches the same conversations of the same users, as noticeably, as {@code other}. */
        boolean like(Gain other) {
            return conversations.equals(other.conversations) && systemic == other.systemic && unseen == other.unseen
                    && inHand == other.inHand && partial == other.partial && (was == null || !was.isEmpty())
                    && (other.was == null || !other.was.isEmpty());
        }

        /** "so could WhatsApp (Meta), at any time (today only in ways that could be noticed)": what differs from {@code other} only. */
        String soCould(Gain other) {
            return "so could " + party + (through.isEmpty() ? "" : through.substring(0, through.length() - 1))
                    + (when.equals(other.when) ? "" : ", " + when) + (was == null ? "" : " (today " + was + ")");
        }
    }

    /**
     * The design's answer to what the statement fears an objective would lose: which of the features that
     * meet it still send something on, and to whom; that none looks inside encrypted messages a member has
     * not reported (unless one does, through a weakening); and which assessed proposals claim to look there.
     */
    String keeps(org.e2eereview.review.ObjectiveAssessment o, List<Reviewed> features, List<Assessment> proposals) {
        Map<String, Reviewed> byId = new java.util.HashMap<>();
        for (Reviewed r : features) byId.put(r.finding().id(), r);
        // Who receives what the features find, and from which: the provider usually from all of them.
        Map<String, Set<String>> from = new LinkedHashMap<>();
        Set<String> sending = new LinkedHashSet<>();
        for (String id : o.metBy()) {
            Reviewed r = byId.get(id);
            org.e2eereview.model.Feature f = r == null ? null : model.features().get(r.finding().element());
            if (f == null || f.resultsTo().isEmpty()) continue;
            var entry = review.catalog().safetyFeatures().get(r.finding().catalog());
            String words = entry != null && entry.inWords() != null ? entry.inWords() : lower(r.finding().title());
            sending.add(words);
            for (String to : f.resultsTo()) from.computeIfAbsent(party(to), k -> new LinkedHashSet<>()).add(words);
        }
        StringBuilder out = new StringBuilder();
        // Where no feature serves it, "No feature of this design that serves it sends ..." read as a contradiction right
        // after "no feature of the design serves it": the sentence below then says it once.
        boolean none = from.isEmpty() && o.metBy().isEmpty();
        if (from.isEmpty()) {
            // Of those that serve this objective: a design's lawful-disclosure feature, serving another, does send.
            if (!none) out.append("No feature of this design that serves it sends what it finds to anyone.");
        } else {
            List<String> each = new ArrayList<>();
            List<String> listing = new ArrayList<>();
            // "From 4 of them" left a reader asking which: all of them, every one that sends something, or those named;
            // nested in brackets after the party's own, a reader lost the sentence. A list of several goes last.
            int above = o.metBy().size();
            from.forEach((to, words) -> {
                if (words.size() == sending.size()) {
                    each.add(to + (sending.size() == 1 ? "" : sending.size() == above ? ", from all of them"
                            : ", from every one of them that reports what it finds"));
                } else if (words.size() == 1) {
                    each.add(to + ", from " + words.iterator().next());
                } else {
                    listing.add(to + ", from " + number(words.size()) + " of them: " + list(List.copyOf(words), "and"));
                }
            });
            each.addAll(listing);
            out.append("In this design, what the features above find still reaches ").append(each.get(0)).append('.');
            for (String next : each.subList(1, each.size())) out.append(" It also reaches ").append(next).append('.');
        }
        if (o.onlyThrough().isEmpty()) {
            List<String> claim = proposals.stream().filter(a -> a.applied()
                    && a.proposal().claims().contains(o.objective()))
                    .map(a -> lower(a.proposal().title())).distinct().toList();
            out.append(none ? "No feature of this design looks inside end-to-end encrypted messages that no member has reported"
                    : " None of them looks inside end-to-end encrypted messages that no member has reported");
            if (!claim.isEmpty()) {
                out.append(": that is what ").append(and(claim, "and")).append(claim.size() == 1 ? " claims" : " claim")
                        .append(" to add, at the cost the summary sets out");
            }
            out.append('.');
        }
        return out.toString();
    }

    /** A line of a proposal's annex about one conversation: the conversation, and what it says of it. */
    record Line(String conversation, String said) {
    }

    /**
     * A reader a proposal adds, for the annex that sets the proposal out: "One-to-one chat" and "law
     * enforcement, on a legal order, through WhatsApp, by holding a key that decrypts the content (found
     * as: provider-keyed backup)". This review is the patched design's.
     */
    Line gained(Access a, List<String> findings) {
        return new Line(conversation(a.conversation()), party(a.party()) + ", " + reading(a) + foundAs(findings));
    }

    /** A reader whose reading a proposal widens: "WhatsApp group" and "WhatsApp (Meta) would no longer be noticed, ...". */
    Line widened(org.e2eereview.diff.ReviewDiff.Widening w, List<String> findings) {
        List<String> routes = w.newRoutes().stream().map(PlainWords::how).distinct().toList();
        return new Line(conversation(w.after().conversation()), party(w.after().party()) + " " + wider(w.how(), false)
                + (routes.isEmpty() ? "" : ", as it could then also read it " + ways(routes)) + foundAs(findings));
    }

    private static String foundAs(List<String> findings) {
        return findings.isEmpty() ? "" : " (found as: " + and(findings.stream().map(PlainWords::lower).toList()) + ")";
    }

    /** Lines said once each, and how many of the lines given they leave out. */
    record Said(List<String> lines, int notListed) {
    }

    /**
     * What is said alike of several conversations said once, in the order first said: "In each of WhatsApp
     * chat and WhatsApp group: WhatsApp (Meta) would no longer be noticed". A ghost participant in a large
     * design said the same of five hundred groups, one line each. At most {@code listed} lines.
     */
    static Said alike(List<Line> lines, int listed) {
        Map<String, List<String>> where = new LinkedHashMap<>();
        for (Line l : lines) where.computeIfAbsent(l.said(), k -> new ArrayList<>()).add(l.conversation());
        List<String> out = new ArrayList<>();
        int said = 0;
        for (Map.Entry<String, List<String>> e : where.entrySet()) {
            if (out.size() == listed) break;
            List<String> in = e.getValue();
            said += in.size();
            out.add((in.size() == 1 ? capital(in.get(0)) : "In each of " + and(in)) + ": " + e.getKey());
        }
        return new Said(List.copyOf(out), lines.size() - said);
    }

    /**
     * How a reader's access would widen, in words, from the diff's "visible → unseen" and the like: for a
     * sentence about the reader ("would no longer be noticed"), or for its entry in the proposals' table,
     * where the reading itself is what the row is about ("unnoticed, where today it could be noticed"; a
     * reader took "its reading would no longer be noticed" there for the tool's own words).
     */
    private static String wider(List<String> how, boolean inRow) {
        for (String h : how) {
            switch (h) {
                case "visible → unseen":
                    return inRow ? "unnoticed, where today it could be noticed" : "would no longer be noticed";
                case "targeted → every user":
                    return inRow ? "every user, where today chosen users"
                            : "would reach every user, where today it reaches chosen users";
                case "derived data → the content itself":
                    return inRow ? "the content itself, where today only what is computed from it"
                            : "would take in the content itself, where today it takes only what is computed from it";
                default:
                    break;
            }
        }
        for (String h : how) {
            if (!h.contains(" → ")) continue;
            // The same condition reaching more users (an opt-in backup made a default): more are reached, not less needed.
            if (h.startsWith(ReviewDiff.REACH)) {
                String[] fromTo = h.substring(ReviewDiff.REACH.length()).split(" → ");
                // Said of users' choice, not of how many: a targeted update reaches chosen users whatever they chose.
                String to = fromTo[1].equals(Occurs.BY_DEFAULT.words()) ? "unless users opt out" : "whatever users choose";
                String from = fromTo[0].equals(Occurs.OPT_IN.words()) ? "only for users who opt in"
                        : "only for users who do not opt out";
                return (inRow ? "" : "would read ") + to + ", where today " + from;
            }
            return (inRow ? "needing less: today " : "would need less: today ") + h.replace(" → ", ", with it ");
        }
        return inRow ? "in more ways than today" : "would have more ways than today";
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
    private String when(Reading r) {
        // Who it reaches, where a legal order took the place of a user's choice in its condition: "on a legal order,
        // for users who opt in to the chat backup", not every user's.
        Occurs choice = r.choice();
        if (choice == null) return when(r.condition(), null);
        String words = when(choice, purpose(r, choice));
        return r.narrowed() ? r.condition().plainWords() + ", " + words : words;
    }

    /**
     * Conditions said with "or", without one that another says more widely: "on a legal order or on a legal order,
     * unless users opt out" is "on a legal order".
     */
    private static List<String> widest(Set<String> conditions) {
        List<String> out = new ArrayList<>();
        for (String c : conditions) {
            boolean narrower = false;
            for (String other : conditions) narrower |= !other.equals(c) && base(other).equals(base(c)) && reach(other) < reach(c);
            if (!narrower) out.add(c);
        }
        return out;
    }

    private static final String OPTING_IN = ", " + Occurs.OPT_IN.plainWords();
    private static final String OPTING_OUT = ", " + Occurs.BY_DEFAULT.plainWords();

    /** A condition without whom it reaches: "on a legal order" of "on a legal order, for users who opt in to ...". */
    private static String base(String condition) {
        int at = condition.indexOf(OPTING_IN);
        if (at < 0) at = condition.indexOf(OPTING_OUT);
        return at < 0 ? condition : condition.substring(0, at);
    }

    /** How few a condition reaches: every user 0, unless they opt out 1, those who opt in 2. */
    private static int reach(String condition) {
        return condition.contains(OPTING_IN) ? 2 : condition.contains(OPTING_OUT) ? 1 : 0;
    }

    /** A reading's condition in the submission's words, with whom it reaches where that is narrower than it says. */
    static String plainCondition(Reading r) {
        return r.narrowed() ? r.condition().plainWords() + ", " + r.reach().plainWords() : r.condition().plainWords();
    }

    /** How a reading is said where it is one clause among others: the others' content goes with one member's choice. */
    private static final String OTHERS_TOO = " (and then also the messages of the people those users talk to, who did not choose it)";

    /** Whether one member's choice opens the conversation, and with theirs the other members' content. */
    private boolean othersToo(Reading r) {
        return r.choice() == Occurs.OPT_IN && !review.analysis().throughKeystrokes(r);
    }

    /**
     * Whether a reading happens unless users opt out, through what any member leaves on (a preview, a backup), so that
     * turning it off keeps nothing a user sends: not where the chain goes through what only that member types.
     */
    private boolean othersLeftOn(Reading r) {
        return r.choice() == Occurs.BY_DEFAULT && !review.analysis().throughKeystrokes(r);
    }

    /** The flows with a purpose that carry each item, made once: asked of every step of every conditional reading. */
    private Map<String, List<org.e2eereview.model.Flow>> carriers;

    private List<org.e2eereview.model.Flow> carriers(String item) {
        if (carriers == null) {
            carriers = new java.util.HashMap<>();
            for (org.e2eereview.model.Flow f : model.flows().values()) {
                if (f.purpose() == null) continue;
                for (String d : f.carries()) carriers.computeIfAbsent(d, k -> new ArrayList<>()).add(f);
            }
        }
        return carriers.getOrDefault(item, List.of());
    }

    private String purpose(Reading r, Occurs condition) {
        for (org.e2eereview.analysis.Step step : r.evidence().steps()) {
            org.e2eereview.model.Flow f = step.element() == null ? null : model.flows().get(step.element());
            if (f != null && f.occurs() == condition && f.purpose() != null) return ReportViewBuilder.t(f.purpose());
        }
        // Holding a backup's key does not pass through the backup's flow, but names the backup: the flow that carries
        // an item of the chain under the condition is what users turn on or off. Another reading's flow was taken
        // before, and a default backup's reading was said to happen "unless users opt out of push previews".
        // Of the flows that carry it, the one that brings it to the reader or to a party the reader compels: a backup
        // both to iCloud and to Google Drive is Google's by the flow to Google Drive.
        for (org.e2eereview.analysis.Step step : r.evidence().steps()) {
            if (step.element() == null) continue;
            for (org.e2eereview.model.Flow f : carriers(step.element())) {
                if (f.occurs() != condition) continue;
                org.e2eereview.model.Component to = model.components().get(f.to());
                String runner = to == null ? null : to.runBy();
                if (runner != null && (runner.equals(r.party()) || r.through().contains(runner))) {
                    return ReportViewBuilder.t(f.purpose());
                }
            }
        }
        return null;
    }

    /**
     * The condition in the words the table and the figure use too, with what users opt into or out of
     * where the model says it: "for users who opt in to the chat backup".
     *
     * @param it what users turn on or off, or null when the model does not say
     */
    private static String when(Occurs condition, String it) {
        String words = condition.plainWords();
        if (it == null) return words;
        return switch (condition) {
            case OPT_IN -> words + " to " + it;
            case BY_DEFAULT -> words + " of " + it;
            default -> words;
        };
    }

    /**
     * As {@link #how(Route)}, naming the apps a modified build of would be shipped: where the web client's
     * builds are published and the phone app's are not, "a modified app" read as noticeable in one place
     * and unnoticed in another, and a reader could not tell that the two are different apps.
     */
    private static String how(Route route, Set<String> apps) {
        if (route != Route.TARGETED_UPDATE || apps.isEmpty()) return how(route);
        return "shipping a modified " + and(List.copyOf(apps), "or") + " to chosen users";
    }

    /** The app whose modified build a targeted update reading ships, in words; null for other readings. */
    /**
     * Every app a modified build of which would let the access's party read its conversation as this reading does:
     * the access keeps one reading per way, naming one app, and a newcomer's design with a phone app and a desktop
     * app, both without a public record of their builds, was said to need "a modified desktop app" only.
     */
    private Set<String> shipped(Access a, Reading r) {
        if (r.route() != Route.TARGETED_UPDATE) return Set.of();
        Set<String> apps = new java.util.TreeSet<>();
        String own = shipped(r);
        if (own != null) apps.add(own);
        Conversation c = model.conversations().get(a.conversation());
        if (c == null) return apps;
        for (String d : c.content()) {
            for (Reading o : review.analysis().readers(d).getOrDefault(a.party(), List.of())) {
                // Only the apps it could be done through as noticeably: one app's published builds say nothing of another's.
                if (o.route() != Route.TARGETED_UPDATE || !o.through().equals(r.through()) || o.detectable() != r.detectable()
                        || o.condition() != r.condition()) continue;
                if (o.conversation() != null && !o.conversation().equals(c.id())) continue;
                String app = shipped(o);
                if (app != null) apps.add(app);
            }
        }
        return apps;
    }

    private String shipped(Reading r) {
        if (r.route() != Route.TARGETED_UPDATE || r.origin() == null) return null;
        Component c = model.components().get(r.origin());
        return c != null && isApp(c) ? element(c.id()) : null;
    }

    /**
     * As {@link #how(Route, Set)} for a reading a party gets by compelling others ({@code through}): they do
     * what the route takes, not the party. "The regulator could read it on a legal order, through the
     * compliance team, by holding a key" was read as the regulator holding the key.
     */
    private static String how(Route route, Set<String> apps, int through) {
        if (through == 0) return how(route, apps);
        boolean one = through == 1;
        String it = one ? "it" : "them";
        String does = switch (route) {
            case RUNS_COMPONENT -> "hand over the content a service " + (one ? "it runs" : "they run") + " handles unencrypted";
            case HOLDS_KEY -> "decrypt the content with " + (one ? "a key it holds" : "keys they hold");
            case RECOVERS_KEY -> "guess a user's password or PIN to recover the key to the content";
            case ADDS_MEMBER -> "add a member to the conversation";
            case ADDS_DEVICE -> "add a device to a member's account";
            case SUBSTITUTES_KEYS -> "hand members keys in place of each other's";
            case TARGETED_UPDATE -> "ship a modified " + (apps.isEmpty() ? "app" : and(List.copyOf(apps), "or")) + " to chosen users";
            case FEATURE_RESULT -> "hand over the content a feature of the app sends " + it + " without a member choosing to";
            case LEARNS_DERIVED -> "hand over what the app reports to " + it + " about the content";
            case MEMBER_DISCLOSURE -> "hand over what members choose to report to " + it;
            case ENCLAVE_IMAGE -> "run a new program in the secure enclave, one that would read what enters the enclave";
            case HARDWARE_ROOT -> "forge or break the hardware the secure enclave relies on";
        };
        return "having " + it + " " + does;
    }

    /** What a party could do, completing "X could read Y by ...". */
    static String how(Route route) {
        return switch (route) {
            case RUNS_COMPONENT -> "running a service that handles the content unencrypted";
            case HOLDS_KEY -> "holding a key that decrypts the content";
            case RECOVERS_KEY -> "guessing a user's password or PIN to recover the key to the content";
            case ADDS_MEMBER -> "adding a member to the conversation";
            case ADDS_DEVICE -> "adding a device to a member's account";
            case SUBSTITUTES_KEYS -> "handing members keys of its own in place of each other's";
            case TARGETED_UPDATE -> "shipping a modified app to chosen users";
            case FEATURE_RESULT -> "receiving the content from a feature of the app, without a member choosing to send it";
            case LEARNS_DERIVED -> "receiving what the app reports about the content";
            case MEMBER_DISCLOSURE -> "receiving what a member chooses to report";
            case ENCLAVE_IMAGE -> "running a new program in the secure enclave that would read what enters it";
            case HARDWARE_ROOT -> "forging or breaking the hardware the secure enclave relies on";
        };
    }

    /**
     * Which apps a safeguard covers, where the design declares it on some of the users' apps and not the
     * others: ", for the web client only". A record of the web client's builds says nothing of the phone
     * app's, and a reader told the design has "a public record of every app version" would take it for both.
     */
    private String onlyFor(Set<String> elements) {
        List<String> apps = new ArrayList<>();
        for (String id : elements) {
            org.e2eereview.model.Component c = model.components().get(id);
            if (c == null || !isApp(c)) return "";
            apps.add(element(c.id()));
        }
        // Every element is an app here, so it covers every app when it is on as many as there are.
        long every = model.components().values().stream().filter(PlainWords::isApp).count();
        return apps.isEmpty() || apps.size() == every ? "" : ", for " + and(apps) + " only";
    }

    private static boolean isApp(org.e2eereview.model.Component c) {
        return c.kind() == org.e2eereview.model.Component.Kind.CLIENT || c.kind() == org.e2eereview.model.Component.Kind.WEB_CLIENT;
    }

    private String safeguard(Safeguarded s) {
        SafeguardEntry e = review.catalog().safeguards().get(s.name());
        return e == null ? s.name() : e.inWords() != null ? e.inWords() : lower(e.title());
    }

    /** A party by the name the model gives it, as it reads inside a sentence. */
    String party(String id) {
        return inSentence(label(id));
    }

    /** A party by the name the model gives it, as the model spells it, for a table's or a figure's label. */
    String label(String id) {
        Party p = model.parties().get(id);
        return ReportViewBuilder.t(p != null && p.name() != null ? p.name() : id);
    }

    /** A finding as a sentence names it: "server-controlled membership (high) in WhatsApp group call". */
    String finding(org.e2eereview.rules.Finding f, String id) {
        if (f == null) return ReportViewBuilder.t(id);
        return lower(f.title()) + " (" + f.severity().yamlName() + ") in " + place(f);
    }

    /**
     * Where a finding is, for a reader who knows no ids: its conversation or named element; else the conversations it
     * lets someone read. A reader met "in direct-chat/police" (an outside reader's id) and "in device-escrow-key".
     */
    private String place(org.e2eereview.rules.Finding f) {
        String element = f.element();
        boolean named = model.conversations().containsKey(element) || model.parties().containsKey(element)
                || model.components().containsKey(element) && model.components().get(element).name() != null;
        return named || f.reads().isEmpty() ? element(element) : and(where(f));
    }

    String conversation(String id) {
        Conversation c = model.conversations().get(id);
        return inSentence(ReportViewBuilder.t(c != null && c.name() != null ? c.name() : id));
    }

    /**
     * A name as it reads inside a sentence. Models name things as labels ("Law enforcement", "One-to-one
     * chat"), and a label's capital inside a sentence reads as a proper name's; so its first letter is
     * lowered where nothing else marks the name as proper: the first word has no other capital ("WhatsApp",
     * "NCMEC", "iCloud"), no later word has one ("Apple (iCloud)", "Signal Messenger LLC"; an example in
     * "(e.g. FBI)" is not part of the name), and the first word is not in the system's own name ("Signal
     * group" in Signal), and a leading article is always lowered ("the Home Office"). Every other letter keeps
     * the model's spelling.
     */
    String inSentence(String name) {
        if (name == null || name.length() < 2 || !Character.isUpperCase(name.charAt(0))) return name;
        return inSentence.computeIfAbsent(name, this::lowered);
    }

    private String lowered(String name) {
        String first = FIRST_WORD.split(name, 2)[0];
        // An article is never part of what makes a name proper: "the customer's IT department", "the Home Office".
        if ((first.equals("The") || first.equals("A") || first.equals("An")) && name.length() > first.length()) {
            return Character.toLowerCase(name.charAt(0)) + name.substring(1);
        }
        if (first.substring(1).chars().anyMatch(Character::isUpperCase)) return name;
        // A people's or a language's adjective is written with its capital anywhere: "Swiss federal police".
        if (ProperAdjectives.ALL.contains(first)) return name;
        String rest = EXAMPLE.matcher(name.substring(first.length())).replaceAll("");
        if (rest.chars().anyMatch(Character::isUpperCase)) return name;
        String system = model.system() == null || model.system().name() == null ? "" : model.system().name();
        if (java.util.Arrays.asList(NOT_IN_A_WORD.split(system)).contains(first)) return name;
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * Words that keep their capital inside an English sentence as the first word of a name: the names of languages
     * (the JDK's, in English: "German", "French", "Dutch"), which are also their peoples' adjectives, and the
     * adjectives of countries and regions whose language is named otherwise. Made when a name first needs it.
     */
    private static final class ProperAdjectives {
        static final java.util.Set<String> ALL;

        static {
            java.util.Set<String> all = new java.util.HashSet<>(List.of("American", "Argentine", "Argentinian", "Australian",
                    "Austrian", "Bangladeshi", "Belgian", "Brazilian", "British", "Canadian", "Chilean", "Colombian", "Cuban",
                    "Cypriot", "Egyptian", "Emirati", "European", "Flemish", "Ghanaian", "Indian", "Iranian", "Iraqi", "Israeli",
                    "Jordanian", "Kenyan", "Kuwaiti", "Lebanese", "Luxembourgish", "Malaysian", "Mexican", "Moroccan",
                    "Nigerian", "Pakistani", "Peruvian", "Qatari", "Saudi", "Scottish", "Singaporean", "Swiss", "Syrian",
                    "Taiwanese", "Tunisian", "Venezuelan"));
            for (String language : java.util.Locale.getISOLanguages()) {
                String name = new java.util.Locale(language).getDisplayLanguage(java.util.Locale.ENGLISH);
                if (!name.isEmpty() && name.chars().allMatch(Character::isLetter)) all.add(name);
            }
            ALL = java.util.Set.copyOf(all);
        }

        private ProperAdjectives() {
        }
    }

    private static final java.util.regex.Pattern FIRST_WORD = java.util.regex.Pattern.compile("[\\s(]");
    private static final java.util.regex.Pattern EXAMPLE = java.util.regex.Pattern.compile("\\((e\\.g\\.|i\\.e\\.)[^)]*\\)");
    private static final java.util.regex.Pattern NOT_IN_A_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}'-]+");

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
        return inSentence(ReportViewBuilder.t(c != null && c.name() != null ? c.name() : id));
    }

    /** A catalog title inside a sentence: its first letter lowered unless its first word is an acronym ("MLS"). */
    static String lower(String title) {
        if (title.length() < 2 || !Character.isUpperCase(title.charAt(0))) return title;
        // A first word with another capital in it (an acronym, "WhatsApp") keeps its case. Scanned, not split:
        // a large design's proposals' table says a title for every reader it names.
        for (int i = 1; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '(') break;
            if (Character.isUpperCase(c)) return title;
        }
        return Character.toLowerCase(title.charAt(0)) + title.substring(1);
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

    /** Like {@link #and(List, String)}, but items that hold commas of their own are set apart by semicolons. */
    static String list(List<String> items, String word) {
        if (items.stream().noneMatch(i -> i.contains(","))) return and(items, word);
        if (items.size() == 1) return items.get(0);
        return String.join("; ", items.subList(0, items.size() - 1)) + "; " + word + " " + items.get(items.size() - 1);
    }

    /** How many names a sentence lists before it counts the rest: a large design has thousands. */
    static final int NAMED = 10;

    static String and(List<String> items, String word) {
        if (items.isEmpty()) return "";
        if (items.size() == 1) return items.get(0);
        if (items.size() > NAMED + 2) {
            return String.join(", ", items.subList(0, NAMED)) + " " + word + " "
                    + String.format(java.util.Locale.ENGLISH, "%,d", items.size() - NAMED) + " more";
        }
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
        /** Whether one member's choice opens it, and with theirs the other members' messages. */
        boolean othersToo;
        /** Whether it is on unless a member turns it off, and one member's turning it off keeps nothing they send. */
        boolean othersLeftOn;
        final Set<String> conversations = new LinkedHashSet<>();
        final Set<Route> routes = new LinkedHashSet<>();
        /** The content items it reads in its conversations, and whether in some it reads only some of them. */
        final Set<String> items = new LinkedHashSet<>();
        boolean some;

        /** "the links in ", where it reads only some of a conversation's content; else empty. */
        String only() {
            return some ? "the " + and(List.copyOf(items)) + " in " : "";
        }
        /** The apps a modified build of would be shipped, for a targeted update. */
        final Set<String> apps = new LinkedHashSet<>();
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
