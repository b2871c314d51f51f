package org.e2eereview.model;

import java.util.List;

/**
 * Software or hardware that handles data: run by one party, its code supplied by another.
 *
 * @param suppliedBy who ships its code and updates; the same as runBy unless written
 * @param updates    how its code is updated, or null when not stated
 * @param transparency for key directories: how users can check the keys it serves
 * @param code         Java package and class patterns of the code that implements it (for the ArchUnit rules)
 * @param attestation  how clients check the enclave it runs in before they send it anything, or null when not written
 */
public record Component(String id, Kind kind, String name, String runBy, String suppliedBy, Updates updates,
                        Transparency transparency, Attestation attestation, List<String> code, String description,
                        Source source)
        implements Element {

    public Component {
        code = List.copyOf(code);
    }

    public enum Kind implements ModelEnum {
        @Doc("An app or device a user runs: where messages are written, encrypted and read.")
        CLIENT,
        @Doc("A client whose code is served by a server on each visit.")
        WEB_CLIENT,
        @Doc("A provider server that relays or stores messages.")
        SERVER,
        @Doc("A server that hands out users' public keys and device lists.")
        KEY_DIRECTORY,
        @Doc("Storage for data at rest, e.g. a cloud drive.")
        STORAGE,
        @Doc("A service that stores backups of message history.")
        BACKUP_SERVICE,
        @Doc("A hardware security module: keys inside it cannot be exported, and it enforces limits.")
        HSM,
        @Doc("A secure enclave (e.g. SGX) whose code can be attested by clients.")
        ENCLAVE,
        @Doc("A service that matches or classifies content.")
        SCANNING_SERVICE,
        @Doc("A notification relay, usually run by the phone platform's vendor.")
        PUSH_SERVICE,
        @Doc("A service that fetches URLs to build previews.")
        LINK_PREVIEW_SERVICE,
        @Doc("A service that collects analytics, crash reports or logs.")
        TELEMETRY_SERVICE,
        @Doc("A cloud service behind an on-screen keyboard or input method.")
        KEYBOARD_SERVICE,
        @Doc("A cloud assistant that processes messages.")
        AI_SERVICE,
        @Doc("Storage of escrowed keys or key shares.")
        ESCROW_VAULT,
        @Doc("Where people review reported or flagged content.")
        REVIEW_CONSOLE,
        @Doc("Anything not covered above.")
        OTHER;
    }

    public enum Transparency implements ModelEnum {
        @Doc("Nothing lets users check the keys served.")
        NONE,
        @Doc("An append-only, publicly audited log of every key served (key transparency).")
        KEY_TRANSPARENCY_LOG;
    }

    /**
     * How clients check an attested enclave (a trusted execution environment) before sending it anything.
     *
     * @param verifiedByClients  clients check its attestation and send nothing to an enclave whose measurement
     *                           they do not accept: without it, the enclave is a server of its operator
     * @param measurementPinned  clients accept only measurements built into them, so a new image needs a client update
     * @param imageLog           every image the operator may run is published in a public, append-only log
     * @param reproducibleBuilds anyone can rebuild the image from source and compare its measurement
     * @param hardwareBy         the parties whose hardware its trust rests on (the processor's maker, a GPU's): the
 *                           roots of trust; empty when not written
     */
    public record Attestation(boolean verifiedByClients, boolean measurementPinned, boolean imageLog,
                              boolean reproducibleBuilds, java.util.List<String> hardwareBy, Source source) {
        public Attestation {
            hardwareBy = java.util.List.copyOf(hardwareBy);
        }
    }

    /** Whether clients verify its attestation: what enters it is then not read by its operator. */
    public boolean attested() {
        return attestation != null && attestation.verifiedByClients();
    }

    /**
     * How a component's code reaches it. Safeguards not written are not credited.
     */
    public record Updates(boolean perUserTargeting, boolean binaryTransparency, boolean reproducibleBuilds,
                          Source source) {
    }
}
