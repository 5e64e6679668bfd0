package io.homeport.deployer.host;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** The hosts the deployer knows for placement. */
@Path("/api/v1/placement/hosts")
@Produces(MediaType.APPLICATION_JSON)
public class PlacementHostResource {

    private final PlacementHosts hosts;

    PlacementHostResource(PlacementHosts hosts) {
        this.hosts = hosts;
    }

    @GET
    @Path("/{hostId}")
    public PlacementHostView get(@PathParam("hostId") UUID hostId) {
        return hosts.get(hostId);
    }
}
