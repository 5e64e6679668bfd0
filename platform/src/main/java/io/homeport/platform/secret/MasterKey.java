package io.homeport.platform.secret;

import io.homeport.api.auth.ServiceToken;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts what a service keeps secret at rest (app secrets, and later SSH keys, rclone and API tokens) with the
 * master key from the environment ({@code HOMEPORT_MASTER_KEY}: 32 random bytes, base64; {@code openssl rand
 * -base64 32}). AES-256-GCM from the JDK, a fresh 96-bit nonce per value, and the value's {@code context} (what
 * it is, e.g. {@code secret:db-password:3}) as associated data, so a ciphertext moved to another row does not
 * open. Every service checks the key at start (each keeps secrets or signs service tokens): without it, it does not
 * start.
 */
@ApplicationScoped
public class MasterKey {

    private static final String VARIABLE = "HOMEPORT_MASTER_KEY";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Optional<String> encoded;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKey key;
    private volatile SecretKey serviceTokenKey;

    MasterKey(@ConfigProperty(name = "homeport.master-key") Optional<String> encoded) {
        this.encoded = encoded;
    }

    /** Fails, naming the variable and never its value, when the key is missing or not 32 bytes of base64. */
    public void check() {
        key();
    }

    void checkAtStart(@Observes StartupEvent start) {
        check();
    }

    /**
     * The key service tokens are signed with ({@link ServiceToken#signingKey(byte[])}): derived from this one, so
     * the master key itself only ever encrypts.
     */
    public SecretKey serviceTokenKey() {
        if (serviceTokenKey == null) {
            serviceTokenKey = ServiceToken.signingKey(key().getEncoded());
        }
        return serviceTokenKey;
    }

    public byte[] encrypt(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt " + context, e);
        }
    }

    public String decrypt(byte[] ciphertext, String context) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(ciphertext, NONCE_BYTES), context);
            return new String(cipher.doFinal(ciphertext, NONCE_BYTES, ciphertext.length - NONCE_BYTES),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt " + context + ": it was encrypted with another "
                    + VARIABLE + ", or altered", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private SecretKey key() {
        SecretKey current = key;
        if (current == null) {
            String value = encoded.filter(v -> !v.isBlank()).orElseThrow(() -> new IllegalStateException(
                    VARIABLE + " is not set: this service keeps secrets encrypted with it (make one with "
                            + "`openssl rand -base64 32` and keep it safe: without it the secrets are lost)"));
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(value.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(VARIABLE + " is not base64");
            }
            if (bytes.length != 32) {
                throw new IllegalStateException(VARIABLE + " must be 32 bytes (base64 of 32 random bytes), not "
                        + bytes.length);
            }
            current = key = new SecretKeySpec(bytes, "AES");
        }
        return current;
    }
}
