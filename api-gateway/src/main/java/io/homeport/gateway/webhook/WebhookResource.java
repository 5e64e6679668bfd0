package io.homeport.gateway.webhook;

import io.homeport.api.webhooks.DeliveryState;
import io.homeport.api.webhooks.DeliveryView;
import io.homeport.api.webhooks.WebhookRequest;
import io.homeport.api.webhooks.WebhookView;
import io.homeport.api.webhooks.WebhooksApi;
import io.homeport.gateway.config.PublicLocations;
import io.homeport.gateway.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Webhook subscriptions and their delivery logs, for admins only: a chat webhook's URL is its credential, and a
 * subscription sends every matching event out of Homeport.
 */
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class WebhookResource implements WebhooksApi {

    private final Webhooks webhooks;
    private final Deliveries deliveries;
    private final PublicLocations locations;
    private final SecurityIdentity identity;
    private final UriInfo uri;

    WebhookResource(Webhooks webhooks, Deliveries deliveries, PublicLocations locations, SecurityIdentity identity,
            UriInfo uri) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.locations = locations;
        this.identity = identity;
        this.uri = uri;
    }

    @Override
    public RestResponse<WebhookView> create(WebhookRequest request) {
        WebhookView webhook = webhooks.create(request, identity.getPrincipal().getName());
        return RestResponse.ResponseBuilder.<WebhookView>created(
                locations.here(uri).path(webhook.id().toString()).build()).entity(webhook).build();
    }

    @Override
    public List<WebhookView> list() {
        return webhooks.list();
    }

    @Override
    public WebhookView get(UUID id) {
        return webhooks.get(id);
    }

    @Override
    public RestResponse<Void> delete(UUID id) {
        webhooks.delete(id);
        return RestResponse.noContent();
    }

    @Override
    public List<DeliveryView> deliveries(UUID id, String state, String limit) {
        return deliveries.list(id, state == null ? null : DeliveryState.valueOf(state),
                Integer.parseInt(limit)); // both checked by their patterns
    }

    @Override
    public DeliveryView retry(UUID id, UUID deliveryId) {
        return deliveries.retry(id, deliveryId);
    }
}
