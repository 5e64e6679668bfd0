package io.homeport.api.apps;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An app: the revision its hosts run ({@code targetRevision}), the last one that passed its health gate, its
 * spec (null while its first deployment is queued), each replica as the agents report it, the latest deployment,
 * and the last time it was moved off a host (null if never).
 */
public record AppView(String name, long targetRevision, Long goodRevision, AppSpec spec, List<Replica> replicas,
        DeploymentView deployment, Move lastMove) {

    /**
     * "Moved from {@code from} to {@code to} at {@code at} because {@code reason}" ({@code host-lost} or
     * {@code evacuated}). {@code state} is {@code moving} until the replicas belong to the new host (then {@code at}
     * is when they did), {@code moved} after.
     */
    public record Move(UUID from, UUID to, Instant at, String reason, String state, UUID deploymentId) {
    }

    /**
     * One replica where placement put it. {@code state} and {@code health} are the agent's latest report
     * ({@code running}, {@code exited}, ..., or {@code unknown} before any); {@code revision} is the revision of
     * the container running there, which differs from the app's while a rollout is on its way (drift shows here).
     */
    public record Replica(int replica, UUID hostId, String container, String state, String health, Long revision) {
    }
}
