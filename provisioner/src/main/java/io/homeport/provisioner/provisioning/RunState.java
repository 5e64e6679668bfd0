package io.homeport.provisioner.provisioning;

/** Where a provisioning run is. Only RUNNING changes; a host has at most one RUNNING run. */
public enum RunState {
    RUNNING, SUCCEEDED, FAILED, CANCELLED
}
