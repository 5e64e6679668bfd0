package io.homeport.events.deployment;

import java.time.Instant;
import java.util.UUID;

/** The revision did not pass the health gate in time; {@code reason} says which replica and why. */
public record DeploymentFailed(UUID deploymentId, String app, long revision, String reason, Instant at) {
}
