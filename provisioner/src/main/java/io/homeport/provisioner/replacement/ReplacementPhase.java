package io.homeport.provisioner.replacement;

/** The phases of a replacement run, in order. */
public enum ReplacementPhase {
    /** The new server is preflighted and the playbook applied (a provisioning run). */
    PROVISION("provision"),
    /** Until the new host's agent is online; then the old host is REPLACED and the deployer moves its apps. */
    ENROLL("enroll"),
    /** Until every moving app's volumes are granted on the new host (a {@code local-synced} one is restored there). */
    RESTORE_DATA("restore-data"),
    /** Until every moving app runs on the new host. */
    START_APPS("start-apps"),
    /** Until every hostname the apps had on the old host's tunnel is on the new host's. */
    MOVE_ROUTES("move-routes");

    private final String label;

    ReplacementPhase(String label) {
        this.label = label;
    }

    /** How the API and events name it. */
    public String label() {
        return label;
    }
}
