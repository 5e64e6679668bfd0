package io.homeport.events.host;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A host installed by hand enrolled its agent with a reusable enrollment key: it joins the inventory as is.
 *
 * @param hostId    the id the gateway gave it at enrollment
 * @param hostname  the name its agent reported
 * @param labels    the labels of the enrollment key it used
 * @param keyId     which enrollment key it used (never the key itself)
 */
public record HostAdopted(UUID hostId, String hostname, Map<String, String> labels, UUID keyId,
        Instant adoptedAt) {
}
