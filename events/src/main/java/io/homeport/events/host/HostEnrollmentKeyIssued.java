package io.homeport.events.host;

import java.time.Instant;
import java.util.UUID;

/**
 * The provisioner minted a one-time agent enrollment key for a host it is about to provision; the gateway, which
 * enrolls agents, accepts the key from now on. Carries the key's SHA-256 hash, never the key: the key itself goes
 * only to the host, through the provisioning run.
 *
 * @param keyId     the key's id
 * @param hostId    the host whose agent may enroll with it (once), as that host
 * @param keyHash   hex SHA-256 of the key ({@code io.homeport.platform.secret.SecretTokens#hash})
 * @param expiresAt after this the key is refused
 */
public record HostEnrollmentKeyIssued(UUID keyId, UUID hostId, String keyHash, Instant expiresAt) {

    @Override
    public String toString() {
        return "HostEnrollmentKeyIssued[keyId=" + keyId + ", hostId=" + hostId + ", expiresAt=" + expiresAt + "]";
    }
}
