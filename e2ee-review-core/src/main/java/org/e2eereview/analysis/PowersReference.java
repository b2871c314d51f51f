package org.e2eereview.analysis;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.e2eereview.model.Party;

/**
 * The table of powers in docs/model.md, made from what the analysis does with each power (the routes
 * by which readings and held keys pass to the authority), so that the two cannot drift apart.
 */
public final class PowersReference {

    public static final String BEGIN = "<!-- BEGIN GENERATED POWERS: do not edit by hand; see FormatDocsTest -->";
    public static final String END = "<!-- END GENERATED POWERS -->";

    private PowersReference() {
    }

    /** What else a route needs besides the power, per power. */
    private static final Map<Party.Power, String> NEEDS = Map.of(
            Party.Power.DATA_DISCLOSURE, "the compelled party to have it in readable form: on a component it runs, "
                    + "by a key it holds or recovers, from a feature's results or a member's report",
            Party.Power.KEY_DISCLOSURE, "the compelled party to hold or be able to recover the key; what the key opens "
                    + "is then read as any key holder reads it. A key the compelled party would get only by "
                    + "shipping a modified client needs targeted-update",
            Party.Power.DECRYPTION, "data for the compelled party to decrypt: the authority brings it (write how it "
                    + "reaches the compelled party, e.g. a flow from a seized device with `occurs: with-device`)",
            Party.Power.ADD_PARTICIPANT, "a component of the compelled party that keeps the member list, the device "
                    + "lists or the key directory, with no safeguard that prevents the change",
            Party.Power.TARGETED_UPDATE, "a client the compelled party supplies whose updates can reach chosen users "
                    + "(`updates.per-user-targeting`, or a web client)",
            Party.Power.TECHNICAL_CAPABILITY, "nothing further: the compelled party can be required to build what "
                    + "is missing, a new enclave image included");

    private static final Map<Party.Power, String> GIVES = Map.of(
            Party.Power.DATA_DISCLOSURE, "what the compelled party reads, as readings of the authority",
            Party.Power.KEY_DISCLOSURE, "the keys themselves: the authority then holds them",
            Party.Power.DECRYPTION, "what those keys open, decrypted for it, as readings; never the keys",
            Party.Power.ADD_PARTICIPANT, "a member, a device or a swapped key of its choosing in a conversation",
            Party.Power.TARGETED_UPDATE, "what a modified client reads and holds, keys included, for the users chosen",
            Party.Power.TECHNICAL_CAPABILITY, "everything the compelled party could do by any route, keys included");

    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| power | gives the authority | by the compelled party's routes | a route still needs |\n");
        out.append("|---|---|---|---|\n");
        for (Party.Power p : Party.Power.values()) {
            Set<Route> reads = AccessAnalysis.readsGivenBy(p);
            Set<Route> keys = AccessAnalysis.keysGivenBy(p);
            String routes = (reads.isEmpty() ? "" : "reads: " + ids(reads)) + (reads.isEmpty() || keys.isEmpty() ? "" : "; ")
                    + (keys.isEmpty() ? "" : "keys held by: " + ids(keys));
            out.append("| `").append(p.yamlName()).append("` | ").append(GIVES.get(p)).append(" | ").append(routes)
                    .append(" | ").append(NEEDS.get(p)).append(" |\n");
        }
        return out.toString().stripTrailing();
    }

    private static String ids(Set<Route> routes) {
        return routes.size() == Route.values().length ? "every route"
                : routes.stream().map(Route::id).collect(Collectors.joining(", "));
    }
}
