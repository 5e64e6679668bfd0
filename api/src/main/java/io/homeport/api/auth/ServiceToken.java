package io.homeport.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The credential a service's {@code /api/v1} expects from its callers (the gateway, or another service): a short-lived
 * JWT, HS256, issuer {@value #ISSUER}, audience {@value #AUDIENCE}, {@code sub} the identity the call is made for (the
 * gateway's caller, or the calling service itself), {@code groups} its roles, {@code azp} the calling service.
 *
 * <p>The gateway cannot forward its caller's own token: an API token or a token of the OIDC provider means nothing to
 * a service, and the services must not depend on the provider. Every service already holds the master key
 * ({@code HOMEPORT_MASTER_KEY}), so the signing key is derived from it (HMAC-SHA256 over {@link #KEY_LABEL}): the
 * master key itself never signs a token, and a token never helps decrypt a secret.
 */
public final class ServiceToken {

    public static final String ISSUER = "homeport";
    public static final String AUDIENCE = "homeport-services";
    /** Long enough for a slow call and a little clock skew; short enough that a leaked token is soon worthless. */
    public static final Duration LIFETIME = Duration.ofSeconds(60);
    /** Changing it changes every service's key: all services must be upgraded together. */
    public static final String KEY_LABEL = "homeport service-token signing key v1";
    public static final String ALGORITHM = AlgorithmIdentifiers.HMAC_SHA256;

    private ServiceToken() {
    }

    /** The claims of one token; {@link #of} fills in the usual ones. */
    public record Claims(String issuer, String audience, String subject, List<String> groups, String caller,
            Instant issuedAt, Instant expiresAt) {

        /** A token for {@code subject} with {@code groups}, made by service {@code caller} at {@code now}. */
        public static Claims of(String subject, Collection<String> groups, String caller, Instant now) {
            return new Claims(ISSUER, AUDIENCE, subject, List.copyOf(groups), caller, now, now.plus(LIFETIME));
        }

        public Claims withAudience(String other) {
            return new Claims(issuer, other, subject, groups, caller, issuedAt, expiresAt);
        }

        public Claims withExpiry(Instant other) {
            return new Claims(issuer, audience, subject, groups, caller, issuedAt, other);
        }
    }

    /** The HS256 key derived from the master key (its 32 bytes, decoded). */
    public static SecretKey signingKey(byte[] masterKey) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
            return new SecretKeySpec(hmac.doFinal(KEY_LABEL.getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** {@link #signingKey(byte[])} from the master key as {@code HOMEPORT_MASTER_KEY} holds it (base64). */
    public static SecretKey signingKey(String masterKeyBase64) {
        return signingKey(Base64.getDecoder().decode(masterKeyBase64.trim()));
    }

    /** The compact JWT for {@code claims}, signed with {@code key}. */
    public static String sign(SecretKey key, Claims claims) {
        JwtClaims jwt = new JwtClaims();
        jwt.setIssuer(claims.issuer());
        jwt.setAudience(claims.audience());
        jwt.setSubject(claims.subject());
        jwt.setStringListClaim("groups", claims.groups());
        jwt.setClaim("azp", claims.caller());
        jwt.setIssuedAt(NumericDate.fromSeconds(claims.issuedAt().getEpochSecond()));
        jwt.setExpirationTime(NumericDate.fromSeconds(claims.expiresAt().getEpochSecond()));
        jwt.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(jwt.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(ALGORITHM);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a service token", e);
        }
    }
}
