package org.e2eereview.assess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

import org.e2eereview.catalog.Catalog;
import org.e2eereview.catalog.Entries.Binding;
import org.e2eereview.catalog.Entries.Proposal;
import org.e2eereview.catalog.Entries.SafetyFeature;
import org.e2eereview.catalog.Preserves;
import org.e2eereview.diff.ReviewDiff;
import org.e2eereview.load.InputException;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.load.Problem;
import org.e2eereview.load.YamlPatch;
import org.e2eereview.model.Location;
import org.e2eereview.model.Model;
import org.e2eereview.review.ObjectiveAssessment;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewed;
import org.e2eereview.review.Reviewer;

/**
 * Applies lawful-access proposals from the catalog to a team's model and reviews each result
 * against the review of the model as it is. Nothing is argued: each answer is a review.
 */
public final class Assessor {

    private final Reviewer reviewer;
    private final Catalog catalog;

    public Assessor(Reviewer reviewer) {
        this.reviewer = reviewer;
        this.catalog = reviewer.rules().catalog();
    }

    /** The review of the model as it is, and one assessment per proposal (all of them when none are named). */
    public record Result(Review original, List<Assessment> assessments) {
    }

    public Result assess(Path file, List<String> proposalIds) throws InputException {
        return assess(file, proposalIds, null);
    }

    /**
     * As {@link #assess(Path, List)}, handing each assessment to {@code each} (with the review of the
     * model as it is) as soon as it is made; the result then keeps every assessment without its patched
     * review. A large model's review takes hundreds of megabytes: this way at most two are held at once,
     * not one per proposal, and whatever a report needs from a patched review is taken from it in
     * {@code each}.
     */
    public Result assess(Path file, List<String> proposalIds, BiConsumer<Review, Assessment> each) throws InputException {
        List<Proposal> proposals = select(proposalIds);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(List.of(new Problem(new Location(file.toString(), 0, 0),
                    "cannot read: " + e.getMessage())));
        }
        int threads = each == null ? 1 : Math.min(2, Runtime.getRuntime().availableProcessors());
        // The file's tree, which every proposal patches, is kept as the model is read: the file is scanned once.
        ModelLoader.Parsed parsed = new ModelLoader().parseKeepingTree(file.toString(), bytes);
        Model model = parsed.model();
        ModelLoader.Base base = parsed.base();
        if (threads < 2) {
            keepWhatPatchesGoInto(proposals, model, base);
            Review original = reviewer.review(model);
            ReviewDiff.Design design = new ReviewDiff.Design(original);
            List<Assessment> out = new ArrayList<>();
            for (Proposal p : proposals) out.add(handOver(assess(p, base, model, () -> design), original, each));
            return new Result(original, out);
        }
        // Two threads: while one reviews the design as it is, the other reviews the first proposal, which waits
        // for the design's review only to be compared with it. Each proposal is handed over here, in order, and
        // the next started only when one is: at most two patched reviews are held at once.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "e2ee-review: assess");
            t.setDaemon(true);
            return t;
        });
        try {
            java.util.concurrent.Future<ReviewDiff.Design> reviewed = pool.submit(() -> new ReviewDiff.Design(reviewer.review(model)));
            keepWhatPatchesGoInto(proposals, model, base);
            Later<ReviewDiff.Design> design = () -> await(reviewed);
            java.util.ArrayDeque<java.util.concurrent.Future<Assessment>> window = new java.util.ArrayDeque<>();
            int next = 0;
            List<Assessment> out = new ArrayList<>();
            while (next < proposals.size() || !window.isEmpty()) {
                while (next < proposals.size() && window.size() < threads) {
                    Proposal p = proposals.get(next++);
                    window.add(pool.submit(() -> assess(p, base, model, design)));
                }
                // The design's own problems, if any, are the ones to report, as when it was reviewed first.
                Review original = design.get().review();
                out.add(handOver(await(window.poll()), original, each));
            }
            return new Result(design.get().review(), out);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Makes the file's tree keep only the elements some proposal's patch goes into: the rest are taken as
     * they were read. Only each patch's keys are bound here; the whole patch is bound when it is applied:
     * a bound patch of a large design is a tree of its own, and eight held at once outweighed what this
     * lets go.
     */
    private static void keepWhatPatchesGoInto(List<Proposal> proposals, Model model, ModelLoader.Base base) {
        Map<String, Set<String>> entries = new java.util.HashMap<>();
        for (Proposal p : proposals) {
            Bindings b = bindings(p, model);
            if (b.notApplicable() != null) continue;
            p.patch().entries(b.ids(), b.narrowed()).forEach((k, v) -> entries.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
        }
        base.keepOnly(entries);
    }

    /** A value made on another thread, waited for where it is needed, with what went wrong there thrown here. */
    @FunctionalInterface
    interface Later<T> {
        T get() throws InputException;
    }

    private static Assessment handOver(Assessment a, Review original, BiConsumer<Review, Assessment> each) {
        if (each == null) return a;
        each.accept(original, a);
        return a.withoutPatched();
    }

    /** What was made on another thread, with what went wrong there thrown here as it was. */
    private static <T> T await(java.util.concurrent.Future<T> f) throws InputException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while assessing", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof InputException x) throw x;
            if (e.getCause() instanceof RuntimeException x) throw x;
            if (e.getCause() instanceof Error x) throw x;
            throw new IllegalStateException(e.getCause());
        }
    }

    private List<Proposal> select(List<String> ids) throws InputException {
        if (ids.isEmpty()) return List.copyOf(catalog.proposals().values());
        List<Proposal> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String id : ids) {
            Proposal p = catalog.proposals().get(id);
            if (p == null) {
                problems.add(new Problem(new Location("--proposal", 0, 0), "unknown proposal '" + id + "': known are "
                        + String.join(", ", catalog.proposals().keySet())));
            } else {
                out.add(p);
            }
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return out;
    }

    /**
     * A proposal's patch bound to a design's elements, or why it cannot apply to the design.
     *
     * @param patch null when it does not apply
     */
    record Bound(YamlPatch patch, String notApplicable, Map<String, List<String>> bindings) {
    }

    static Bound bind(Proposal p, Model model) {
        Bindings b = bindings(p, model);
        if (b.notApplicable() != null) return new Bound(null, b.notApplicable(), b.ids());
        try {
            return new Bound(p.patch().bind(b.ids(), b.narrowed()), null, b.ids());
        } catch (InputException e) {
            String several = p.patch().boundToSeveral(b.ids(), b.narrowed());
            return new Bound(null, several == null ? "the proposal's patch does not fit this design: " + e.problems().get(0)
                    : several(several, b.ids().get(several), model), b.ids());
        }
    }

    /**
     * Why a patch written for one element of a kind cannot take the several a design has, in the words a submission
     * prints: "placeholder '$provider' needs one id here, but 2 are bound", with the catalog file's line, reached a
     * submission's first page.
     */
    private static String several(String placeholder, List<String> ids, Model model) {
        List<String> names = ids.stream().map(id -> {
            var party = model.parties().get(id);
            if (party != null && party.name() != null) return party.name();
            var component = model.components().get(id);
            return component != null && component.name() != null ? component.name() : id;
        }).toList();
        return "it is written for a design with one " + placeholder.replace('-', ' ') + ", and this one has " + names.size()
                + " (" + String.join(", ", names) + ")";
    }

    /** The design's elements a proposal's placeholders stand for, or why it does not apply (then null). */
    private record Bindings(Map<String, List<String>> ids, Map<String, YamlPatch.Narrowed> narrowed, String notApplicable) {
    }

    private static Bindings bindings(Proposal p, Model model) {
        Map<String, List<String>> bindings = new LinkedHashMap<>();
        Map<String, YamlPatch.Narrowed> narrowed = new LinkedHashMap<>();
        for (Binding b : p.binds()) {
            List<String> ids = Selection.of(b.select(), model);
            if (ids.isEmpty() && b.otherwise() != null) ids = List.of(b.otherwise());
            if (ids.isEmpty() && b.required() != null) return new Bindings(bindings, narrowed, b.required());
            bindings.put(b.as(), ids);
        }
        // Once all are bound: a provider is narrowed on the clients bound after it (the one that supplies each).
        for (Binding b : p.binds()) {
            if (b.on() == null) continue;
            narrowed.put(b.as(), new YamlPatch.Narrowed(b.on(), Selection.on(b.select(), bindings.get(b.as()), bindings.get(b.on()), model)));
        }
        return new Bindings(bindings, narrowed, null);
    }

    /** Applies one proposal; a design it does not fit gets the reason, not an error. */
    Assessment assess(Proposal p, ModelLoader.Base base, Model model, Later<ReviewDiff.Design> design) throws InputException {
        Bound bound = bind(p, model);
        Map<String, List<String>> bindings = bound.bindings();
        if (bound.patch() == null) return notApplicable(p, bound.notApplicable(), bindings);
        YamlPatch patch = bound.patch();
        Model patchedModel;
        try {
            patchedModel = new ModelLoader().parse(base, List.of(patch));
        } catch (InputException e) {
            return notApplicable(p, "the patch does not fit this model: " + e.problems().get(0), bindings);
        }
        Review patched = reviewer.reviewToCompare(patchedModel);
        return compare(p, bindings, design.get(), patched);
    }

    private Assessment notApplicable(Proposal p, String why, Map<String, List<String>> bindings) {
        return new Assessment(p, why, bindings, null, List.of(), List.of(), List.of(), List.of(), Map.of(), List.of(), List.of(),
                List.of(), alternatives(p, null), List.of());
    }

    private Assessment compare(Proposal p, Map<String, List<String>> bindings, ReviewDiff.Design design, Review after) {
        ReviewDiff d = design.diff(after);
        Review before = d.before();
        Set<String> found = new HashSet<>();
        for (Reviewed r : after.weakenings()) found.add(r.finding().catalog());
        List<String> missing = p.weakenings().stream().filter(w -> !found.contains(w)).toList();
        List<Assessment.ObjectiveChange> objectives = new ArrayList<>();
        for (String o : p.claims()) {
            objectives.add(new Assessment.ObjectiveChange(o, catalog.objectives().get(o).title(),
                    objective(before, o), objective(after, o)));
        }
        return new Assessment(p, null, bindings, after, d.gainedReaders(), d.widened(), d.introduced(),
                d.changed().stream().map(ReviewDiff.Change::after).toList(), d.superseded(),
                d.removed().stream().map(r -> r.finding().id()).toList(), missing, objectives,
                alternatives(p, before), d.safeguardsRemoved());
    }

    private static ObjectiveAssessment objective(Review r, String id) {
        return r.objectives().stream().filter(o -> o.objective().equals(id)).findFirst().orElse(null);
    }

    /** Catalog features that serve a claimed objective and always preserve end-to-end encryption. */
    private List<Assessment.Alternative> alternatives(Proposal p, Review design) {
        List<Assessment.Alternative> out = new ArrayList<>();
        for (SafetyFeature f : catalog.safetyFeatures().values()) {
            if (f.preservesE2ee() != Preserves.YES) continue;
            List<String> serves = f.objectives().stream().filter(p.claims()::contains).toList();
            if (serves.isEmpty()) continue;
            List<String> inDesign = design == null ? List.of() : design.safetyFeatures().stream()
                    .map(Reviewed::finding).filter(x -> Objects.equals(x.catalog(), f.id())).map(x -> x.id()).toList();
            out.add(new Assessment.Alternative(f.id(), f.title(), serves, inDesign));
        }
        return out;
    }
}
