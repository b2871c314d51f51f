package org.e2eereview.model;

/**
 * Software or hardware that handles data: run by one party, its code supplied by another.
 *
 * @param suppliedBy who ships its code and updates; the same as runBy unless written
 * @param updates    how its code is updated, or null when not stated
 * @param transparency for key directories: how users can check the keys it serves
 */
public record Component(String id, Kind kind, String name, String runBy, String suppliedBy, Updates updates,
                        Transparency transparency, String description, Source source) implements Element {

    public enum Kind implements ModelEnum {
        CLIENT("An app or device a user runs: where messages are written, encrypted and read."),
        WEB_CLIENT("A client whose code is served by a server on each visit."),
        SERVER("A provider server that relays or stores messages."),
        KEY_DIRECTORY("A server that hands out users' public keys and device lists."),
        STORAGE("Storage for data at rest, e.g. a cloud drive."),
        BACKUP_SERVICE("A service that stores backups of message history."),
        HSM("A hardware security module: keys inside it cannot be exported, and it enforces limits."),
        ENCLAVE("A secure enclave (e.g. SGX) whose code can be attested by clients."),
        SCANNING_SERVICE("A service that matches or classifies content."),
        PUSH_SERVICE("A notification relay, usually run by the phone platform's vendor."),
        LINK_PREVIEW_SERVICE("A service that fetches URLs to build previews."),
        TELEMETRY_SERVICE("A service that collects analytics, crash reports or logs."),
        KEYBOARD_SERVICE("A cloud service behind an on-screen keyboard or input method."),
        AI_SERVICE("A cloud assistant that processes messages."),
        ESCROW_VAULT("Storage of escrowed keys or key shares."),
        REVIEW_CONSOLE("Where people review reported or flagged content."),
        OTHER("Anything not covered above.");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }

    public enum Transparency implements ModelEnum {
        NONE("Nothing lets users check the keys served."),
        KEY_TRANSPARENCY_LOG("An append-only, publicly audited log of every key served (key transparency).");

        private final String description;

        Transparency(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }

    /**
     * How a component's code reaches it. Safeguards not written are not credited.
     */
    public record Updates(boolean perUserTargeting, boolean binaryTransparency, boolean reproducibleBuilds,
                          Source source) {
    }
}
