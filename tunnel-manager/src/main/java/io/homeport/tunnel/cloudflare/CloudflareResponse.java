package io.homeport.tunnel.cloudflare;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The envelope every Cloudflare API v4 answer comes in; {@code resultInfo} only on lists.
 *
 * @param <T> what {@code result} holds
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CloudflareResponse<T>(boolean success, List<CloudflareError> errors, List<JsonNode> messages, T result,
        ResultInfo resultInfo) {

    /** Where a page of a list stands. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ResultInfo(int page, int perPage, int count, int totalCount, int totalPages) {
    }
}
