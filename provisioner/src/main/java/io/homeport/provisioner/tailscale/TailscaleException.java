package io.homeport.provisioner.tailscale;

/**
 * The Tailscale API could not mint a key. The message carries Tailscale's own {@code message} and the HTTP status,
 * never a credential or a key.
 */
public abstract class TailscaleException extends RuntimeException {

    private final int status;

    TailscaleException(int status, String message) {
        super(message);
        this.status = status;
    }

    TailscaleException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status Tailscale answered with; 0 when there was no answer. */
    public int status() {
        return status;
    }
}
