package io.homeport.platform.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random bearer secrets (enrollment keys, agent credentials, API tokens) and the hash they are stored under. The
 * service that mints a secret and the one that checks it may differ (the provisioner mints a host's enrollment key,
 * the gateway checks it), and only the hash travels between them. They carry 256 random bits, so a fast SHA-256 is
 * enough: there is nothing to brute-force that a slow hash would protect.
 */
public final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** {@code prefix} + 43 URL-safe characters; the prefix tells a leaked secret's kind at a glance. */
    public static String generate(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private SecretTokens() {
    }
}
