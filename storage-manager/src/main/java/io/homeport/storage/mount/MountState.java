package io.homeport.storage.mount;

/** PENDING until the host's agent reports the mount; then HEALTHY or DEGRADED. */
public enum MountState {
    PENDING, HEALTHY, DEGRADED
}
