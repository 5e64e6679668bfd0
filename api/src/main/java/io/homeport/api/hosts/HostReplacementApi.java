package io.homeport.api.hosts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Replacing a dead host with a fresh server in one call: served to users by the gateway, run by the provisioner. The
 * run provisions the new server, waits for its agent, then marks the old host REPLACED (its agent is refused from
 * then on and stops what it ran) and moves every app placed on it to the new host, whatever its failover policy.
 */
// the full path on the class: the gateway routes /api/v1/hosts/{id} to HostsApi, more specific paths to others
@Path("/api/v1/hosts/{id}/replace")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface HostReplacementApi {

    /**
     * Registers the new server and starts the replacement run: 202 with the run and its {@code Location}; follow it
     * there or in the event stream ({@code io.homeport.host.replacement.progressed.v1}). 400 for bad connection
     * details; 404 unknown host; 409 when the host is decommissioned, replaced, being provisioned or being replaced,
     * or the new server's name is taken; 422 when the provisioner cannot provision at all (no gateway URL for agents).
     */
    @POST
    RestResponse<ReplacementView> replace(@PathParam("id") UUID id,
            @NotNull(message = "the new server's connection details are required") @Valid HostRegistration server);

    /** The host's replacement runs, newest first. */
    @GET
    List<ReplacementView> list(@PathParam("id") UUID id);

    /** One replacement run: its phases with their times, and a report per app. */
    @GET
    @Path("/{replacementId}")
    ReplacementView get(@PathParam("id") UUID id, @PathParam("replacementId") UUID replacementId);
}
