package org.e2eereview.load;

import java.util.Map;

import org.e2eereview.model.Component;
import org.e2eereview.model.ElementKind;
import org.e2eereview.model.Model;

/**
 * Rules of the format that involve more than one field: things a type cannot say,
 * like "guess limits are enforced by an HSM or an enclave".
 */
final class CrossChecks {

    private final Checker checker;

    CrossChecks(Checker checker) {
        this.checker = checker;
    }

    void check(Fields model) {
        Integer version = model.integer("e2ee-review");
        if (version != null && version != Model.FORMAT_VERSION) {
            checker.problem(model.at("e2ee-review"), "unsupported format version " + version
                    + ": this release of e2ee-review reads version " + Model.FORMAT_VERSION);
        }
        model.map("components").forEach((id, c) -> {
            Object kind = c.choice("kind", null);
            if (c.has("attestation") && (kind == Component.Kind.CLIENT || kind == Component.Kind.WEB_CLIENT)) {
                checker.problem(c.at("attestation"), "'attestation' of component '" + id
                        + "' applies to a server-side component that runs in an enclave, not to a client");
            }
            if (c.has("transparency") && kind != null && kind != Component.Kind.KEY_DIRECTORY) {
                checker.problem(c.at("transparency"), "'transparency' of component '" + id
                        + "' applies only to key-directory components");
            }
        });
        model.map("keys").forEach((id, k) -> {
            if (k.list("protects").contains(id)) {
                checker.problem(k.at("protects"), "key '" + id + "' cannot protect itself");
            }
            if (k.list("derived-from").contains(id)) {
                checker.problem(k.at("derived-from"), "key '" + id + "' cannot be derived from itself");
            }
            Fields r = k.obj("recovery");
            if (r != null) checkRecovery(id, r);
        });
        model.map("flows").forEach((id, f) -> {
            if (f.text("from") != null && f.text("from").equals(f.text("to"))) {
                checker.problem(f.at("to"), "flow '" + id + "' goes from '" + f.text("from")
                        + "' to itself; a flow connects two components");
            }
        });
    }

    private void checkRecovery(String keyId, Fields r) {
        String enforcer = r.text("enforced-by");
        if (r.has("guess-limit") && enforcer == null) {
            checker.problem(r.at("guess-limit"), "'guess-limit' of the recovery of key '" + keyId
                    + "' needs 'enforced-by': a limit nothing enforces is no limit");
        }
        if (enforcer != null) {
            Map<String, Checker.Declared> ids = checker.ids();
            Checker.Declared d = ids.get(enforcer);
            if (d != null && d.kind() == ElementKind.COMPONENT) {
                Object kind = d.fields().choice("kind", null);
                if (kind != null && kind != Component.Kind.HSM && kind != Component.Kind.ENCLAVE) {
                    checker.problem(r.at("enforced-by"), "'enforced-by' of the recovery of key '" + keyId
                            + "' is a " + ((Component.Kind) kind).yamlName() + " component; guess limits are "
                            + "enforced by an hsm or an enclave");
                }
            }
        }
    }
}
