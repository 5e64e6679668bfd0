package io.homeport.platform.problem;

/**
 * A credential refused for a reason its holder may read (not valid, revoked at T, expired at T), because the reason
 * names nothing the caller did not send and tells automation what to renew. Raised as the cause of an
 * {@code AuthenticationFailedException}; {@link SecurityProblemMappers} puts the reason in the 401. Refusals of other
 * tokens (a JWT's bad signature or audience) keep their reason in the server log.
 */
public class CredentialRefusedException extends RuntimeException {

    public CredentialRefusedException(String reason) {
        super(reason);
    }
}
