package io.homeport.provisioner.liveness;

/** What a host's heartbeats say about it ({@link LivenessRule}). */
public enum LivenessStatus {
    /** No heartbeat received yet. */
    UNKNOWN,
    /** The expected heartbeat came, or is not overdue by more than the suspect grace. */
    ONLINE,
    /** The expected heartbeat is overdue: the host may be gone, or only slow. */
    SUSPECT,
    /** The expected heartbeat is overdue by more than the lost grace: the host is lost (brief §5). */
    LOST
}
