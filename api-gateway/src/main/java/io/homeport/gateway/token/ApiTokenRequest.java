package io.homeport.gateway.token;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A request for an API token.
 *
 * @param name     names the token's principal ({@code token:<name>}) in the audit log; unique among live tokens
 * @param role     the token's only role
 * @param validFor ISO-8601 duration, default {@code homeport.gateway.api-tokens.default-validity} (P30D), at most
 *                 {@code max-validity} (P365D)
 */
@Schema(description = "A request for an API token.")
public record ApiTokenRequest(
        @Schema(required = true, examples = "ci-deploy")
        @NotBlank(message = "is required")
        @Pattern(regexp = "[a-z0-9]([a-z0-9._-]{0,62})", message = "must be 1 to 63 lower-case letters, digits, "
                + "'.', '_' or '-', starting with a letter or digit")
        String name,
        @Schema(required = true, enumeration = {"admin", "operator", "viewer"})
        @NotNull(message = "is required (admin, operator or viewer)")
        @Pattern(regexp = "admin|operator|viewer", message = "must be admin, operator or viewer")
        String role,
        @Schema(examples = "P90D")
        String validFor) {
}
