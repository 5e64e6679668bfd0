package io.homeport.agent.protocol;

import java.time.Instant;

/**
 * A container as its agent sees it, in reports. {@code app}, {@code revision} and {@code specHash} are set for
 * the containers Homeport manages only.
 *
 * @param state  Docker's state: created, running, exited, ...
 * @param health healthy, unhealthy, starting, or null without a health check
 */
public record ContainerState(String id, String name, String image, String state, String health, boolean managed,
        String app, Long revision, String specHash, Instant startedAt) {
}
