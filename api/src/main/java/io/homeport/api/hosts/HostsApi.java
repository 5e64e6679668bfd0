package io.homeport.api.hosts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
 * The host inventory, {@code /api/v1/hosts}: served to users by the gateway and implemented by the provisioner,
 * which owns hosts.
 */
@Path("/api/v1/hosts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface HostsApi {

    /** Adds a host; 201 with the host and its {@code Location}. */
    @POST
    RestResponse<HostView> register(@NotNull(message = "a JSON body is required") @Valid HostRegistration registration);

    @GET
    List<HostView> list();

    @GET
    @Path("/{id}")
    HostView get(@PathParam("id") UUID id);

    /**
     * Takes a host out of service: it stays listed as DECOMMISSIONED, its SSH key is erased and its agent's
     * credentials are revoked. 409 while it is being provisioned.
     */
    @DELETE
    @Path("/{id}")
    HostView decommission(@PathParam("id") UUID id);

    /**
     * Checks the host over SSH without changing it: reachable, host key as pinned (or pins it on first contact),
     * operating system supported, sudo without a password. 422 naming what is wrong; 409 when the host key changed.
     */
    @POST
    @Path("/{id}/preflight")
    @Consumes(MediaType.WILDCARD) // no body: any content type, or none, will do
    PreflightView preflight(@PathParam("id") UUID id);
}
