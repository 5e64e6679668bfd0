package io.homeport.gateway.host;

import io.homeport.api.hosts.ProvisioningApi;
import io.homeport.api.hosts.ProvisioningRunView;
import io.homeport.gateway.client.ProvisionerClient;
import io.homeport.gateway.config.PublicLocations;
import io.homeport.gateway.security.Roles;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

/** Provisioning runs for users, with their live progress; the provisioner runs them. */
@SecurityRequirement(name = "bearer")
public class ProvisioningResource implements ProvisioningApi {

    private final ProvisionerClient provisioner;
    private final PublicLocations locations;
    private final UriInfo uri;
    private final Sse sse;

    ProvisioningResource(ProvisionerClient provisioner, PublicLocations locations, UriInfo uri, Sse sse) {
        this.provisioner = provisioner;
        this.locations = locations;
        this.uri = uri;
        this.sse = sse;
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public RestResponse<ProvisioningRunView> start(UUID hostId) {
        ProvisioningRunView run = provisioner.startProvisioning(hostId).getEntity();
        UriBuilder location = locations.here(uri);
        return RestResponse.ResponseBuilder.<ProvisioningRunView>accepted().entity(run)
                .location(location.path(run.id().toString()).build()).build();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public List<ProvisioningRunView> list(UUID hostId) {
        return provisioner.provisioningRuns(hostId);
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public ProvisioningRunView get(UUID hostId, UUID runId) {
        return provisioner.provisioningRun(hostId, runId);
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public RestResponse<ProvisioningRunView> cancel(UUID hostId, UUID runId) {
        return provisioner.cancelProvisioning(hostId, runId);
    }

    /**
     * The run's steps as server-sent events ({@code step} events with the step's number as id, then one
     * {@code end}); resume with {@code Last-Event-ID}. Relayed from the provisioner event by event.
     */
    @GET
    @Path("/{runId}/steps")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public Multi<OutboundSseEvent> follow(@PathParam("hostId") UUID hostId, @PathParam("runId") UUID runId,
            @HeaderParam("Last-Event-ID") String lastEventId) {
        return provisioner.followProvisioning(hostId, runId, lastEventId)
                .map(event -> {
                    OutboundSseEvent.Builder relayed = sse.newEventBuilder();
                    if (event.id() != null) {
                        relayed.id(event.id());
                    }
                    if (event.name() != null) {
                        relayed.name(event.name());
                    }
                    if (event.comment() != null) {
                        relayed.comment(event.comment());
                    }
                    if (event.data() != null) {
                        relayed.mediaType(MediaType.TEXT_PLAIN_TYPE).data(event.data()); // already JSON: sent as is
                    }
                    return relayed.build();
                });
    }
}
