package io.homeport.gateway.security;

import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.ProblemException;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** How long a minted secret (an enrollment key, an API token) stays valid: an ISO-8601 duration from the request. */
public final class Validity {

    /**
     * @param field      the request field, named in the 400 problem
     * @param iso        the duration asked for, or null for {@code whenAbsent}
     * @throws ProblemException 400 when it is not a duration, not positive or longer than {@code max}
     */
    public static Duration parse(String field, String iso, Duration whenAbsent, Duration max) {
        if (iso == null) {
            return whenAbsent;
        }
        Duration duration;
        try {
            duration = Duration.parse(iso);
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.invalidField(field,
                    "must be an ISO-8601 duration such as PT24H or P30D"));
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(max) > 0) {
            throw new ProblemException(Problem.invalidField(field, "must be positive and at most " + show(max)));
        }
        return duration;
    }

    /** {@code P365D} rather than Duration's {@code PT8760H}. */
    private static String show(Duration duration) {
        return duration.toSeconds() % 86_400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
    }

    private Validity() {
    }
}
