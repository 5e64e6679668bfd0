package io.homeport.provisioner.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

/**
 * A server's host key as people compare it: its type ({@code ssh-ed25519}) and its SHA-256 fingerprint in the form
 * {@code ssh-keygen -l} and the first-connection prompt of {@code ssh} print, so an operator can check it by eye;
 * and the key itself as a {@code known_hosts} line carries it ({@code ssh-ed25519 AAAA…}), so that ssh (Ansible's
 * connection) can be held to the same key.
 */
public record HostKey(String type, String fingerprint, String publicKey) {

    static final String SHA256_PREFIX = "SHA256:";

    static HostKey of(PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            String type = KeyType.fromKey(key).toString();
            return new HostKey(type, SHA256_PREFIX + Base64.getEncoder().withoutPadding().encodeToString(digest),
                    type + " " + Base64.getEncoder().encodeToString(blob));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A fingerprint as typed or pasted: surrounding blanks and base64 padding carry no meaning. */
    static String normalize(String fingerprint) {
        String trimmed = fingerprint.strip();
        int end = trimmed.length();
        while (end > 0 && trimmed.charAt(end - 1) == '=') {
            end--;
        }
        return trimmed.substring(0, end);
    }
}
