package io.homeport.platform.servicetoken;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Gives every call of a REST client to another Homeport service its service token. Register it on each client of a
 * Homeport service ({@code @RegisterProvider(ServiceTokenFilter.class)}), never globally: a client of an outside API
 * (Cloudflare, Tailscale) must not receive it.
 */
@ApplicationScoped
public class ServiceTokenFilter implements ClientRequestFilter {

    private final ServiceTokens tokens;

    ServiceTokenFilter(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.forCurrentCaller());
    }
}
