package io.homeport.api.apps;

import java.util.List;
import java.util.UUID;

/**
 * An app: the revision its hosts run ({@code targetRevision}), the last one that passed its health gate, its
 * spec (null while its first deployment is queued), each replica as the agents report it, and the latest deployment.
 */
public record AppView(String name, long targetRevision, Long goodRevision, AppSpec spec, List<Replica> replicas,
        DeploymentView deployment) {

    /**
     * One replica where placement put it. {@code state} and {@code health} are the agent's latest report
     * ({@code running}, {@code exited}, ..., or {@code unknown} before any); {@code revision} is the revision of
     * the container running there, which differs from the app's while a rollout is on its way (drift shows here).
     */
    public record Replica(int replica, UUID hostId, String container, String state, String health, Long revision) {
    }
}
