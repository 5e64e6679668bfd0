package io.homeport.deployer.volume;

import io.homeport.api.apps.AppSpec;
import io.homeport.events.EventTypes;
import io.homeport.events.storage.VolumeReady;
import io.homeport.events.storage.VolumeRequested;
import io.homeport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * An app's volumes, requested from the storage-manager before the app is placed ({@code volume.requested}, through
 * the outbox, in the deploy's transaction) and ready once it answers ({@code volume.ready}). A volume keeps its
 * state across revisions: only a new volume, or one whose mode changed, is requested again.
 */
@ApplicationScoped
public class Volumes {

    private static final Logger LOG = Logger.getLogger(Volumes.class);

    private final Outbox outbox;

    Volumes(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The spec's volumes that are not ready; those not requested yet (or whose mode changed) are requested now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> request(String app, AppSpec spec) {
        List<String> pending = new ArrayList<>();
        Instant now = Instant.now();
        for (AppSpec.Volume volume : spec.volumes()) {
            String mode = volume.mode().wireName();
            AppVolume row = AppVolume.findById(new AppVolume.Key(app, volume.name()));
            if (row != null && row.mode.equals(mode)) {
                if (!row.ready()) {
                    pending.add(volume.name());
                }
                continue;
            }
            boolean fresh = row == null;
            if (fresh) {
                row = new AppVolume();
                row.app = app;
                row.name = volume.name();
            }
            row.mode = mode;
            row.requestedAt = now;
            row.readyAt = null;
            if (fresh) {
                row.persist();
            }
            outbox.emit(EventTypes.VOLUME_REQUESTED, VolumeRequested.key(app, volume.name()),
                    new VolumeRequested(app, volume.name(), mode, null, now));
            pending.add(volume.name());
        }
        return pending;
    }

    /** @return whether the answer is about the volume as it was last requested (an answer to an older mode is not) */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean ready(VolumeReady event) {
        AppVolume row = AppVolume.findById(new AppVolume.Key(event.app(), event.volume()));
        if (row == null || !row.mode.equals(event.mode())) {
            LOG.infof("Volume %s/%s (%s) is ready, but it is not the volume the deployer asked for last: passed over",
                    event.app(), event.volume(), event.mode());
            return false;
        }
        row.readyAt = event.at();
        return true;
    }
}
