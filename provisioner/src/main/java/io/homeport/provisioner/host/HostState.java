package io.homeport.provisioner.host;

/** A host's lifecycle (brief §2): NEW → PROVISIONING → READY ⇄ LOST → DECOMMISSIONED. */
public enum HostState {
    NEW, PROVISIONING, READY, LOST, DECOMMISSIONED
}
