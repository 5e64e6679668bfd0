package io.homeport.storage.mount;

import io.homeport.events.host.HostRegistered;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import io.homeport.storage.config.StorageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** The mounts hosts must keep: one per registered host. */
@ApplicationScoped
public class HostMounts {

    private final StorageConfig config;

    HostMounts(StorageConfig config) {
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void hostRegistered(HostRegistered event) {
        if (HostMount.findByIdOptional(event.hostId()).isPresent()) {
            return;
        }
        HostMount mount = new HostMount();
        mount.hostId = event.hostId();
        mount.hostName = event.name();
        mount.mountPath = config.mountPath();
        mount.state = MountState.PENDING;
        mount.createdAt = Instant.now();
        mount.persist();
    }

    public HostMountView get(UUID hostId) {
        return HostMount.<HostMount>findByIdOptional(hostId).map(HostMountView::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No mount known for host " + hostId));
    }
}
