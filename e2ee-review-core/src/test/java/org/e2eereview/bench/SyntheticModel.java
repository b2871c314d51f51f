package org.e2eereview.bench;

/**
 * Realistic synthetic models of about N elements: a provider running many regional deployments,
 * each a slice of a messaging system (clients, a relay, a key directory, backups, keys, data,
 * group and one-to-one conversations, flows and features). One slice in a few carries a known
 * weakness (hidden joins, provider-keyed backups, escrowed keys, unverifiable directories,
 * targeted updates), so rules fire in proportion to size, as they would on a real estate.
 */
public final class SyntheticModel {

    /** Elements written per slice; the generator makes N / SLICE slices. */
    static final int SLICE = 18;

    private SyntheticModel() {
    }

    public static String generate(int elements) {
        int slices = Math.max(1, elements / SLICE);
        StringBuilder y = new StringBuilder(elements * 90);
        y.append("e2ee-review: 1\nsystem: { name: Synthetic messenger with ").append(slices)
                .append(" regions, claims-end-to-end: true }\n");
        y.append("parties:\n  provider: { kind: provider, jurisdiction: GB }\n")
                .append("  police: { kind: law-enforcement, jurisdiction: GB, lawful-access: { compels: [provider], ")
                .append("powers: [data-disclosure, add-participant] } }\n")
                .append("  cloud: { kind: cloud-vendor, jurisdiction: US }\n");
        for (int i = 0; i < slices; i++) y.append("  users-").append(i).append(": { kind: user }\n");

        y.append("components:\n");
        for (int i = 0; i < slices; i++) {
            boolean targeted = i % 11 == 5;
            y.append("  phone-").append(i).append(": { kind: client, run-by: users-").append(i)
                    .append(", supplied-by: provider, updates: { per-user-targeting: ").append(targeted)
                    .append(", binary-transparency: ").append(!targeted).append(" } }\n");
            y.append("  relay-").append(i).append(": { kind: server, run-by: provider }\n");
            y.append("  directory-").append(i).append(": { kind: key-directory, run-by: provider, transparency: ")
                    .append(i % 13 == 7 ? "none" : "key-transparency-log").append(" }\n");
            y.append("  backup-").append(i).append(": { kind: backup-service, run-by: ")
                    .append(i % 7 == 3 ? "cloud" : "provider").append(" }\n");
        }

        y.append("keys:\n");
        for (int i = 0; i < slices; i++) {
            y.append("  identity-").append(i).append(": { kind: identity, generated-on: phone-").append(i)
                    .append(", stored-on: [phone-").append(i).append("], scope: device, algorithm: X25519 }\n");
            y.append("  session-").append(i).append(": { kind: session, generated-on: phone-").append(i)
                    .append(", stored-on: [phone-").append(i)
                    .append("], derived-from: [identity-").append(i).append("], protects: [messages-").append(i)
                    .append(", group-messages-").append(i).append("], algorithm: AES-256-GCM }\n");
            if (i % 17 == 9) {
                y.append("  escrow-key-").append(i).append(": { kind: escrow, stored-on: [relay-").append(i)
                        .append("], protects: [session-").append(i).append("], scope: user }\n");
            }
            y.append("  backup-key-").append(i).append(": { kind: backup, stored-on: [")
                    .append(i % 7 == 3 ? "backup-" + i : "phone-" + i).append("], protects: [history-").append(i)
                    .append("], scope: user }\n");
        }

        y.append("data:\n");
        for (int i = 0; i < slices; i++) {
            y.append("  messages-").append(i).append(": { kind: message-content, created-on: [phone-").append(i).append("] }\n");
            y.append("  group-messages-").append(i).append(": { kind: message-content, created-on: [phone-").append(i)
                    .append("] }\n");
            y.append("  history-").append(i).append(": { kind: backup, created-on: [phone-").append(i)
                    .append("], contains: [messages-").append(i).append(", group-messages-").append(i).append("] }\n");
            y.append("  delivery-").append(i).append(": { kind: metadata, created-on: [relay-").append(i)
                    .append("], retention: 30 days }\n");
        }

        y.append("conversations:\n");
        for (int i = 0; i < slices; i++) {
            String membership = "{ managed-by: relay-" + i + ", signed-by-members: true, changes-shown: always, "
                    + "device-list-signed: true, device-keys-from: directory-" + i + ", verification: ["
                    + (i % 13 == 7 ? "" : "safety-numbers, key-change-alerts") + "] }";
            y.append("  chat-").append(i).append(": { kind: one-to-one, members: [users-").append(i)
                    .append("], content: [messages-").append(i).append("], protocol: signal-protocol, ")
                    .append("end-to-end: { default: true, forward-secrecy: true, post-compromise-security: true }, ")
                    .append("fallback: { to: none }, membership: ").append(membership).append(" }\n");
            String group = i % 5 == 2
                    ? membership.replace("signed-by-members: true, changes-shown: always",
                    "signed-by-members: false, changes-shown: " + (i % 10 == 2 ? "suppressible" : "always"))
                    : membership;
            y.append("  group-").append(i).append(": { kind: group, members: [users-").append(i)
                    .append("], content: [group-messages-").append(i).append("], protocol: mls, ")
                    .append("end-to-end: { default: true, forward-secrecy: true, post-compromise-security: true }, ")
                    .append("fallback: { to: none }, membership: ").append(group).append(" }\n");
        }

        y.append("flows:\n");
        for (int i = 0; i < slices; i++) {
            y.append("  send-").append(i).append(": { from: phone-").append(i).append(", to: relay-").append(i)
                    .append(", carries: [messages-").append(i).append(", group-messages-").append(i)
                    .append("], protection: end-to-end }\n");
            y.append("  deliver-").append(i).append(": { from: relay-").append(i).append(", to: phone-").append(i)
                    .append(", carries: [messages-").append(i).append(", group-messages-").append(i)
                    .append("], protection: end-to-end }\n");
            y.append("  back-up-").append(i).append(": { from: phone-").append(i).append(", to: backup-").append(i)
                    .append(", carries: [history-").append(i).append("], protection: ")
                    .append(i % 7 == 3 ? "transport, occurs: by-default" : "end-to-end, occurs: opt-in").append(" }\n");
        }

        y.append("features:\n");
        for (int i = 0; i < slices; i++) {
            if (i % 2 == 0) {
                y.append("  report-").append(i).append(": { kind: user-reporting, runs-on: phone-").append(i)
                        .append(", initiated-by: member, discloses: [messages-").append(i)
                        .append("], results-to: [provider], franking: true, user-informed: true }\n");
            } else {
                y.append("  abuse-").append(i).append(": { kind: metadata-abuse-detection, runs-on: relay-").append(i)
                        .append(", inspects: [delivery-").append(i).append("], method: behavioural-signals, ")
                        .append("results-to: [provider], applies-to: all-users }\n");
            }
        }
        return y.toString();
    }
}
