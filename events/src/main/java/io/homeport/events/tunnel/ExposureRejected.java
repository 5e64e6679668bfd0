package io.homeport.events.tunnel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A container's exposure labels are invalid, so none of its routes is applied (never half of them). Subject:
 * {@code <host id>/<container name>}.
 *
 * @param app      the Homeport app the container belongs to, null for a container Homeport does not manage
 * @param problems each offending label and why
 */
public record ExposureRejected(UUID hostId, String container, String app, List<Problem> problems, Instant at) {

    public ExposureRejected {
        problems = List.copyOf(problems);
    }

    /** One offending label (its full key) and what is wrong with it. */
    public record Problem(String label, String message) {
    }
}
