package io.homeport.api.hosts;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/**
 * The apps that moved off a host or onto it (failovers and evacuations): the host's side of the app view's
 * {@code lastMove}, served to users by the gateway and implemented by the deployer, which moves apps.
 */
// the full path on the class: the gateway routes /api/v1/hosts/{id} to HostsApi, more specific paths to others
@Path("/api/v1/hosts/{id}/moves")
@Produces(MediaType.APPLICATION_JSON)
public interface HostMovesApi {

    /** The host's latest moves, newest first (at most 100); empty for a host nothing moved off or onto. */
    @GET
    List<HostMoveView> moves(@PathParam("id") UUID id);
}
