package io.homeport.deployer.host;

import io.homeport.events.host.HostRegistered;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Keeps the deployer's host records in step with the inventory. */
@ApplicationScoped
public class PlacementHosts {

    @Transactional(Transactional.TxType.MANDATORY)
    public void registered(HostRegistered event) {
        PlacementHost host = PlacementHost.<PlacementHost>findByIdOptional(event.hostId()).orElseGet(PlacementHost::new);
        host.hostId = event.hostId();
        host.name = event.name();
        host.labels = event.labels();
        host.registeredAt = event.registeredAt();
        host.knownSince = host.knownSince == null ? Instant.now() : host.knownSince;
        host.persist();
    }

    public PlacementHostView get(UUID hostId) {
        return PlacementHost.<PlacementHost>findByIdOptional(hostId).map(PlacementHostView::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "The deployer knows no host " + hostId));
    }
}
