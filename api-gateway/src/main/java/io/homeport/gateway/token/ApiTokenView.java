package io.homeport.gateway.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * An API token as the API shows it. {@code token} is present only in the answer to its creation: it is not stored
 * and cannot be shown again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiTokenView(UUID id, String name, String token, String role, String createdBy, Instant createdAt,
        Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

    static ApiTokenView of(ApiToken token, String secret) {
        return new ApiTokenView(token.id, token.name, secret, token.role, token.createdBy, token.createdAt,
                token.expiresAt, token.lastUsedAt, token.revokedAt);
    }

    /** Never print the token. */
    @Override
    public String toString() {
        return "ApiTokenView[id=" + id + ", name=" + name + ", role=" + role + "]";
    }
}
