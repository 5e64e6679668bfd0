package io.homeport.gateway.enrollment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An enrollment key as the API shows it. {@code key} is present only in the answer to its creation: it is not
 * stored and cannot be shown again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrollmentKeyView(UUID id, String key, EnrollmentKeyKind kind, UUID hostId, Map<String, String> labels,
        Instant expiresAt, int maxUses, int uses, Instant revokedAt, String createdBy, Instant createdAt) {

    static EnrollmentKeyView of(EnrollmentKey key, String secret) {
        return new EnrollmentKeyView(key.id, secret, key.kind, key.hostId, key.labels, key.expiresAt, key.maxUses,
                key.uses, key.revokedAt, key.createdBy, key.createdAt);
    }
}
