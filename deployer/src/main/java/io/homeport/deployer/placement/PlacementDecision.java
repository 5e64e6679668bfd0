package io.homeport.deployer.placement;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where each replica goes ({@code hosts.get(n)} runs replica n), or, when they do not all fit, why not: one reason
 * per host, by host name.
 */
public record PlacementDecision(List<UUID> hosts, Map<String, String> refusals) {

    public boolean placed() {
        return refusals.isEmpty();
    }

    /** The host an app with volumes runs on: placement puts all its replicas on one. Only for a placed app. */
    public UUID volumeHost() {
        return hosts.get(0);
    }
}
