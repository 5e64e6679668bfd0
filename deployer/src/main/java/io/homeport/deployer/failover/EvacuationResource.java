package io.homeport.deployer.failover;

import io.homeport.api.hosts.EvacuationApi;
import io.homeport.api.hosts.EvacuationView;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** Evacuating and un-draining hosts; 202 with what moves, since the moves finish later (follow the events). */
public class EvacuationResource implements EvacuationApi {

    private final Failovers failovers;

    EvacuationResource(Failovers failovers) {
        this.failovers = failovers;
    }

    @Override
    public RestResponse<EvacuationView> evacuate(UUID id, UUID to) {
        return RestResponse.accepted(failovers.evacuate(id, to));
    }

    @Override
    public RestResponse<Void> undrain(UUID id) {
        failovers.undrain(id);
        return RestResponse.noContent();
    }
}
