package io.homeport.gateway.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

/**
 * Where the {@code Location} of a created or accepted resource points: at the gateway's public URL when a proxy
 * sits in front of it ({@code homeport.gateway.public-url}), else at the address the request came to.
 */
@ApplicationScoped
public class PublicLocations {

    private final GatewayConfig config;

    PublicLocations(GatewayConfig config) {
        this.config = config;
    }

    /** The gateway's root, e.g. to point at {@code api/v1/deployments/{id}}. */
    public UriBuilder root(UriInfo request) {
        return config.publicUrl().map(UriBuilder::fromUri).orElseGet(request::getBaseUriBuilder);
    }

    /** The request's own path, e.g. to point at {@code {path}/{id}} of what a POST created. */
    public UriBuilder here(UriInfo request) {
        return config.publicUrl().map(base -> UriBuilder.fromUri(base).path(request.getPath()))
                .orElseGet(request::getAbsolutePathBuilder);
    }
}
