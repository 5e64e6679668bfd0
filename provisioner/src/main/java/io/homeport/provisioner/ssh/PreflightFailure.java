package io.homeport.provisioner.ssh;

/**
 * Why a host cannot be provisioned, in words for the person who added it. Messages name the host, the user and the
 * fingerprints involved, never the private key.
 */
public class PreflightFailure extends RuntimeException {

    /** What went wrong, and whether trying again later can help. */
    public enum Reason {
        /** Connection refused, timed out, unknown name, or the connection dropped: the host may come back. */
        UNREACHABLE(true),
        /**
         * The server offered another key than the pinned one: a reinstalled server, or someone in between. Nothing
         * may run on the host until a person has looked; never retried, never re-pinned automatically.
         */
        HOST_KEY_CHANGED(false),
        /** The server refused the user with the given key. */
        AUTHENTICATION_FAILED(false),
        /** The host runs an operating system Homeport does not provision ({@link SupportedOs}). */
        UNSUPPORTED_OS(false),
        /** The user is not root and cannot run {@code sudo} without a password. */
        NO_SUDO(false),
        /** The private key cannot be read (wrong format, encrypted, damaged). */
        INVALID_KEY(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        /** Whether the same check may succeed later without anyone changing anything. */
        public boolean retryable() {
            return retryable;
        }
    }

    private final Reason reason;

    public PreflightFailure(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
