package io.homeport.tunnel.connector;

/**
 * The deployer refused a request (a 4xx other than 429): asking again the same way will not help. The message names
 * what was being done, the status and the deployer's problem detail.
 */
public class DeployerRefusedException extends RuntimeException {

    private final int status;
    private final String detail;

    DeployerRefusedException(String what, int status, String detail) {
        super((what == null ? "the deployer refused" : "the deployer refused to " + what) + " (HTTP " + status
                + "): " + detail);
        this.status = status;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    /** The deployer's problem detail. */
    public String detail() {
        return detail;
    }

    DeployerRefusedException during(String what) {
        return new DeployerRefusedException(what, status, detail);
    }
}
