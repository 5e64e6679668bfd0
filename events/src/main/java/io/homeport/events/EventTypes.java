package io.homeport.events;

import io.homeport.events.host.HostAdopted;
import io.homeport.events.host.HostRegistered;
import java.util.List;
import java.util.Optional;

/**
 * Every event type Homeport emits. {@code asyncapi.yaml} documents exactly these; {@code AsyncApiCatalogueTest}
 * fails when the two disagree.
 */
public final class EventTypes {

    public static final EventType<HostRegistered> HOST_REGISTERED =
            new EventType<>("io.homeport.host.registered.v1", Topics.HOSTS, HostRegistered.class);

    public static final EventType<HostAdopted> HOST_ADOPTED =
            new EventType<>("io.homeport.host.adopted.v1", Topics.HOSTS, HostAdopted.class);

    public static final List<EventType<?>> ALL = List.of(HOST_REGISTERED, HOST_ADOPTED);

    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    private EventTypes() {
    }
}
