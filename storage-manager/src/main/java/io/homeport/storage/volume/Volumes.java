package io.homeport.storage.volume;

import io.homeport.events.EventTypes;
import io.homeport.events.storage.VolumeReady;
import io.homeport.events.storage.VolumeRequested;
import io.homeport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Answers the deployer's volume requests. A volume today is a directory the agent makes when it starts the
 * container ({@code <mount>/apps/<app>/<volume>} for {@code shared}, a local one for {@code local-synced}), so it
 * is recorded and reported ready at once, in one transaction; leases, syncing and backups (issue 6) will put
 * their work between the two.
 */
@ApplicationScoped
public class Volumes {

    private final Outbox outbox;

    Volumes(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void requested(VolumeRequested request) {
        Volume volume = Volume.findById(new Volume.Key(request.app(), request.volume()));
        boolean fresh = volume == null;
        if (fresh) {
            volume = new Volume();
            volume.app = request.app();
            volume.name = request.volume();
        }
        volume.mode = request.mode();
        volume.requestedAt = request.at();
        volume.readyAt = Instant.now();
        if (fresh) {
            volume.persist();
        }
        outbox.emit(EventTypes.VOLUME_READY, VolumeRequested.key(volume.app, volume.name),
                new VolumeReady(volume.app, volume.name, volume.mode, request.hostId(), null, null, volume.readyAt));
    }
}
