package io.homeport.api.secrets;

import java.time.Instant;
import java.util.List;

/**
 * A stored secret without its value.
 *
 * @param version increases with every new value
 * @param usedBy  the apps whose current revision uses it
 */
public record SecretView(String name, long version, Instant createdAt, Instant updatedAt, List<String> usedBy) {
}
