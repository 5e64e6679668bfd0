package io.homeport.deployer.host;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A placement host as the deployer's API shows it. */
public record PlacementHostView(UUID hostId, String name, Map<String, String> labels, Instant registeredAt,
        Instant knownSince) {

    static PlacementHostView of(PlacementHost host) {
        return new PlacementHostView(host.hostId, host.name, host.labels, host.registeredAt, host.knownSince);
    }
}
