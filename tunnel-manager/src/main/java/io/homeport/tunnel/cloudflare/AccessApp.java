package io.homeport.tunnel.cloudflare;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Cloudflare Access application in front of a hostname. An update replaces the whole application, so the fields
 * Homeport does not model (identity providers, CORS, launcher settings, …) are kept in {@code other} and sent back
 * as they came.
 *
 * @param policies the reusable policies that apply, by id, in order of {@code precedence}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccessApp(String id, String name, String domain, String type, String sessionDuration,
        List<PolicyRef> policies, Instant createdAt, Instant updatedAt,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> other) {

    public AccessApp {
        other = other == null ? Map.of() : Map.copyOf(other);
    }

    /** A new self-hosted application for {@code domain} (a hostname, optionally with a path). */
    public static AccessApp selfHosted(String name, String domain, String sessionDuration, List<PolicyRef> policies) {
        return new AccessApp(null, name, domain, "self_hosted", sessionDuration, policies, null, null, Map.of());
    }

    /** The same application with other policies. */
    public AccessApp withPolicies(List<PolicyRef> newPolicies) {
        return new AccessApp(id, name, domain, type, sessionDuration, newPolicies, createdAt, updatedAt, other);
    }

    /** A reusable policy as an application refers to it; what else Cloudflare says of it is not kept. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PolicyRef(String id, int precedence) {
    }
}
