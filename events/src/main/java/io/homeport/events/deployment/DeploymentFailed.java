package io.homeport.events.deployment;

import java.time.Instant;
import java.util.UUID;

/**
 * The revision did not pass the health gate in time ({@code reason} says which replica and why), or, queued in a
 * stack behind an app that failed, it never started ({@code reason} "not started: ...", with no started event
 * before it).
 */
public record DeploymentFailed(UUID deploymentId, String app, long revision, String reason, Instant at) {
}
