package org.e2eereview.assess;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.e2eereview.catalog.Entries.Proposal;
import org.e2eereview.diff.ReviewDiff;
import org.e2eereview.load.InputException;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.load.Problem;
import org.e2eereview.load.YamlPatch;
import org.e2eereview.model.Conversation;
import org.e2eereview.model.Location;
import org.e2eereview.model.Model;
import org.e2eereview.model.Safeguard;
import org.e2eereview.review.Review;
import org.e2eereview.review.Reviewer;

/**
 * A design as a meeting asks about it: some catalogued proposals adopted, some declared safeguards
 * given up, some conversations' end-to-end default flipped. Each change is a patch on the model as
 * written, as {@code assess} applies a proposal, and the result is reviewed by the same reviewer and
 * compared with the design as written by the same diff.
 *
 * @param proposals      catalog proposal ids to adopt
 * @param without        safeguard names (as models spell them) to give up wherever the design declares them
 * @param flipped        conversations whose end-to-end default is turned the other way
 */
public record WhatIf(List<String> proposals, List<String> without, List<String> flipped) {

    /** The file name evidence from the meeting's own changes points at. */
    public static final String FILE = "what-if";

    public WhatIf {
        proposals = List.copyOf(new LinkedHashSet<>(proposals));
        without = List.copyOf(new LinkedHashSet<>(without));
        flipped = List.copyOf(new LinkedHashSet<>(flipped));
    }

    public boolean isEmpty() {
        return proposals.isEmpty() && without.isEmpty() && flipped.isEmpty();
    }

    /**
     * @param changed        the review of the changed design; the original when nothing applied
     * @param diff           what changed against the design as written
     * @param notApplicable  each asked-for change that does not fit this design, with why
     */
    public record Result(Review original, Review changed, ReviewDiff diff, List<String> notApplicable) {
    }

    /** The safeguards this design declares, which a what-if can give up, by name, in the order Safeguard lists them. */
    public static List<String> switchable(Review review) {
        return GivingUp.declared(review.model()).stream().map(Safeguard::yamlName).toList();
    }

    /**
     * Reviews the design with the changes applied to the text the original review's model was read from:
     * the file is not read again.
     *
     * @throws InputException for an id the catalog or the model does not know
     */
    public Result apply(Reviewer reviewer, Review original) throws InputException {
        Model model = original.model();
        List<YamlPatch> patches = new ArrayList<>();
        List<String> notApplicable = new ArrayList<>();
        List<Problem> unknown = new ArrayList<>();
        for (String id : proposals) {
            Proposal p = reviewer.rules().catalog().proposals().get(id);
            if (p == null) {
                unknown.add(problem("unknown proposal '" + id + "': known are "
                        + String.join(", ", reviewer.rules().catalog().proposals().keySet())));
                continue;
            }
            Assessor.Bound bound = Assessor.bind(p, model);
            if (bound.patch() == null) notApplicable.add(id + ": " + bound.notApplicable());
            else patches.add(bound.patch());
        }
        List<String> own = new ArrayList<>();
        Set<Safeguard> off = EnumSet.noneOf(Safeguard.class);
        List<Safeguard> declared = GivingUp.declared(model);
        List<String> names = Arrays.stream(Safeguard.values()).map(Safeguard::yamlName).toList();
        for (String name : without) {
            Safeguard s = names.contains(name) ? Safeguard.values()[names.indexOf(name)] : null;
            if (s == null) {
                unknown.add(problem("unknown safeguard '" + name + "': known are " + String.join(", ", names)));
            } else if (!declared.contains(s)) {
                notApplicable.add(name + ": the design does not declare it");
            } else {
                off.add(s);
            }
        }
        own.addAll(GivingUp.patches(model, off));
        for (String id : flipped) {
            Conversation c = model.conversations().get(id);
            if (c == null) {
                unknown.add(problem("unknown conversation '" + id + "'"));
                continue;
            }
            own.add("conversations: {" + GivingUp.q(id) + ": {end-to-end: {default: " + !c.endToEnd().byDefault() + "}}}");
        }
        if (!unknown.isEmpty()) throw new InputException(unknown);
        for (String line : own) patches.add(YamlPatch.read(FILE, line.getBytes(StandardCharsets.UTF_8), null));
        if (patches.isEmpty()) return new Result(original, original, ReviewDiff.of(original, original), List.copyOf(notApplicable));
        Model changed = new ModelLoader().parse(model, patches);
        Review after = reviewer.review(changed);
        return new Result(original, after, ReviewDiff.of(original, after), List.copyOf(notApplicable));
    }

    private static Problem problem(String message) {
        return new Problem(new Location(FILE, 0, 0), message);
    }
}
