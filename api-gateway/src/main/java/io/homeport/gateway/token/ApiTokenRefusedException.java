package io.homeport.gateway.token;

import io.homeport.platform.problem.CredentialRefusedException;

/**
 * An API token that cannot be used, and why (not valid, revoked at T, expired at T). It reaches the REST layer as
 * the cause of an {@code AuthenticationFailedException}. Unlike a refused OIDC token's, the reason goes to the
 * caller: it names nothing the caller did not send, and tells automation what to renew.
 */
public class ApiTokenRefusedException extends CredentialRefusedException {

    public ApiTokenRefusedException(String reason) {
        super(reason);
    }
}
