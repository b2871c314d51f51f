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
        Walk w = new Walk(EnumSet.allOf(Safeguard.class), false);
        w.walk(m);
        return List.copyOf(w.found);
    }

    /**
     * One flow-style patch (a YAML mapping on one line) per field that declares one of {@code off}; a
     * list that names several of them loses them all in one patch, since each patch replaces the list.
     */
    static List<String> patches(Model m, Set<Safeguard> off) {
        Walk w = new Walk(off, true);
        w.walk(m);
        return w.patches;
    }

    /** One pass over the model: a page asks for every safeguard a 10k-element model declares. */
    private static final class Walk {

        private final Set<Safeguard> off;
        /** False when only what is declared is asked: no patch is then written. */
        private final boolean write;
        private final List<String> patches = new ArrayList<>();
        private final Set<Safeguard> found = EnumSet.noneOf(Safeguard.class);

        Walk(Set<Safeguard> off, boolean write) {
            this.off = off;
            this.write = write;
        }

        /** Whether to write the patch of a field that may declare a safeguard; one it declares is found. */
        private boolean off(boolean declares, Safeguard s) {
            if (!declares || !off.contains(s)) return false;
            found.add(s);
            return write;
        }

        void walk(Model m) {
            for (Conversation c : m.conversations().values()) conversation(c);
            for (Component c : m.components().values()) component(c);
            for (Key k : m.keys().values()) {
                String at = "keys: {" + q(k.id()) + ": {";
                if (off(k.shownToMembers(), Safeguard.USER_VISIBLE_INDICATORS)) patches.add(at + "shown-to-members: false}}");
                // Without an enforcer nothing limits guesses; a guess limit without one does not load.
                if (off(k.recovery() != null && k.recovery().enforcedBy() != null, Safeguard.HSM_GUESS_LIMITS)) {
                    patches.add(at + "recovery: {enforced-by: ~, guess-limit: ~}}}");
                }
            }
            for (Flow f : m.flows().values()) {
                if (off(f.shownToMembers(), Safeguard.USER_VISIBLE_INDICATORS)) {
                    patches.add("flows: {" + q(f.id()) + ": {shown-to-members: false}}");
                }
            }
            for (Feature f : m.features().values()) {
                if (off(f.userInformed(), Safeguard.USER_VISIBLE_INDICATORS)) {
                    patches.add("features: {" + q(f.id()) + ": {user-informed: false}}");
                }
            }
        }

        private void conversation(Conversation c) {
            String at = "conversations: {" + q(c.id()) + ": {";
            Conversation.EndToEnd e = c.endToEnd();
            if (off(e.forwardSecrecy(), Safeguard.FORWARD_SECRECY)) patches.add(at + "end-to-end: {forward-secrecy: false}}}");
            if (off(e.postCompromiseSecurity(), Safeguard.POST_COMPROMISE_SECURITY)) {
                patches.add(at + "end-to-end: {post-compromise-security: false}}}");
            }
            String kept = without(c.metadataProtection(), p -> p == MetadataProtection.SEALED_SENDER
                    ? Safeguard.SEALED_SENDER : null);
            if (kept != null) patches.add(at + "metadata-protection: " + kept + "}}");
            Membership ms = c.membership();
            if (ms == null) return;
            String in = at + "membership: {";
            if (off(ms.signedByMembers(), Safeguard.MEMBER_SIGNED_CHANGES)) patches.add(in + "signed-by-members: false}}}");
            if (off(ms.deviceListSigned(), Safeguard.SIGNED_DEVICE_LISTS)) patches.add(in + "device-list-signed: false}}}");
            // Clients that stop blocking or warning about unverified devices share keys with them silently.
            Conversation.UnverifiedDevices u = ms.unverifiedDevices();
            if (off(u == Conversation.UnverifiedDevices.BLOCK, Safeguard.VERIFIED_DEVICES_ONLY)
                    || off(u == Conversation.UnverifiedDevices.WARN, Safeguard.UNVERIFIED_DEVICE_WARNINGS)) {
                patches.add(in + "unverified-devices: share}}}");
            }
            // Shown changes that the server may hide are not credited: suppressible is the nearest design without.
            if (off(ms.changesShown() == Conversation.ChangesShown.ALWAYS, Safeguard.USER_VISIBLE_INDICATORS)) {
                patches.add(in + "changes-shown: suppressible}}}");
            }
            if (off(ms.deviceChangesShown() == Conversation.ChangesShown.ALWAYS, Safeguard.USER_VISIBLE_INDICATORS)) {
                patches.add(in + "device-changes-shown: suppressible}}}");
            }
            kept = without(ms.verification(), GivingUp::safeguard);
            if (kept != null) patches.add(in + "verification: " + kept + "}}}");
        }

        private void component(Component c) {
            String at = "components: {" + q(c.id()) + ": {";
            if (off(c.transparency() == Component.Transparency.KEY_TRANSPARENCY_LOG, Safeguard.KEY_TRANSPARENCY)) {
                patches.add(at + "transparency: none}}");
            }
            Component.Updates u = c.updates();
            if (u != null) {
                if (off(u.binaryTransparency(), Safeguard.BINARY_TRANSPARENCY)) {
                    patches.add(at + "updates: {binary-transparency: false}}}");
                }
                if (off(u.reproducibleBuilds(), Safeguard.REPRODUCIBLE_BUILDS)) {
                    patches.add(at + "updates: {reproducible-builds: false}}}");
                }
            }
            Component.Attestation a = c.attestation();
            if (a == null) return;
            String in = at + "attestation: {";
            if (off(a.verifiedByClients(), Safeguard.ENCLAVE_ATTESTATION)) patches.add(in + "verified-by-clients: false}}}");
            if (off(a.measurementPinned(), Safeguard.MEASUREMENT_PINNING)) patches.add(in + "measurement-pinned: false}}}");
            if (off(a.imageLog(), Safeguard.IMAGE_TRANSPARENCY)) patches.add(in + "image-log: false}}}");
            if (off(a.reproducibleBuilds(), Safeguard.REPRODUCIBLE_BUILDS)) patches.add(in + "reproducible-builds: false}}}");
        }

        /** The list as YAML without the items that are safeguards given up, or null when it loses none. */
        private <T extends ModelEnum> String without(List<T> items, Function<T, Safeguard> as) {
            List<String> kept = new ArrayList<>(items.size());
            for (T item : items) {
                Safeguard s = as.apply(item);
                if (!off(s != null, s)) kept.add(item.yamlName());
            }
            return kept.size() == items.size() ? null : "[" + String.join(", ", kept) + "]";
        }
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

    static String q(String id) {
        return "\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
