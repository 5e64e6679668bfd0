package io.homeport.gateway.enrollment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A request for an enrollment key.
 *
 * @param hostId    required for ONE_TIME keys: the host the key enrolls; not allowed for REUSABLE ones
 * @param validFor  ISO-8601 duration, default {@code PT24H} (at most 365 days)
 * @param maxUses   REUSABLE keys only (default 100); a ONE_TIME key is used once
 * @param labels    applied to every host a REUSABLE key adopts
 */
@Schema(description = "A request for an enrollment key.")
public record EnrollmentKeyRequest(
        @NotNull(message = "is required (ONE_TIME or REUSABLE)") EnrollmentKeyKind kind,
        UUID hostId,
        @Pattern(regexp = "P.*", message = "must be an ISO-8601 duration such as PT24H or P30D") String validFor,
        @Min(value = 1, message = "must be at least 1") @Max(value = 100_000, message = "must be at most 100000")
        Integer maxUses,
        @Size(max = 64, message = "must hold at most 64 labels") Map<String, String> labels) {

    public EnrollmentKeyRequest {
        labels = labels == null ? Map.of() : labels;
    }
}
