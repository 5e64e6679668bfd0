package io.homeport.events.deployment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A new revision of an app is on its way to {@code hosts}; {@code previousRevision} is null for a first deploy. */
public record DeploymentStarted(UUID deploymentId, String app, long revision, Long previousRevision,
        List<UUID> hosts, Instant at) {
}
