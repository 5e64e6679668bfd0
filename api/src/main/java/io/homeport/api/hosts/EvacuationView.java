package io.homeport.api.hosts;

import java.util.List;
import java.util.UUID;

/**
 * What an evacuation of {@code hostId} does: the host is {@code drained} (nothing new is placed there until it is
 * un-drained), the apps in {@code moving} go to other hosts (to {@code to} when one was named), those in
 * {@code stranded} cannot move, each with the reason.
 */
public record EvacuationView(UUID hostId, UUID to, boolean drained, List<Moving> moving, List<Stranded> stranded) {

    /** An app on its way: a deployment of its current spec placed on {@code to}. */
    public record Moving(String app, UUID to, UUID deploymentId) {
    }

    public record Stranded(String app, String reason) {
    }
}
