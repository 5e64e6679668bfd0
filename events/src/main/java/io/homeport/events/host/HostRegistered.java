package io.homeport.events.host;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A host entered the inventory (not yet provisioned). Carries no secrets: the SSH key stays in the provisioner.
 *
 * @param hostId       the aggregate id
 * @param name         a unique, human-readable name
 * @param address      DNS name or IP address the provisioner reaches it at
 * @param sshPort      SSH port
 * @param labels       user labels, used for placement constraints
 * @param registeredAt when the provisioner accepted it
 */
public record HostRegistered(UUID hostId, String name, String address, int sshPort, Map<String, String> labels,
        Instant registeredAt) {
}
