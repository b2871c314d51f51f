package org.e2eereview.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.e2eereview.analysis.Access;
import org.e2eereview.analysis.ReaderKey;
import org.e2eereview.analysis.Route;
import org.e2eereview.analysis.Safeguarded;
import org.e2eereview.catalog.Severity;
import org.e2eereview.model.Flow;
import org.e2eereview.model.Safeguard;
import org.e2eereview.review.ObjectiveAssessment;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.rules.Finding;
import org.e2eereview.rules.RuleEngine;

/**
 * What changes between two reviews of a design: findings introduced, removed, replaced or changed,
 * readers gained and lost, safety features, objectives and safeguards. Both `diff` and `assess`
 * are this comparison; neither re-derives anything the reviews say.
 *
 * @param superseded findings of the old review that gave way to a more severe one naming the same
 *                   readers (one root cause, one finding): old id to new ids
 * @param removed    findings of the old review gone with nothing in their place
 * @param uncovered  findings of the new review that were there before under a more severe one now
 *                   removed (taking a ghost away leaves the server-controlled membership it stood on):
 *                   not introduced, since nobody gains a reading
 * @param widened    parties that read a conversation in both reviews but more widely in the new one: under a
 *                   weaker condition, unseen where they were visible, for every user where only targeted, the
 *                   content itself where only derived data, or by a new route
 * @param safeguardsAdded      safeguards the new model declares and the old one did not
 * @param safeguardsRemoved    safeguards the old model declared and the new one does not
 * @param safeguardsNowRelevant     safeguards both models declare that bear on a route only the new one opens
 * @param safeguardsNoLongerRelevant safeguards both models declare that bore on a route the new one closes
 */
public record ReviewDiff(Review before, Review after, List<Reviewed> introduced, List<Change> changed,
                         Map<String, List<String>> superseded, List<Reviewed> removed, List<Uncovered> uncovered,
                         List<Access> gainedReaders, List<Widening> widened,
                         List<Access> lostReaders, List<FeatureChange> features, List<ObjectiveChange> objectives,
                         List<Safeguarded> safeguardsAdded, List<Safeguarded> safeguardsRemoved,
                         List<Safeguarded> safeguardsNowRelevant, List<Safeguarded> safeguardsNoLongerRelevant) {

    /**
     * A party's reading of a conversation that widens.
     *
     * @param how what widens, in words: "on a legal order → always", "reach: for users who opt in → by default",
     *            "visible → unseen",
     *            "targeted → every user", "derived data → the content itself", "new route: holds-key"
     */
    public record Widening(Access before, Access after, List<String> how) {

        /** The routes it could read by that it could not before, in the order of its readings. */
        public List<Route> newRoutes() {
            return ReviewDiff.newRoutes(before, after);
        }
    }

    private static List<Route> newRoutes(Access b, Access a) {
        List<Route> had = b.routes();
        List<Route> out = new ArrayList<>();
        for (Route r : a.routes()) if (!had.contains(r)) out.add(r);
        return out;
    }

    /** What widens between two readings of one conversation by one party; empty when nothing does. */
    static List<String> widening(Access b, Access a) {
        List<String> how = new ArrayList<>();
        if (a.condition() == Flow.Occurs.BY_DEFAULT && b.condition() == Flow.Occurs.OPT_IN) {
            // From users who turn it on to all who do not turn it off: the same thing, reaching more users.
            how.add(REACH + reach(b.condition()) + " → " + reach(a.condition()));
        } else if (a.condition().ordinal() < b.condition().ordinal()) {
            how.add(RuleEngine.condition(b.condition()) + " → " + RuleEngine.condition(a.condition()));
        } else if (a.condition() == b.condition() && a.reach().ordinal() < b.reach().ordinal()) {
            // The same legal order reaching more users: a backup made by default where users had to opt in.
            how.add(REACH + reach(b.reach()) + " → " + reach(a.reach()));
        }
        if (b.detectable() && !a.detectable()) how.add("visible → unseen");
        if (!b.systemic() && a.systemic()) how.add("targeted → every user");
        if (b.partial() && !a.partial()) how.add("derived data → the content itself");
        List<String> routes = newRoutes(b, a).stream().map(Route::id).toList();
        if (!routes.isEmpty()) how.add("new route" + (routes.size() > 1 ? "s" : "") + ": " + String.join(", ", routes));
        return how;
    }

    /** How a widening of whom the same condition reaches starts: "reach: for users who opt in → by default". */
    public static final String REACH = "reach: ";

    /** Whom a reading reaches, in words: "for users who opt in", "every user". */
    private static String reach(Flow.Occurs reach) {
        return reach == Flow.Occurs.ALWAYS ? "every user" : RuleEngine.condition(reach);
    }

    /** A finding in both reviews whose severity, readers or condition differ. */
    public record Change(Reviewed before, Reviewed after, List<String> what) {
    }

    /** A finding of the new review that a removed, more severe finding of the old one covered. */
    public record Uncovered(Reviewed finding, List<String> within) {
    }

    /** A safety feature added, removed, or whose verdict changed; null on the side it is missing from. */
    public record FeatureChange(String id, Reviewed before, Reviewed after) {
    }

    /**
     * An objective whose assessment changed, with the weakening findings behind the change.
     *
     * @param nowThrough      weakenings the new review serves it through and the old one did not
     * @param noLongerThrough weakenings the old review served it through and the new one does not
     */
    public record ObjectiveChange(String objective, String title, ObjectiveAssessment before, ObjectiveAssessment after,
                                  List<String> nowThrough, List<String> noLongerThrough) {
    }

    public static ReviewDiff of(Review before, Review after) {
        return new Design(before).diff(after);
    }

    /**
     * One design, to be compared with several changes of it: what the comparison works out about the
     * design alone (where it declares each field, which findings name each reader) is worked out once.
     * {@code assess} compares eight patched designs with one, two at a time, and a large design's
     * declarations are hundreds of thousands of fields.
     */
    public static final class Design {
        private final Review review;
        private final Covering covering;
        private Declarations declarations;

        public Design(Review review) {
            this.review = review;
            this.covering = new Covering(review);
        }

        public Review review() {
            return review;
        }

        /** What changes from this design to another. */
        public ReviewDiff diff(Review after) {
            return compare(review, after, covering, this::declarations);
        }

        private synchronized Declarations declarations() {
            if (declarations == null) declarations = Declarations.of(review.model());
            return declarations;
        }
    }

    private static ReviewDiff compare(Review before, Review after, Covering coveringBefore,
                                      java.util.function.Supplier<Declarations> declaredBefore) {
        Map<ReaderKey, Access> readersBefore = new LinkedHashMap<>();
        for (Access a : before.access()) readersBefore.put(key(a), a);
        Set<ReaderKey> readersAfter = new HashSet<>();
        List<Access> gained = new ArrayList<>();
        List<Widening> widened = new ArrayList<>();
        for (Access a : after.access()) {
            readersAfter.add(key(a));
            Access b = readersBefore.get(key(a));
            if (b == null) {
                gained.add(a);
            } else {
                List<String> how = widening(b, a);
                if (!how.isEmpty()) widened.add(new Widening(b, a, List.copyOf(how)));
            }
        }
        List<Access> lost = readersBefore.entrySet().stream().filter(e -> !readersAfter.contains(e.getKey()))
                .map(Map.Entry::getValue).toList();

        Map<String, Reviewed> was = new HashMap<>();
        for (Reviewed r : before.weakenings()) was.put(r.finding().id(), r);
        Set<String> now = new HashSet<>();
        List<Reviewed> introduced = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (Reviewed r : after.weakenings()) {
            now.add(r.finding().id());
            Reviewed old = was.get(r.finding().id());
            if (old == null) {
                introduced.add(r);
                continue;
            }
            List<String> what = new ArrayList<>();
            if (old.finding().severity() != r.finding().severity()) what.add("severity");
            if (!old.finding().readers().equals(r.finding().readers())) what.add("readers");
            if (old.finding().condition() != r.finding().condition()) what.add("condition");
            if (old.status() != r.status()) what.add("status");
            if (!what.isEmpty()) changed.add(new Change(old, r, List.copyOf(what)));
        }
        Map<String, List<String>> superseded = new LinkedHashMap<>();
        List<Reviewed> removed = new ArrayList<>();
        Covering coveringAfter = new Covering(after);
        for (Reviewed r : before.weakenings()) {
            if (now.contains(r.finding().id())) continue;
            List<String> by = coveringAfter.supersededBy(r.finding());
            if (by.isEmpty()) removed.add(r);
            else superseded.put(r.finding().id(), by);
        }
        // A finding the removed ones gave way to is what replaces them, introduced in their place, even where one of them
        // covered it before: a golden key's finding in place of the provider's reading was said to be "no new finding".
        Set<String> replacing = new HashSet<>();
        superseded.values().forEach(replacing::addAll);
        List<Uncovered> uncovered = new ArrayList<>();
        for (var it = introduced.iterator(); it.hasNext(); ) {
            Reviewed r = it.next();
            if (replacing.contains(r.finding().id())) continue;
            List<String> within = coveringBefore.supersededBy(r.finding());
            if (!within.isEmpty() && within.stream().noneMatch(now::contains)) {
                uncovered.add(new Uncovered(r, within));
                it.remove();
            }
        }

        Map<String, Reviewed> featuresBefore = new LinkedHashMap<>();
        for (Reviewed r : before.safetyFeatures()) featuresBefore.put(r.finding().id(), r);
        Map<String, Reviewed> featuresAfter = new LinkedHashMap<>();
        for (Reviewed r : after.safetyFeatures()) featuresAfter.put(r.finding().id(), r);
        List<FeatureChange> features = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>(featuresBefore.keySet());
        ids.addAll(featuresAfter.keySet());
        for (String id : ids) {
            Reviewed b = featuresBefore.get(id);
            Reviewed a = featuresAfter.get(id);
            if (b == null || a == null || b.finding().verdict() != a.finding().verdict()) {
                features.add(new FeatureChange(id, b, a));
            }
        }

        List<ObjectiveChange> objectives = new ArrayList<>();
        for (ObjectiveAssessment a : after.objectives()) {
            ObjectiveAssessment b = before.objectives().stream().filter(o -> o.objective().equals(a.objective()))
                    .findFirst().orElse(null);
            if (b == null || !Objects.equals(b, a)) {
                Set<String> viaBefore = through(b);
                Set<String> viaAfter = through(a);
                objectives.add(new ObjectiveChange(a.objective(), a.title(), b, a,
                        viaAfter.stream().filter(w -> !viaBefore.contains(w)).toList(),
                        viaBefore.stream().filter(w -> !viaAfter.contains(w)).toList()));
            }
        }

        Set<GuardKey> guardsBefore = new HashSet<>();
        for (Safeguarded s : before.safeguards()) guardsBefore.add(key(s));
        Set<GuardKey> guardsAfter = new HashSet<>();
        for (Safeguarded s : after.safeguards()) guardsAfter.add(key(s));
        List<Safeguarded> appeared = after.safeguards().stream().filter(s -> !guardsBefore.contains(key(s))).toList();
        List<Safeguarded> gone = before.safeguards().stream().filter(s -> !guardsAfter.contains(key(s))).toList();
        Declarations declaredThen = appeared.isEmpty() && gone.isEmpty() ? null : declaredBefore.get();
        Declarations declaredAfter = declaredThen == null ? null : Declarations.of(after.model(), before.model(), declaredThen);
        List<Safeguarded> added = new ArrayList<>();
        List<Safeguarded> nowRelevant = new ArrayList<>();
        for (Safeguarded s : appeared) (declaredIn(s, declaredAfter, declaredThen) ? nowRelevant : added).add(s);
        List<Safeguarded> taken = new ArrayList<>();
        List<Safeguarded> noLongerRelevant = new ArrayList<>();
        for (Safeguarded s : gone) (declaredIn(s, declaredThen, declaredAfter) ? noLongerRelevant : taken).add(s);

        return new ReviewDiff(before, after, List.copyOf(introduced), List.copyOf(changed), superseded,
                List.copyOf(removed), List.copyOf(uncovered), List.copyOf(gained), List.copyOf(widened), lost, List.copyOf(features), List.copyOf(objectives),
                List.copyOf(added), List.copyOf(taken), List.copyOf(nowRelevant), List.copyOf(noLongerRelevant));
    }

    /** The weakenings an objective is served through, none when it is missing. */
    private static Set<String> through(ObjectiveAssessment o) {
        Set<String> out = new LinkedHashSet<>();
        if (o != null) o.onlyThrough().forEach(t -> out.addAll(t.weakenings()));
        return out;
    }

    /**
     * Whether the other model declares a safeguard listed in one review only: it writes the field that
     * declares it, with the same value, so only the route it bears on came or went.
     */
    private static boolean declaredIn(Safeguarded s, Declarations where, Declarations other) {
        Declarations.Field f = where.at(s.at());
        return f != null && other.writes(f);
    }

    private static ReaderKey key(Access a) {
        return new ReaderKey(a.party(), a.conversation());
    }

    /** A safeguard on an element, bearing on a route: what the diff says appeared or went. */
    private record GuardKey(Safeguard safeguard, String element, Route route) {
    }

    private static GuardKey key(Safeguarded s) {
        return new GuardKey(s.safeguard(), s.element(), s.route());
    }

    /**
     * The weakenings of one review by the readers they name and the element they are on, indexed on
     * first use: a patched model can remove or introduce thousands of findings, and each is matched
     * against the other review's. A design's is shared by the comparisons {@code assess} makes on two
     * threads, hence the lock.
     */
    private static final class Covering {
        private final Review in;
        private Review.Explaining byReader;
        private Map<String, List<Finding>> byElement;

        Covering(Review in) {
            this.in = in;
        }

        /**
         * The findings of this review that take over one that disappeared: together they name every
         * reader of every conversation it named, at its severity or above. Empty when none do.
         */
        synchronized List<String> supersededBy(Finding old) {
            Set<String> by = new LinkedHashSet<>();
            if (old.reads().isEmpty()) {
                if (byElement == null) {
                    byElement = new HashMap<>();
                    for (Reviewed r : in.weakenings()) {
                        byElement.computeIfAbsent(r.finding().element(), e -> new ArrayList<>()).add(r.finding());
                    }
                }
                for (Finding f : byElement.getOrDefault(old.element(), List.of())) {
                    if (f.severity().atLeast(old.severity())) by.add(f.id());
                }
                return List.copyOf(by);
            }
            if (byReader == null) byReader = in.explainingEveryReader();
            for (Finding.Read read : old.reads()) {
                String covering = null;
                for (Finding f : byReader.of(read.conversation(), read.party())) {
                    if (f.severity().atLeast(old.severity())) {
                        covering = f.id();
                        break;
                    }
                }
                if (covering == null) return List.of();
                by.add(covering);
            }
            return List.copyOf(by);
        }
    }

    /**
     * Whether the change introduces, or raises to, a counted finding at or above the threshold, or
     * lets a new party read through one.
     */
    public boolean introducesAtLeast(Severity threshold) {
        if (threshold == null) return false;
        for (Reviewed r : introduced) if (r.counts() && r.finding().severity().atLeast(threshold)) return true;
        for (Change c : changed) {
            Reviewed a = c.after();
            boolean nowCounts = a.counts() && a.finding().severity().atLeast(threshold);
            boolean wasCounted = c.before().counts() && c.before().finding().severity().atLeast(threshold);
            if (nowCounts && !wasCounted) return true;
            // The same weakening now serving one more party is a new reading, not a restatement.
            if (nowCounts && !c.before().finding().readers().containsAll(a.finding().readers())) return true;
            // ... and so is one that now needs less: no order, no opt-in.
            if (nowCounts && a.finding().condition() != null && c.before().finding().condition() != null
                    && a.finding().condition().ordinal() < c.before().finding().condition().ordinal()) return true;
        }
        return false;
    }

    public boolean empty() {
        return introduced.isEmpty() && changed.isEmpty() && superseded.isEmpty() && removed.isEmpty() && uncovered.isEmpty()
                && gainedReaders.isEmpty() && widened.isEmpty() && lostReaders.isEmpty() && features.isEmpty() && objectives.isEmpty()
                && safeguardsAdded.isEmpty() && safeguardsRemoved.isEmpty() && safeguardsNowRelevant.isEmpty()
                && safeguardsNoLongerRelevant.isEmpty();
    }
}
