package io.homeport.gateway.token;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a valid API token into an identity: principal {@code token:<name>}, the token's role as its only role,
 * and the attribute {@link #TOKEN_ID}. The lookup is a database read, so it runs off the event loop.
 */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenAuthenticationRequest> {

    /** Principal names of API tokens start with this. */
    public static final String PRINCIPAL_PREFIX = "token:";
    public static final String TOKEN_ID = "homeport.api-token.id";

    private final ApiTokenService tokens;

    ApiTokenIdentityProvider(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<ApiTokenAuthenticationRequest> getRequestType() {
        return ApiTokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiTokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            ApiTokenView token = tokens.authenticate(request.secret());
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(PRINCIPAL_PREFIX + token.name()))
                    .addRole(token.role())
                    .addAttribute(TOKEN_ID, token.id())
                    .build();
        }).onFailure(ApiTokenRefusedException.class).transform(e -> new AuthenticationFailedException(e.getMessage(), e));
    }
}
