package org.e2eereview.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.e2eereview.model.Component;
import org.e2eereview.model.Conversation;
import org.e2eereview.model.Data;
import org.e2eereview.model.Flow;
import org.e2eereview.model.Key;
import org.e2eereview.model.Model;
import org.e2eereview.rules.RuleEngine.Miss;
import org.e2eereview.rules.RuleEngine.Unrecognised;

/**
 * Remarks on a model that valid YAML can still get wrong, found at review time: each points at the
 * line to look at. They do not change the verdict.
 */
final class Notes {

    private Notes() {
    }

    /** The notes on what the rules found, added to those on the model alone; sorted by place. */
    static List<Review.Note> of(List<Review.Note> ofModel, List<Unrecognised> unrecognised) {
        List<Review.Note> out = new ArrayList<>(ofModel);
        for (Unrecognised u : unrecognised) {
            String why = u.misses().isEmpty()
                    ? "no safety-feature rule looks at features of kind " + u.kind() + " on their own"
                    : String.join("; ", u.misses().stream().map(Notes::miss).toList());
            out.add(new Review.Note(u.at(), "feature '" + u.feature() + "' (" + u.kind()
                    + ") is not recognised as a safety feature: " + why));
        }
        out.sort(java.util.Comparator.comparing(Review.Note::at).thenComparing(Review.Note::message));
        return List.copyOf(out);
    }

    /** The notes that depend on the model alone, in no particular order: made while the model is analysed. */
    static List<Review.Note> ofModel(Model model) {
        List<Review.Note> out = new ArrayList<>();
        flowsFromNowhere(model, out);
        for (Conversation c : model.conversations().values()) {
            // Members are kinds of people (employees, customers), each party standing for many: a one-to-one chat
            // names one or two. Three read as a group written as one-to-one, where nobody could be added.
            if (c.kind() == Conversation.Kind.ONE_TO_ONE && c.members().size() > 2) {
                out.add(new Review.Note(c.source().of("members"), "conversation '" + c.id() + "' is one-to-one but names "
                        + c.members().size() + " member parties: a one-to-one chat is between two people, so name the "
                        + "kinds of people at its two ends (or one party for both), or make it a group"));
            }
            Conversation.Membership m = c.membership();
            if (m == null || m.deviceKeysFrom() == null) continue;
            Component d = model.components().get(m.deviceKeysFrom());
            if (d.kind() != Component.Kind.KEY_DIRECTORY) {
                out.add(new Review.Note(m.source().of("device-keys-from"), "device-keys-from of conversation '"
                        + c.id() + "' names '" + d.id() + "', a " + d.kind().yamlName() + ", not a key-directory: "
                        + "key substitution is judged against it, but it cannot declare key transparency"));
            }
        }
        // A guess limit kept by one component, and a wrapped copy on another: whoever holds that copy can guess offline,
        // unless opening it also needs the first. A newcomer wrote the copy on ordinary storage and the limit was credited.
        for (Key k : model.keys().values()) {
            Key.Recovery r = k.recovery();
            if (r == null || r.enforcedBy() == null || !r.secret().guessable()) continue;
            // Other guess-limiting hardware is not ordinary storage: three enclaves each keeping a share count guesses alike.
            List<String> elsewhere = r.storedOn().stream().filter(c -> !c.equals(r.enforcedBy())).filter(c -> {
                Component.Kind kind = model.components().get(c).kind();
                return kind != Component.Kind.HSM && kind != Component.Kind.ENCLAVE;
            }).toList();
            if (elsewhere.isEmpty()) continue;
            out.add(new Review.Note(r.source().of("stored-on"), "key '" + k.id() + "' is recovered from a "
                    + r.secret().yamlName() + " whose guesses '" + r.enforcedBy() + "' limits, but a wrapped copy is also on '"
                    + String.join("', '", elsewhere) + "': the limit is credited only if opening that copy needs '"
                    + r.enforcedBy() + "' too; if it does not, write the copy as a separate key recovered without enforced-by"));
        }
        for (Flow f : model.flows().values()) {
            if (f.relay() == null) continue;
            Component relay = model.components().get(f.relay());
            Component to = model.components().get(f.to());
            if (f.relay().equals(f.to()) || f.relay().equals(f.from())) {
                out.add(new Review.Note(f.source().of("relay"), "flow '" + f.id() + "' names '" + f.relay()
                        + "' as its relay, but that is one of its ends: a relay sits between them"));
            } else if (relay.runBy().equals(to.runBy())) {
                out.add(new Review.Note(f.source().of("relay"), "flow '" + f.id() + "' passes relay '" + f.relay()
                        + "', run by " + relay.runBy() + ", which also runs '" + f.to() + "': one party sees both who "
                        + "sends and what, so the relay separates nothing"));
            }
        }
        return out;
    }

    private interface Put {
        void at(String component, String item, boolean inClear);
    }

    private static String miss(Miss m) {
        return m.rule() + " needs " + m.failed();
    }

    /**
     * A flow whose source never has what it carries: not created, stored or received there, nor made
     * there from what it has in readable form (a summary derived from, or holding, messages that reach
     * an assistant over transport encryption; not a backup of messages that pass a relay end to end).
     * What a component has spreads along flows, into what it contains, and to data made from what it
     * reads, with a work list, so each component and item is taken once per form.
     */
    private static void flowsFromNowhere(Model model, List<Review.Note> out) {
        Map<String, Set<String>> at = new HashMap<>();
        Map<String, Set<String>> clear = new HashMap<>();
        Map<String, Map<String, List<Flow>>> carrying = new HashMap<>(); // by source component, then item
        Map<String, List<Data>> madeFrom = new HashMap<>();
        for (Flow f : model.flows().values()) {
            Map<String, List<Flow>> from = carrying.computeIfAbsent(f.from(), x -> new HashMap<>());
            for (String item : f.carries()) from.computeIfAbsent(item, x -> new ArrayList<>()).add(f);
        }
        for (Data d : model.data().values()) {
            for (String src : d.derivedFrom()) madeFrom.computeIfAbsent(src, x -> new ArrayList<>()).add(d);
            for (String src : d.contains()) madeFrom.computeIfAbsent(src, x -> new ArrayList<>()).add(d);
        }
        java.util.ArrayDeque<String> components = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<String> items = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Boolean> readable = new java.util.ArrayDeque<>();
        Put put = (component, item, inClear) -> {
            boolean added = at.computeIfAbsent(component, x -> new HashSet<>()).add(item);
            if (inClear) added |= clear.computeIfAbsent(component, x -> new HashSet<>()).add(item);
            if (added) {
                components.add(component);
                items.add(item);
                readable.add(inClear);
            }
        };
        for (Data d : model.data().values()) for (String c : d.createdOn()) put.at(c, d.id(), true);
        for (Key k : model.keys().values()) {
            for (String c : k.storedOn()) put.at(c, k.id(), true);
            if (k.generatedOn() != null) put.at(k.generatedOn(), k.id(), true);
            if (k.recovery() != null) for (String c : k.recovery().storedOn()) put.at(c, k.id(), true);
        }
        while (!components.isEmpty()) {
            String component = components.poll();
            String item = items.poll();
            boolean inClear = readable.poll();
            for (Flow f : carrying.getOrDefault(component, Map.of()).getOrDefault(item, List.of())) {
                put.at(f.to(), item, inClear && f.protection() != Flow.Protection.END_TO_END);
            }
            Data d = model.data().get(item);
            if (d == null) continue;
            for (String inner : d.contains()) put.at(component, inner, inClear);
            List<Data> made = madeFrom.get(item);
            if (made == null || !inClear) continue;
            Set<String> here = clear.get(component);
            for (Data m : made) {
                if (here.containsAll(m.derivedFrom()) && here.containsAll(m.contains())) put.at(component, m.id(), true);
            }
        }
        for (Flow f : model.flows().values()) {
            Set<String> from = at.getOrDefault(f.from(), Set.of());
            for (String item : f.carries()) {
                if (from.contains(item)) continue;
                out.add(new Review.Note(f.source().of("carries"), "flow '" + f.id() + "' carries '" + item
                        + "' from '" + f.from() + "', but nothing puts it there: it is not created or stored on '"
                        + f.from() + "' and no flow brings it"));
            }
        }
    }
}
