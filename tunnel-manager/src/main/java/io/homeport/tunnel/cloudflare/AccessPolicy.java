package io.homeport.tunnel.cloudflare;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A reusable Access policy: who may pass ({@code decision} allow, deny, non_identity or bypass), by rules such as
 * {@code {"email": {"email": "ada@example.org"}}} or {@code {"everyone": {}}} that stay JSON as Cloudflare has
 * many kinds. Fields Homeport does not model are kept in {@code other} and sent back on an update.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccessPolicy(String id, String name, String decision, List<JsonNode> include, List<JsonNode> exclude,
        List<JsonNode> require, Instant createdAt, Instant updatedAt,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> other) {

    public AccessPolicy {
        other = other == null ? Map.of() : Map.copyOf(other);
    }

    /** A new policy with only {@code include} rules. */
    public static AccessPolicy of(String name, String decision, List<JsonNode> include) {
        return new AccessPolicy(null, name, decision, include, List.of(), List.of(), null, null, Map.of());
    }
}
