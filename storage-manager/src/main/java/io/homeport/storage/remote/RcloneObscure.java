package io.homeport.storage.remote;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code rclone obscure}: how rclone.conf holds password options ({@code IsPassword} in rclone's option
 * definitions). No Java library does this, so it is written here after rclone's {@code fs/config/obscure/obscure.go}:
 * AES-256-CTR under rclone's fixed, public key, a random 16-byte IV, and base64 (raw URL alphabet, no padding) of
 * IV + ciphertext. It is obscuring, not encryption (anyone can {@code rclone reveal} it); the config itself travels
 * sealed to the host's agent and is kept 0600 there.
 */
public final class RcloneObscure {

    /** rclone's {@code cryptKey}. */
    private static final byte[] KEY = {
        (byte) 0x9c, (byte) 0x93, (byte) 0x5b, (byte) 0x48, (byte) 0x73, (byte) 0x0a, (byte) 0x55, (byte) 0x4d,
        (byte) 0x6b, (byte) 0xfd, (byte) 0x7c, (byte) 0x63, (byte) 0xc8, (byte) 0x86, (byte) 0xa9, (byte) 0x2b,
        (byte) 0xd3, (byte) 0x90, (byte) 0x19, (byte) 0x8e, (byte) 0xb8, (byte) 0x12, (byte) 0x8a, (byte) 0xfb,
        (byte) 0xf4, (byte) 0xde, (byte) 0x16, (byte) 0x2b, (byte) 0x8b, (byte) 0x95, (byte) 0xf6, (byte) 0x38,
    };
    private static final int IV_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static String obscure(String clear) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] plaintext = clear.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[IV_BYTES + plaintext.length];
        System.arraycopy(iv, 0, out, 0, IV_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new IvParameterSpec(iv));
            cipher.doFinal(plaintext, 0, plaintext.length, out, IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CTR is not available in this JVM", e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    private RcloneObscure() {
    }
}
