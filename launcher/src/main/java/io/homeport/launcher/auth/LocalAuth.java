package io.homeport.launcher.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Authentication for a control plane run on one machine without an OIDC provider: a signing key kept under the
 * launcher's home (readable by its owner only) whose public half the gateway trusts, and bearer tokens signed
 * with it. With a real provider (Keycloak, ...) none of this is used.
 */
public final class LocalAuth {

    public static final String ISSUER = "homeport-local";
    /** The gateway checks a token's audience; by default it expects its client id, {@code homeport}. */
    public static final String AUDIENCE = "homeport";

    private final RsaJsonWebKey key;

    private LocalAuth(RsaJsonWebKey key) {
        this.key = key;
    }

    /** Loads the key from {@code dir}, creating it on first use. */
    public static LocalAuth in(Path dir) {
        Path keyFile = dir.resolve("signing-key.jwk");
        try {
            if (Files.exists(keyFile)) {
                return new LocalAuth((RsaJsonWebKey) JsonWebKey.Factory.newJwk(Files.readString(keyFile)));
            }
            Files.createDirectories(dir);
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("homeport-local-1");
            Files.writeString(keyFile, key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            return new LocalAuth(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the local signing key in " + dir, e);
        } catch (JoseException e) {
            throw new IllegalStateException("the local signing key in " + keyFile + " is unreadable", e);
        }
    }

    /** The public key as the gateway's {@code quarkus.oidc.public-key} expects it (base64 DER). */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(key.getPublicKey().getEncoded());
    }

    /** A signed bearer token for {@code subject} holding {@code roles} in its {@code groups} claim. */
    public String token(String subject, List<String> roles, Duration validFor) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setClaim("preferred_username", subject);
        claims.setStringListClaim("groups", roles);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(validFor.toMinutes());
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a local token", e);
        }
    }

    /** What the gateway needs to trust these tokens. */
    public Map<String, String> gatewayEnvironment() {
        return Map.of("QUARKUS_OIDC_PUBLIC_KEY", publicKey(), "QUARKUS_OIDC_TOKEN_ISSUER", ISSUER);
    }

}
