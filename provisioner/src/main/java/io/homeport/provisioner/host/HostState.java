package io.homeport.provisioner.host;

/**
 * A host's lifecycle (brief §2): NEW → PROVISIONING → READY ⇄ LOST → DECOMMISSIONED, or REPLACED once a replacement
 * run's new host took over (its agent is refused from then on).
 */
public enum HostState {
    NEW, PROVISIONING, READY, LOST, DECOMMISSIONED, REPLACED
}
