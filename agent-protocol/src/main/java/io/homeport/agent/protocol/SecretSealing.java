package io.homeport.agent.protocol;

import java.nio.charset.StandardCharsets;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;
import org.jose4j.zip.CompressionAlgorithmIdentifiers;

/**
 * Secrets sealed to one agent: each agent holds a P-256 key pair of its own (the private half never leaves its
 * host) and offers the public half as a JWK when it says hello; the deployer seals a secret's value to it as a
 * compact JWE (ECDH-ES+A256KW, A256GCM; jose4j, a standard format rather than a home-made one). Only that agent
 * can open it, so a desired state on Kafka carries no usable secret, and a desired state read by the wrong host
 * yields nothing.
 */
public final class SecretSealing {

    private static final String KEY_MANAGEMENT = KeyManagementAlgorithmIdentifiers.ECDH_ES_A256KW;
    private static final String CONTENT = ContentEncryptionAlgorithmIdentifiers.AES_256_GCM;

    /** A new key pair for an agent. */
    public static PublicJsonWebKey newKey() {
        try {
            return EcJwkGenerator.generateJwk(EllipticCurves.P256);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot make a P-256 key pair", e);
        }
    }

    /** The public half, as the JWK JSON an agent offers. */
    public static String publicJwk(PublicJsonWebKey key) {
        return key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** Whether {@code publicJwk} is a P-256 public key values can be sealed to (an agent's offer is checked first). */
    public static boolean isSealingKey(String publicJwk) {
        try {
            PublicJsonWebKey key = PublicJsonWebKey.Factory.newPublicJwk(publicJwk);
            return key instanceof EllipticCurveJsonWebKey ec && EllipticCurves.P_256.equals(ec.getCurveName())
                    && key.getPrivateKey() == null;
        } catch (JoseException | RuntimeException e) {
            return false;
        }
    }

    /** Seals {@code value} to the agent whose public JWK is {@code publicJwk}. */
    public static String seal(String publicJwk, String value) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmHeaderValue(KEY_MANAGEMENT);
            jwe.setEncryptionMethodHeaderParameter(CONTENT);
            jwe.setKey(PublicJsonWebKey.Factory.newPublicJwk(publicJwk).getPublicKey());
            if (value.isEmpty()) {
                // an empty text would leave the ciphertext part empty, which JWE parsers (jose4j's too) refuse;
                // deflated, it is two bytes, and the reader inflates it by the header alone
                jwe.setCompressionAlgorithmHeaderParameter(CompressionAlgorithmIdentifiers.DEFLATE);
            }
            jwe.setPlaintext(value.getBytes(StandardCharsets.UTF_8));
            return jwe.getCompactSerialization();
        } catch (JoseException | RuntimeException e) {
            throw new IllegalArgumentException("not a usable P-256 public JWK: " + e.getMessage());
        }
    }

    /** Opens a value sealed to {@code key}; fails when it was sealed to another key or altered. */
    public static String unseal(PublicJsonWebKey key, String sealed) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmConstraints(new AlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT, KEY_MANAGEMENT));
            jwe.setContentEncryptionAlgorithmConstraints(new AlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT, CONTENT));
            jwe.setCompactSerialization(sealed);
            jwe.setKey(key.getPrivateKey());
            return new String(jwe.getPlaintextBytes(), StandardCharsets.UTF_8);
        } catch (JoseException e) {
            throw new IllegalArgumentException("cannot open a sealed secret (sealed to another agent's key?): "
                    + e.getMessage());
        }
    }

    private SecretSealing() {
    }
}
