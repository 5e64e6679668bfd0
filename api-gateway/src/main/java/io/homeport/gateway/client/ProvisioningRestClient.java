package io.homeport.gateway.client;

import io.homeport.api.hosts.ProvisioningApi;
import io.homeport.platform.servicetoken.ServiceTokenFilter;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.client.SseEvent;

/** The provisioner's provisioning runs, seen from the gateway. Use it through {@link ProvisionerClient}. */
@RegisterRestClient(configKey = "provisioner")
@RegisterProvider(ServiceTokenFilter.class)
@RegisterProvider(DownstreamProblemMapper.class)
// repeated from ProvisioningApi: the REST client does not fill an inherited class-level path's {hostId}
@Path("/api/v1/hosts/{hostId}/provisioning-runs")
public interface ProvisioningRestClient extends ProvisioningApi {

    /** The run's progress stream, relayed event by event (ids kept, so resuming works end to end). */
    @GET
    @Path("/{runId}/steps")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    Multi<SseEvent<String>> follow(@PathParam("hostId") UUID hostId, @PathParam("runId") UUID runId,
            @HeaderParam("Last-Event-ID") String lastEventId);
}
