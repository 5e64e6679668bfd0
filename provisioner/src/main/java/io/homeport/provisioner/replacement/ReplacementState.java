package io.homeport.provisioner.replacement;

/** A replacement run's state. */
public enum ReplacementState {
    RUNNING,
    SUCCEEDED,
    /** Done, but some apps could not move, or moved without a synced copy of their data. */
    PARTIAL,
    FAILED
}
