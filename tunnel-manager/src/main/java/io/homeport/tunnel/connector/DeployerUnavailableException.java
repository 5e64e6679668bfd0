package io.homeport.tunnel.connector;

/** The deployer failed (5xx), was rate limiting (429), could not be reached or did not answer in time: ask later. */
public class DeployerUnavailableException extends RuntimeException {

    private final String reason;

    DeployerUnavailableException(String what, String reason, Throwable cause) {
        super((what == null ? "the deployer is unavailable" : "the deployer is unavailable to " + what) + ": "
                + reason, cause);
        this.reason = reason;
    }

    DeployerUnavailableException during(String what) {
        return new DeployerUnavailableException(what, reason, this);
    }
}
