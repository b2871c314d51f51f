package org.e2eereview.assess;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.e2eereview.model.Component;
import org.e2eereview.model.Conversation;
import org.e2eereview.model.Conversation.Membership;
import org.e2eereview.model.Conversation.MetadataProtection;
import org.e2eereview.model.Conversation.Verification;
import org.e2eereview.model.Feature;
import org.e2eereview.model.Flow;
import org.e2eereview.model.Key;
import org.e2eereview.model.Model;
import org.e2eereview.model.ModelEnum;
import org.e2eereview.model.Safeguard;

/**
 * Where a model declares each {@link Safeguard}, and the patches that take it back there: every field
 * that makes the analysis (or a rule) credit a safeguard, written the other way. A safeguard is given up
 * wherever it is declared, as a design that drops it would drop it.
 */
final class GivingUp {

    private GivingUp() {
    }

    /** The safeguards the model declares somewhere, in the enum's order. */
    static List<Safeguard> declared(Model m) {
        List<Safeguard> out = new ArrayList<>();
        for (Safeguard s : Safeguard.values()) if (!patches(m, EnumSet.of(s)).isEmpty()) out.add(s);
        return out;
    }

    /**
     * One flow-style patch (a YAML mapping on one line) per field that declares one of {@code off}; a
     * list that names several of them loses them all in one patch, since each patch replaces the list.
     */
    static List<String> patches(Model m, Set<Safeguard> off) {
        List<String> out = new ArrayList<>();
        for (Conversation c : m.conversations().values()) {
            String at = "conversations: {" + q(c.id()) + ": {";
            Conversation.EndToEnd e = c.endToEnd();
            if (e != null && e.forwardSecrecy() && off.contains(Safeguard.FORWARD_SECRECY)) {
                out.add(at + "end-to-end: {forward-secrecy: false}}}");
            }
            if (e != null && e.postCompromiseSecurity() && off.contains(Safeguard.POST_COMPROMISE_SECURITY)) {
                out.add(at + "end-to-end: {post-compromise-security: false}}}");
            }
            String kept = without(c.metadataProtection(), p -> p == MetadataProtection.SEALED_SENDER
                    ? Safeguard.SEALED_SENDER : null, off);
            if (kept != null) out.add(at + "metadata-protection: " + kept + "}}");
            Membership ms = c.membership();
            if (ms == null) continue;
            String in = at + "membership: {";
            if (ms.signedByMembers() && off.contains(Safeguard.MEMBER_SIGNED_CHANGES)) {
                out.add(in + "signed-by-members: false}}}");
            }
            if (ms.deviceListSigned() && off.contains(Safeguard.SIGNED_DEVICE_LISTS)) {
                out.add(in + "device-list-signed: false}}}");
            }
            // Clients that stop blocking or warning about unverified devices share keys with them silently.
            Conversation.UnverifiedDevices u = ms.unverifiedDevices();
            if (u == Conversation.UnverifiedDevices.BLOCK && off.contains(Safeguard.VERIFIED_DEVICES_ONLY)
                    || u == Conversation.UnverifiedDevices.WARN && off.contains(Safeguard.UNVERIFIED_DEVICE_WARNINGS)) {
                out.add(in + "unverified-devices: share}}}");
            }
            // Shown changes that the server may hide are not credited: suppressible is the nearest design without.
            if (off.contains(Safeguard.USER_VISIBLE_INDICATORS)) {
                if (ms.changesShown() == Conversation.ChangesShown.ALWAYS) out.add(in + "changes-shown: suppressible}}}");
                if (ms.deviceChangesShown() == Conversation.ChangesShown.ALWAYS) {
                    out.add(in + "device-changes-shown: suppressible}}}");
                }
            }
            kept = without(ms.verification(), GivingUp::safeguard, off);
            if (kept != null) out.add(in + "verification: " + kept + "}}}");
        }
        for (Component c : m.components().values()) {
            String at = "components: {" + q(c.id()) + ": {";
            if (c.transparency() == Component.Transparency.KEY_TRANSPARENCY_LOG && off.contains(Safeguard.KEY_TRANSPARENCY)) {
                out.add(at + "transparency: none}}");
            }
            Component.Updates u = c.updates();
            if (u != null && u.binaryTransparency() && off.contains(Safeguard.BINARY_TRANSPARENCY)) {
                out.add(at + "updates: {binary-transparency: false}}}");
            }
            if (u != null && u.reproducibleBuilds() && off.contains(Safeguard.REPRODUCIBLE_BUILDS)) {
                out.add(at + "updates: {reproducible-builds: false}}}");
            }
            Component.Attestation a = c.attestation();
            if (a == null) continue;
            if (a.verifiedByClients() && off.contains(Safeguard.ENCLAVE_ATTESTATION)) {
                out.add(at + "attestation: {verified-by-clients: false}}}");
            }
            if (a.measurementPinned() && off.contains(Safeguard.MEASUREMENT_PINNING)) {
                out.add(at + "attestation: {measurement-pinned: false}}}");
            }
            if (a.imageLog() && off.contains(Safeguard.IMAGE_TRANSPARENCY)) {
                out.add(at + "attestation: {image-log: false}}}");
            }
            if (a.reproducibleBuilds() && off.contains(Safeguard.REPRODUCIBLE_BUILDS)) {
                out.add(at + "attestation: {reproducible-builds: false}}}");
            }
        }
        for (Key k : m.keys().values()) {
            String at = "keys: {" + q(k.id()) + ": {";
            if (k.shownToMembers() && off.contains(Safeguard.USER_VISIBLE_INDICATORS)) {
                out.add(at + "shown-to-members: false}}");
            }
            // Without an enforcer nothing limits guesses; a guess limit without one does not load.
            if (k.recovery() != null && k.recovery().enforcedBy() != null && off.contains(Safeguard.HSM_GUESS_LIMITS)) {
                out.add(at + "recovery: {enforced-by: ~, guess-limit: ~}}}");
            }
        }
        for (Flow f : m.flows().values()) {
            if (f.shownToMembers() && off.contains(Safeguard.USER_VISIBLE_INDICATORS)) {
                out.add("flows: {" + q(f.id()) + ": {shown-to-members: false}}");
            }
        }
        for (Feature f : m.features().values()) {
            if (f.userInformed() && off.contains(Safeguard.USER_VISIBLE_INDICATORS)) {
                out.add("features: {" + q(f.id()) + ": {user-informed: false}}");
            }
        }
        return out;
    }

    /** The safeguard a way of checking keys is credited as. */
    private static Safeguard safeguard(Verification v) {
        return switch (v) {
            case KEY_TRANSPARENCY -> Safeguard.KEY_TRANSPARENCY;
            case SAFETY_NUMBERS -> Safeguard.SAFETY_NUMBERS;
            case KEY_CHANGE_ALERTS -> Safeguard.KEY_CHANGE_ALERTS;
            case CONTACT_KEY_VERIFICATION -> Safeguard.CONTACT_KEY_VERIFICATION;
            case CROSS_SIGNING -> Safeguard.CROSS_SIGNING;
        };
    }

    /** The list as YAML without the items that are safeguards given up, or null when it loses none. */
    private static <T extends ModelEnum> String without(List<T> items, Function<T, Safeguard> as, Set<Safeguard> off) {
        List<String> kept = new ArrayList<>();
        for (T item : items) {
            Safeguard s = as.apply(item);
            if (s == null || !off.contains(s)) kept.add(item.yamlName());
        }
        return kept.size() == items.size() ? null : "[" + String.join(", ", kept) + "]";
    }

    static String q(String id) {
        return "\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
