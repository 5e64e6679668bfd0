package io.homeport.agent.reconcile;

import java.util.Map;

/**
 * A container as Docker reports it: what the agent reconciles against, re-read on every pass. {@code state} is
 * Docker's: {@code created}, {@code running}, {@code restarting}, {@code exited}, {@code paused}, {@code dead}.
 */
public record ActualContainer(String id, String name, String image, String state, Map<String, String> labels) {

    public ActualContainer {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public boolean running() {
        return "running".equals(state);
    }

    public boolean managed() {
        return ManagedLabels.isManaged(labels);
    }

    public String specHash() {
        return labels.get(ManagedLabels.SPEC_HASH);
    }
}
