package io.homeport.gateway.enrollment;

import java.util.UUID;

/** The answer to a successful enrollment: the agent's host id and its credential (shown this once). */
public record Enrollment(UUID hostId, String credential) {

    @Override
    public String toString() {
        return "Enrollment[hostId=" + hostId + "]";
    }
}
