package io.homeport.agent.reconcile;

import java.util.List;
import java.util.Map;

/**
 * A container as Docker reports it: what the agent reconciles against, re-read on every pass. {@code state} is
 * Docker's: {@code created}, {@code running}, {@code restarting}, {@code exited}, {@code paused}, {@code dead};
 * {@code health} is {@code starting}, {@code healthy}, {@code unhealthy}, or null without a health check.
 */
public record ActualContainer(String id, String name, String image, String state, String health,
        Map<String, String> labels) {

    public ActualContainer {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public boolean running() {
        return "running".equals(state);
    }

    /** Running, and healthy if it has a health check: fit to take over from the container it replaces. */
    public boolean ready() {
        return running() && (health == null || "healthy".equals(health));
    }

    public boolean managed() {
        return ManagedLabels.isManaged(labels);
    }

    /** The volumes it mounts, by key ({@code <app>/<name>}). */
    public List<String> volumes() {
        return ManagedLabels.volumes(labels);
    }

    public String specHash() {
        return labels.get(ManagedLabels.SPEC_HASH);
    }
}
