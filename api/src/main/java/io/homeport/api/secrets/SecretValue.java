package io.homeport.api.secrets;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /api/v1/secrets/{name}}. Never echoed: not in answers, errors, logs or events. */
public record SecretValue(
        @Schema(required = true, examples = "correct horse battery staple")
        @NotEmpty(message = "is required")
        @Size(max = 65536, message = "must be at most 64 KiB")
        String value) {

    /** Never print the value. */
    @Override
    public String toString() {
        return "SecretValue[value=***]";
    }
}
