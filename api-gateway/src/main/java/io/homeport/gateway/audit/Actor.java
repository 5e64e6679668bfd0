package io.homeport.gateway.audit;

import io.homeport.gateway.token.ApiTokenIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Locale;

/** Who made a request, as the audit log names them. */
public record Actor(String name, Kind kind) {

    public enum Kind {
        USER, API_TOKEN, AGENT, ENROLLMENT_KEY, ANONYMOUS;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public static final Actor ANONYMOUS = new Actor("anonymous", Kind.ANONYMOUS);
    /** An agent enrolling: its only proof is the enrollment key it presents. */
    public static final Actor ENROLLMENT_KEY = new Actor("enrollment key", Kind.ENROLLMENT_KEY);

    /** An OIDC user by the name quarkus-oidc gives its principal ({@code upn}, {@code preferred_username} or {@code sub}), or an API token. */
    public static Actor of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        Kind kind = identity.getAttribute(ApiTokenIdentityProvider.TOKEN_ID) != null ? Kind.API_TOKEN : Kind.USER;
        return new Actor(identity.getPrincipal().getName(), kind);
    }

    public static Actor host(Object hostId) {
        return new Actor("host:" + hostId, Kind.AGENT);
    }
}
