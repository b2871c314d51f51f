package org.e2eereview.assess;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.e2eereview.analysis.Safeguarded;
import org.e2eereview.catalog.Entries.Proposal;
import org.e2eereview.diff.ReviewDiff;
import org.e2eereview.load.InputException;
import org.e2eereview.load.ModelLoader;
import org.e2eereview.load.Problem;
import org.e2eereview.load.YamlPatch;
import org.e2eereview.model.Conversation;
import org.e2eereview.model.Location;
import org.e2eereview.model.Model;
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

    /** The safeguards this design declares that a what-if can give up, by name, in the review's order. */
    public static List<String> switchable(Review review) {
        Set<String> out = new LinkedHashSet<>();
        for (Safeguarded s : review.safeguards()) if (patch(s, review.model()) != null) out.add(s.name());
        return List.copyOf(out);
    }

    /**
     * Reviews the design with the changes applied.
     *
     * @param source   the model's text, as the original review read it: the file is not read again
     * @throws InputException for an id the catalog or the model does not know
     */
    public Result apply(Reviewer reviewer, Review original, byte[] source) throws InputException {
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
        StringBuilder own = new StringBuilder();
        for (String name : without) {
            List<String> parts = original.safeguards().stream().filter(s -> s.name().equals(name))
                    .map(s -> patch(s, model)).filter(x -> x != null).distinct().toList();
            if (parts.isEmpty()) notApplicable.add(name + ": the design declares no such safeguard that can be given up");
            parts.forEach(x -> own.append(x).append('\n'));
        }
        for (String id : flipped) {
            Conversation c = model.conversations().get(id);
            if (c == null) {
                unknown.add(problem("unknown conversation '" + id + "'"));
                continue;
            }
            own.append("- conversations: {").append(q(id)).append(": {end-to-end: {default: ")
                    .append(!c.endToEnd().byDefault()).append("}}}\n");
        }
        if (!unknown.isEmpty()) throw new InputException(unknown);
        if (!own.isEmpty()) {
            for (String line : own.toString().split("\n")) {
                patches.add(YamlPatch.read(FILE, line.substring(2).getBytes(StandardCharsets.UTF_8), null));
            }
        }
        if (patches.isEmpty()) return new Result(original, original, ReviewDiff.of(original, original), notApplicable);
        Model changed = new ModelLoader().parse(model.file(), source, patches);
        Review after = reviewer.review(changed);
        return new Result(original, after, ReviewDiff.of(original, after), List.copyOf(notApplicable));
    }

    /** One flow-style patch that gives up this safeguard where it is declared, or null if there is none. */
    private static String patch(Safeguarded s, Model m) {
        String e = q(s.element());
        String membership = "- conversations: {" + e + ": {membership: {";
        return switch (s.safeguard()) {
            case MEMBER_SIGNED_CHANGES -> membership + "signed-by-members: false}}}";
            case SIGNED_DEVICE_LISTS -> membership + "device-list-signed: false}}}";
            case VERIFIED_DEVICES_ONLY, UNVERIFIED_DEVICE_WARNINGS -> membership + "unverified-devices: share}}}";
            case USER_VISIBLE_INDICATORS -> switch (s.route()) {
                case ADDS_MEMBER -> membership + "changes-shown: suppressible}}}";
                case ADDS_DEVICE -> membership + "device-changes-shown: suppressible}}}";
                // Flows are a list in the model, which a patch cannot address one by one.
                default -> m.keys().containsKey(s.element()) ? "- keys: {" + e + ": {shown-to-members: false}}" : null;
            };
            case KEY_TRANSPARENCY -> {
                Conversation c = m.conversations().get(s.element());
                String directory = c == null || c.membership() == null ? null : c.membership().deviceKeysFrom();
                yield directory == null ? null : "- components: {" + q(directory) + ": {transparency: none}}";
            }
            default -> null;
        };
    }

    private static String q(String id) {
        return "\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Problem problem(String message) {
        return new Problem(new Location(FILE, 0, 0), message);
    }
}
