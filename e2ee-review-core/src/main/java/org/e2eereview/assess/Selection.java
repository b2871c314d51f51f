package org.e2eereview.assess;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.e2eereview.catalog.Selector;
import org.e2eereview.model.Component;
import org.e2eereview.model.Conversation;
import org.e2eereview.model.Data;
import org.e2eereview.model.Flow;
import org.e2eereview.model.Key;
import org.e2eereview.model.Model;
import org.e2eereview.model.Party;

/** What each {@link Selector} picks out of a model, in model order. */
final class Selection {

    private Selection() {
    }

    static List<String> of(Selector selector, Model m) {
        // Clients, servers, conversations and authorities are those of any provider; only $provider itself narrows.
        Set<String> providers = new HashSet<>(allProviders(m));
        return switch (selector) {
            case PROVIDERS -> providers(m);
            case PROVIDER_CLIENTS -> clients(m, providers);
            case CLIENT_SUPPLIERS -> clients(m, providers).stream().map(c -> supplier(m.components().get(c))).distinct().toList();
            case PROVIDER_APPS -> clients(m, providers).stream()
                    .filter(c -> m.components().get(c).kind() == Component.Kind.CLIENT).toList();
            case PROVIDER_SERVERS -> m.components().values().stream()
                    .filter(c -> c.kind() == Component.Kind.SERVER && providers.contains(c.runBy()))
                    .map(Component::id).toList();
            case MANAGED_CONVERSATIONS -> m.conversations().values().stream()
                    .filter(c -> c.endToEnd().available()
                            && c.kind() != Conversation.Kind.ONE_TO_ONE && c.kind() != Conversation.Kind.EMAIL
                            && c.membership() != null && c.membership().managedBy() != null
                            && providers.contains(m.components().get(c.membership().managedBy()).runBy()))
                    .map(Conversation::id).toList();
            case ENCRYPTED_CONVERSATIONS -> encrypted(m).stream().map(Conversation::id).toList();
            case MESSAGE_CONTENT -> content(m).stream().filter(d -> MESSAGES.contains(m.data().get(d).kind())).toList();
            case CALL_MEDIA -> content(m).stream().filter(d -> m.data().get(d).kind() == Data.Kind.CALL_MEDIA).toList();
            case CONVERSATION_CONTENT -> content(m).stream().filter(d -> !m.data().get(d).kind().metadata()).toList();
            case CONTENT_KEYS -> {
                Set<String> content = content(m);
                yield m.keys().values().stream().filter(k -> k.protects().stream().anyMatch(content::contains))
                        .map(Key::id).toList();
            }
            case DEVICE_MAKERS -> m.parties().values().stream().filter(p -> p.kind() == Party.Kind.OS_VENDOR)
                    .map(Party::id).toList();
            case AUTHORITIES -> {
                Set<String> operators = operators(m, providers);
                yield m.parties().values().stream()
                        .filter(p -> (p.kind() == Party.Kind.LAW_ENFORCEMENT || p.kind() == Party.Kind.INTELLIGENCE_AGENCY)
                                && p.lawfulAccess() != null
                                && p.lawfulAccess().compels().stream().anyMatch(operators::contains))
                        .map(Party::id).toList();
            }
        };
    }

    /**
     * For each component, of the data ids, those on it: created on it, carried by a flow to or from
     * it, or content of a conversation a member of which runs it. A client holds its users' messages,
     * not every user's, so what a proposal puts on each client must hold only those.
     */
    static Map<String, List<String>> on(Selector selector, List<String> data, List<String> components, Model m) {
        if (selector == Selector.PROVIDERS) return suppliers(data, components, m);
        Map<String, Set<String>> here = new HashMap<>();
        for (String c : components) here.put(c, new HashSet<>());
        for (Data d : m.data().values()) {
            for (String c : d.createdOn()) if (here.containsKey(c)) here.get(c).add(d.id());
        }
        for (Flow f : m.flows().values()) {
            if (here.containsKey(f.from())) here.get(f.from()).addAll(f.carries());
            if (here.containsKey(f.to())) here.get(f.to()).addAll(f.carries());
        }
        Map<String, List<String>> byRunner = new HashMap<>();
        for (String c : components) {
            Component component = m.components().get(c);
            if (component != null && component.runBy() != null) {
                byRunner.computeIfAbsent(component.runBy(), r -> new ArrayList<>()).add(c);
            }
        }
        for (Conversation conversation : m.conversations().values()) {
            for (String member : conversation.members()) {
                for (String c : byRunner.getOrDefault(member, List.of())) here.get(c).addAll(conversation.content());
            }
        }
        // In the order of the data given, found from each component's own few, not by scanning all.
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < data.size(); i++) order.putIfAbsent(data.get(i), i);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String c : components) {
            out.put(c, here.get(c).stream().filter(order::containsKey).sorted(java.util.Comparator.comparing(order::get))
                    .toList());
        }
        return out;
    }

    /**
     * For each component, of the party ids, the one that supplies it (else the one that runs it): a proposal's backup
     * service per provider takes the backups of the clients that provider supplies, not another's. A client none of
     * them supplies or runs (a contractor's app) is taken to be all of theirs.
     */
    private static Map<String, List<String>> suppliers(List<String> parties, List<String> components, Model m) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String c : components) {
            Component component = m.components().get(c);
            String by = component == null ? null
                    : parties.contains(component.suppliedBy()) ? component.suppliedBy()
                    : parties.contains(component.runBy()) ? component.runBy() : null;
            out.put(c, by == null ? parties : List.of(by));
        }
        return out;
    }

    /**
     * The clients a proposal puts its part on: those a provider supplies; where it supplies none, the users' clients
     * whose code another party the model names supplies (a ministry's app built by a contractor). Five proposals said
     * a newcomer's ministry messenger had "no client whose code the provider supplies" and did not apply.
     */
    private static List<String> clients(Model m, Set<String> providers) {
        List<Component> all = m.components().values().stream()
                .filter(c -> c.kind() == Component.Kind.CLIENT || c.kind() == Component.Kind.WEB_CLIENT).toList();
        List<String> supplied = all.stream().filter(c -> providers.contains(supplier(c))).map(Component::id).toList();
        if (!supplied.isEmpty() || providers.isEmpty()) return supplied;
        return all.stream().filter(c -> {
            Party runner = m.parties().get(c.runBy());
            Party supplier = m.parties().get(supplier(c));
            return runner != null && runner.kind() == Party.Kind.USER && supplier != null && supplier.kind() != Party.Kind.USER;
        }).map(Component::id).toList();
    }

    /**
     * Whom an authority over the service compels: a provider, or a party that runs the servers or supplies the clients
     * of the service (a hospital running its own messaging servers). Police that could compel only the hospital were
     * not bound, and a proposal's reports went to another country's authorities that compel the app's vendor.
     */
    private static Set<String> operators(Model m, Set<String> providers) {
        Set<String> out = new HashSet<>(providers);
        for (Component c : m.components().values()) {
            if (c.kind() == Component.Kind.CLIENT || c.kind() == Component.Kind.WEB_CLIENT) {
                if (c.suppliedBy() != null) out.add(c.suppliedBy());
            } else if (c.kind() == Component.Kind.SERVER && c.runBy() != null) {
                out.add(c.runBy());
            }
        }
        out.removeIf(p -> m.parties().get(p) == null || m.parties().get(p).kind() == Party.Kind.USER);
        return out;
    }

    private static String supplier(Component c) {
        return c.suppliedBy() != null ? c.suppliedBy() : c.runBy();
    }

    /** What members write and send, as opposed to call media, counters and metadata. */
    private static final Set<Data.Kind> MESSAGES = java.util.EnumSet.of(Data.Kind.MESSAGE_CONTENT, Data.Kind.ATTACHMENT,
            Data.Kind.LINK, Data.Kind.LINK_PREVIEW);

    /**
     * The providers, or where several are and only some supply or run a client, those: a design that also names its
     * hosting partner a provider had every proposal written for one provider refused as not fitting it.
     */
    private static List<String> providers(Model m) {
        List<String> all = allProviders(m);
        if (all.size() < 2) return all;
        Set<String> withClients = new HashSet<>();
        for (Component c : m.components().values()) {
            if (c.kind() != Component.Kind.CLIENT && c.kind() != Component.Kind.WEB_CLIENT) continue;
            withClients.add(supplier(c));
        }
        List<String> some = all.stream().filter(withClients::contains).toList();
        return some.isEmpty() ? all : some;
    }

    private static List<String> allProviders(Model m) {
        return m.parties().values().stream().filter(p -> p.kind() == Party.Kind.PROVIDER).map(Party::id).toList();
    }

    private static List<Conversation> encrypted(Model m) {
        return m.conversations().values().stream().filter(c -> c.endToEnd().available()).toList();
    }

    private static Set<String> content(Model m) {
        Set<String> out = new LinkedHashSet<>();
        for (Conversation c : encrypted(m)) out.addAll(c.content());
        return out;
    }
}
