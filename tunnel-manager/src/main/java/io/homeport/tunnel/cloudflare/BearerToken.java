package io.homeport.tunnel.cloudflare;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/** Puts the API token on every request, so that no method signature carries it. */
final class BearerToken implements ClientRequestFilter {

    private final String token;

    BearerToken(String token) {
        this.token = token;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    @Override
    public String toString() {
        return "BearerToken[****]";
    }
}
