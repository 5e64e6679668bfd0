package io.homeport.platform.servicetoken;

import io.homeport.api.auth.ServiceToken;
import io.homeport.platform.secret.MasterKey;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.util.Set;

/**
 * How a service checks the service tokens its callers present (smallrye-jwt, on {@code /api/*}; see the platform's
 * {@code microprofile-config.properties}): signed HS256 with the key derived from the master key, issuer and audience
 * of {@link ServiceToken}, not expired, and never made to last longer than {@link ServiceToken#LIFETIME}. The key
 * cannot come from configuration (it is derived), hence this producer in place of smallrye-jwt's own.
 */
public class ServiceTokenVerification {

    /** Clocks of the machines the services run on may differ this much. */
    static final int CLOCK_SKEW_SECONDS = 5;

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo serviceTokens(MasterKey masterKey) {
        JWTAuthContextInfo info = new JWTAuthContextInfo(masterKey.serviceTokenKey(), ServiceToken.ISSUER);
        info.setExpectedAudience(Set.of(ServiceToken.AUDIENCE));
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.HS256));
        info.setClockSkew(CLOCK_SKEW_SECONDS);
        info.setMaxTimeToLiveSecs(ServiceToken.LIFETIME.toSeconds());
        info.setRequiredClaims(Set.of("sub", "iat", "exp", "aud"));
        return info;
    }
}
