package io.homeport.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How often each container came back after exiting on its own: what a user calls a crash loop, reported as
 * {@code ContainerState.restartCount}.
 *
 * <p>Docker's own {@code RestartCount} is not enough: it counts only the restarts of its restart policy, and every
 * {@code docker start} resets it to 0, including the agent's reconciler starting an exited container again (for a
 * container whose policy is {@code no}, or whose {@code on-failure} retries ran out). So the agent counts from the
 * engine's events: a {@code die} that no {@code kill} asked for (a crash, an out-of-memory kill, a process that
 * simply ended) followed by a {@code start}, by Docker's policy or by the agent, is one restart. Stops and restarts
 * someone asked for (the reconciler stopping a container, the restart command, {@code docker stop}) send a
 * {@code kill} first and do not count. A container first seen is seeded with Docker's {@code RestartCount}
 * (inspect), the restarts of its policy since it was last started by hand.
 *
 * <p>The counts live in memory: after the agent restarts they start again from Docker's figure, which the gateway's
 * crash-loop rule reads as a new start, never as restarts.
 */
public final class RestartCounts {

    private final Function<String, Integer> dockerRestartCount;
    private final Map<String, Seen> byId = new HashMap<>();

    private static final class Seen {
        int count;
        boolean killRequested;
        boolean exitedOnItsOwn;

        Seen(int count) {
            this.count = count;
        }
    }

    /**
     * @param dockerRestartCount Docker's {@code RestartCount} of a container by id, null when it is gone
     */
    public RestartCounts(Function<String, Integer> dockerRestartCount) {
        this.dockerRestartCount = dockerRestartCount;
    }

    /** Seeds first-seen containers with Docker's {@code RestartCount}, from an inspect. */
    public static RestartCounts of(DockerClient docker) {
        return new RestartCounts(id -> {
            try {
                Integer count = docker.inspectContainerCmd(id).exec().getRestartCount();
                return count == null ? 0 : count;
            } catch (NotFoundException gone) {
                return null;
            }
        });
    }

    /** One engine event of a container: {@code kill}, {@code die}, {@code start} and {@code destroy} count. */
    public synchronized void observe(ContainerChange change) {
        String id = change.containerId();
        switch (change.action()) {
            case "kill" -> seen(id).ifPresent(seen -> seen.killRequested = true);
            case "die" -> seen(id).ifPresent(seen -> {
                seen.exitedOnItsOwn = !seen.killRequested;
                seen.killRequested = false;
            });
            case "start" -> seen(id).ifPresent(seen -> {
                if (seen.exitedOnItsOwn) {
                    seen.count++;
                }
                seen.exitedOnItsOwn = false;
                seen.killRequested = false;
            });
            case "destroy" -> byId.remove(id);
            default -> { }
        }
    }

    /** The container's restart count, null when it is unknown (the container is gone). */
    public synchronized Integer count(String containerId) {
        return seen(containerId).map(seen -> seen.count).orElse(null);
    }

    private Optional<Seen> seen(String id) {
        Seen seen = byId.get(id);
        if (seen == null) {
            Integer docker = dockerRestartCount.apply(id);
            if (docker == null) {
                return Optional.empty();
            }
            seen = new Seen(docker);
            byId.put(id, seen);
        }
        return Optional.of(seen);
    }
}
