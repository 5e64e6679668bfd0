package io.homeport.gateway.host;

import io.homeport.api.hosts.EvacuationApi;
import io.homeport.api.hosts.EvacuationView;
import io.homeport.gateway.client.DeployerClient;
import io.homeport.gateway.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

/** Evacuating and un-draining hosts; the deployer owns placement and does the moves. */
@SecurityRequirement(name = "bearer")
public class EvacuationResource implements EvacuationApi {

    private final DeployerClient deployer;

    EvacuationResource(DeployerClient deployer) {
        this.deployer = deployer;
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public RestResponse<EvacuationView> evacuate(UUID id, UUID to) {
        return RestResponse.accepted(deployer.evacuate(id, to));
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public RestResponse<Void> undrain(UUID id) {
        deployer.undrain(id);
        return RestResponse.noContent();
    }
}
