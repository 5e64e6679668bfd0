package io.homeport.api.hosts;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Evacuating a host (planned maintenance, or a lost host whose apps do not fail over on their own): served to users by
 * the gateway and implemented by the deployer, which owns placement.
 */
// the full path on the class: the gateway routes /api/v1/hosts/{id} to HostsApi, more specific paths to others
@Path("/api/v1/hosts/{id}/evacuate")
@Produces(MediaType.APPLICATION_JSON)
public interface EvacuationApi {

    /**
     * Moves every app placed on the host, whatever its failover policy, to other hosts (only to {@code to} when
     * given) and drains the host. 202 with what moves and what cannot; 404 unknown host; 409 when {@code to} is the
     * host itself, unknown, not online, drained or lost.
     */
    @POST
    RestResponse<EvacuationView> evacuate(@PathParam("id") UUID id, @QueryParam("to") UUID to);

    /**
     * Ends the evacuation: the host is no longer drained, so apps may be placed on it again (none moves back by
     * itself). 204; 404 unknown host.
     */
    @DELETE
    RestResponse<Void> undrain(@PathParam("id") UUID id);
}
