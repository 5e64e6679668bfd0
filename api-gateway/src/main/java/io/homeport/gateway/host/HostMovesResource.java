package io.homeport.gateway.host;

import io.homeport.api.hosts.HostMoveView;
import io.homeport.api.hosts.HostMovesApi;
import io.homeport.gateway.client.DeployerClient;
import io.homeport.gateway.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The apps that moved off or onto a host; the deployer moves apps and records it. */
@SecurityRequirement(name = "bearer")
public class HostMovesResource implements HostMovesApi {

    private final DeployerClient deployer;

    HostMovesResource(DeployerClient deployer) {
        this.deployer = deployer;
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public List<HostMoveView> moves(UUID id) {
        return deployer.hostMoves(id);
    }
}
