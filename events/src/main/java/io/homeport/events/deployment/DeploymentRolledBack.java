package io.homeport.events.deployment;

import java.time.Instant;
import java.util.UUID;

/** After a failed deployment the app's hosts were given its last good revision again. */
public record DeploymentRolledBack(UUID deploymentId, String app, long fromRevision, long toRevision,
        String reason, Instant at) {
}
