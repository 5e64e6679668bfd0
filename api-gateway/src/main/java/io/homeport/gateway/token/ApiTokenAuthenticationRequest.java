package io.homeport.gateway.token;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer secret that looks like an API token ({@code hpt_…}), to be checked by {@link ApiTokenIdentityProvider}. */
public class ApiTokenAuthenticationRequest extends BaseAuthenticationRequest {

    private final String secret;

    public ApiTokenAuthenticationRequest(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }

    /** Never print the secret. */
    @Override
    public String toString() {
        return "ApiTokenAuthenticationRequest";
    }
}
