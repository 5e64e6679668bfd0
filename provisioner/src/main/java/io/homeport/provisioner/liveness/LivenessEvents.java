package io.homeport.provisioner.liveness;

import io.homeport.events.EventTypes;
import io.homeport.events.host.HostLost;
import io.homeport.events.host.HostOnline;
import io.homeport.events.host.HostSuspect;
import io.homeport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** What liveness emits: one event per status change, in the transaction that makes it. */
@ApplicationScoped
class LivenessEvents {

    private final Outbox outbox;

    LivenessEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void changed(UUID hostId, LivenessStatus status, Instant lastHeartbeatAt, Instant at) {
        String key = hostId.toString();
        switch (status) {
            case ONLINE -> outbox.emit(EventTypes.HOST_ONLINE, key, new HostOnline(hostId, lastHeartbeatAt, at));
            case SUSPECT -> outbox.emit(EventTypes.HOST_SUSPECT, key, new HostSuspect(hostId, lastHeartbeatAt, at));
            case LOST -> outbox.emit(EventTypes.HOST_LOST, key, new HostLost(hostId, lastHeartbeatAt, at));
            case UNKNOWN -> throw new IllegalArgumentException("a host heard from is never UNKNOWN: " + hostId);
        }
    }
}
