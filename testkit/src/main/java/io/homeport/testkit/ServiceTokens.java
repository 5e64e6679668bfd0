package io.homeport.testkit;

import io.homeport.api.auth.ServiceToken;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * {@link ServiceToken}s as the gateway or a service would mint them, for tests that call a service's {@code /api/*}
 * directly, and bad ones that must be refused. {@link ServiceCalls#given()} is the usual way in; stand-ins for a
 * service use {@link #verify(String)} to refuse what a real service would refuse.
 */
public final class ServiceTokens {

    public static final String SUBJECT = "test-caller";
    private static final String CALLER = "testkit";

    private final SecretKey key;

    private ServiceTokens(SecretKey key) {
        this.key = key;
    }

    /** For the master key a control plane's services were given ({@code ControlPlane.masterKey()}). */
    public static ServiceTokens forMasterKey(String masterKeyBase64) {
        return new ServiceTokens(ServiceToken.signingKey(masterKeyBase64));
    }

    /** In a {@code @QuarkusTest}: for the master key of the application under test ({@code homeport.master-key}). */
    public static ServiceTokens ofApplicationUnderTest() {
        return forMasterKey(ConfigProvider.getConfig().getValue("homeport.master-key", String.class));
    }

    /** A request that carries a valid token. */
    public RequestSpecification given() {
        return RestAssured.given().auth().oauth2(valid());
    }

    public String valid() {
        return valid(SUBJECT, List.of());
    }

    public String valid(String subject, List<String> groups) {
        return ServiceToken.sign(key, claims(subject, groups));
    }

    /** Expired ten minutes ago (well beyond any clock skew a service allows). */
    public String expired() {
        Instant past = Instant.now().minusSeconds(600);
        return ServiceToken.sign(key, ServiceToken.Claims.of(SUBJECT, List.of(), CALLER, past));
    }

    /** Correctly signed, but meant for someone else. */
    public String forAudience(String audience) {
        return ServiceToken.sign(key, claims(SUBJECT, List.of()).withAudience(audience));
    }

    /** Correctly signed, but valid for a day rather than {@link ServiceToken#LIFETIME}. */
    public String longLived() {
        return ServiceToken.sign(key, claims(SUBJECT, List.of()).withExpiry(Instant.now().plusSeconds(86_400)));
    }

    /** Well formed, but signed with a key derived from no master key any service holds. */
    public static String signedWithAnotherKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("HmacSHA256");
            return ServiceToken.sign(generator.generateKey(),
                    ServiceToken.Claims.of(SUBJECT, List.of(), CALLER, Instant.now()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a service would accept: the claims of a valid token from an {@code Authorization: Bearer} header value.
     *
     * @throws IllegalArgumentException naming why a service would refuse it
     */
    public ServiceToken.Claims verify(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new IllegalArgumentException("no bearer token");
        }
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, ServiceToken.ALGORITHM)
                .setExpectedIssuer(ServiceToken.ISSUER)
                .setExpectedAudience(ServiceToken.AUDIENCE)
                .setRequireSubject()
                .setRequireIssuedAt()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(5)
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(authorization.substring("Bearer ".length()));
            if (claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()
                    > ServiceToken.LIFETIME.toSeconds()) {
                throw new IllegalArgumentException("lives longer than " + ServiceToken.LIFETIME);
            }
            return new ServiceToken.Claims(claims.getIssuer(), claims.getAudience().get(0), claims.getSubject(),
                    claims.getStringListClaimValue("groups"), claims.getStringClaimValue("azp"),
                    Instant.ofEpochSecond(claims.getIssuedAt().getValue()),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw new IllegalArgumentException("not a valid service token: " + e.getMessage(), e);
        }
    }

    private static ServiceToken.Claims claims(String subject, List<String> groups) {
        return ServiceToken.Claims.of(subject, groups, CALLER, Instant.now());
    }
}
