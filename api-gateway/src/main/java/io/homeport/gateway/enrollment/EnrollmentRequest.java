package io.homeport.gateway.enrollment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an agent sends to enroll. */
public record EnrollmentRequest(
        @NotBlank(message = "is required") @Size(max = 200, message = "is not an enrollment key")
        String enrollmentKey,
        @NotBlank(message = "is required") @Size(max = 253, message = "must be at most 253 characters")
        String hostname) {

    /** Never print the key. */
    @Override
    public String toString() {
        return "EnrollmentRequest[hostname=" + hostname + "]";
    }
}
