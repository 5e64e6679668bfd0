package io.homeport.api.webhooks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Webhook subscriptions, {@code /api/v1/webhooks}, kept by the gateway: each event of the event log that matches a
 * subscription is POSTed to its URL, signed ({@code X-Homeport-Signature}), retried with exponential backoff, and
 * dead-lettered after the last attempt; every delivery is in the subscription's delivery log.
 */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public interface WebhooksApi {

    /** 201 + {@code Location}; the generated secret, if any, is in this answer only. 400 naming a bad field. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    RestResponse<WebhookView> create(@NotNull(message = "a JSON body is required") @Valid WebhookRequest request);

    /** Every subscription, newest first, without secrets. */
    @GET
    List<WebhookView> list();

    @GET
    @Path("/{id}")
    WebhookView get(@PathParam("id") UUID id);

    /** 204; its delivery log goes with it. */
    @DELETE
    @Path("/{id}")
    RestResponse<Void> delete(@PathParam("id") UUID id);

    /** The delivery log, newest first; {@code state} narrows it to PENDING, DELIVERED or DEAD deliveries. */
    @GET
    @Path("/{id}/deliveries")
    List<DeliveryView> deliveries(@PathParam("id") UUID id, @QueryParam("state") @Pattern(regexp = "PENDING|DELIVERED|DEAD",
                    message = "must be one of PENDING, DELIVERED, DEAD") String state,
            @QueryParam("limit") @DefaultValue("100") @Pattern(regexp = "0*([1-9][0-9]{0,2}|1000)",
                    message = "must be between 1 and 1000") String limit);

    /** Requeues a DEAD delivery for a fresh series of attempts; 409 unless it is DEAD. */
    @POST
    @Path("/{id}/deliveries/{deliveryId}/retry")
    @Consumes(MediaType.WILDCARD) // no body
    DeliveryView retry(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId);
}
