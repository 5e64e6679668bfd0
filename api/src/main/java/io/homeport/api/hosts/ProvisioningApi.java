package io.homeport.api.hosts;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
 * Provisioning runs of a host, {@code /api/v1/hosts/{hostId}/provisioning-runs}: served to users by the gateway,
 * implemented by the provisioner. Live progress is a server-sent-event stream at {@code …/{runId}/steps}.
 */
@Path("/api/v1/hosts/{hostId}/provisioning-runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ProvisioningApi {

    /**
     * Preflights the host and starts the playbook on it: 202 with the run and its {@code Location}. 409 while
     * another run is going on the host or when its host key changed; 422 when preflight refuses the host.
     */
    @POST
    @Consumes(MediaType.WILDCARD) // no body: any content type, or none, will do
    RestResponse<ProvisioningRunView> start(@PathParam("hostId") UUID hostId);

    /** The host's runs, newest first, without their steps. */
    @GET
    List<ProvisioningRunView> list(@PathParam("hostId") UUID hostId);

    /** One run with its steps so far. */
    @GET
    @Path("/{runId}")
    ProvisioningRunView get(@PathParam("hostId") UUID hostId, @PathParam("runId") UUID runId);

    /** Stops a running run (the playbook process is ended); 202 with the run. A finished run is left as it is. */
    @DELETE
    @Path("/{runId}")
    RestResponse<ProvisioningRunView> cancel(@PathParam("hostId") UUID hostId, @PathParam("runId") UUID runId);
}
