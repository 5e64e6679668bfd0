package io.homeport.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Follows the engine's event stream and hands each relevant container change on as it happens (start, die,
 * health status, out-of-memory, destroy), so deltas reach the control plane within a second. {@link RestartCounts}
 * also sees the {@code kill}s, which tell a stop someone asked for from a crash.
 */
public final class ContainerChanges implements Closeable {

    static final Set<String> ACTIONS = Set.of("start", "die", "oom", "destroy");
    private static final String KILL = "kill";

    private final ResultCallback.Adapter<Event> subscription;

    private ContainerChanges(ResultCallback.Adapter<Event> subscription) {
        this.subscription = subscription;
    }

    /** Starts following; close the result to stop. */
    public static ContainerChanges follow(DockerClient docker, Consumer<ContainerChange> listener) {
        return follow(docker, null, listener);
    }

    /**
     * Starts following, counting restarts in {@code restarts} (which sees every change before {@code listener}
     * does, so a delta carries the count that includes it).
     */
    public static ContainerChanges follow(DockerClient docker, RestartCounts restarts,
            Consumer<ContainerChange> listener) {
        ResultCallback.Adapter<Event> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Event event) {
                toChange(event).ifPresent(change -> {
                    if (restarts != null) {
                        restarts.observe(change);
                    }
                    if (!KILL.equals(change.action())) {
                        listener.accept(change);
                    }
                });
            }
        };
        docker.eventsCmd().withEventTypeFilter(EventType.CONTAINER).exec(callback);
        return new ContainerChanges(callback);
    }

    static Optional<ContainerChange> toChange(Event event) {
        String action = event.getAction();
        if (action == null || !(ACTIONS.contains(action) || KILL.equals(action) || action.startsWith("health_status"))) {
            return Optional.empty();
        }
        Map<String, String> attributes = event.getActor() == null || event.getActor().getAttributes() == null
                ? Map.of() : new HashMap<>(event.getActor().getAttributes());
        String name = attributes.getOrDefault("name", event.getId());
        Instant at = event.getTimeNano() != null ? Instant.ofEpochSecond(0, event.getTimeNano())
                : Instant.ofEpochSecond(event.getTime() == null ? 0 : event.getTime());
        return Optional.of(new ContainerChange(event.getId(), name, action, attributes, at));
    }

    @Override
    public void close() throws IOException {
        subscription.close();
    }
}
