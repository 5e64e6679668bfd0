package io.homeport.events.deployment;

import java.time.Instant;
import java.util.UUID;

/** Every replica of the revision passed the health gate; it is now the app's last good revision. */
public record DeploymentSucceeded(UUID deploymentId, String app, long revision, Instant at) {
}
