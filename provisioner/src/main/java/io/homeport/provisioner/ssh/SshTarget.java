package io.homeport.provisioner.ssh;

import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom to log in over SSH.
 *
 * @param privateKeyPem an unencrypted private key (OpenSSH, PKCS#8 or PEM); it is a secret, so {@link #toString()}
 *        never shows it
 * @param pinnedHostKey the host key's fingerprint as OpenSSH prints it ({@code SHA256:<base64 without padding>}); empty
 *        for a host seen for the first time, whose key is then trusted and recorded (trust on first use)
 */
public record SshTarget(String address, int port, String user, String privateKeyPem, Optional<String> pinnedHostKey) {

    public SshTarget {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        Objects.requireNonNull(pinnedHostKey, "pinnedHostKey");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        pinnedHostKey = pinnedHostKey.map(HostKey::normalize);
        if (pinnedHostKey.isPresent() && !pinnedHostKey.get().startsWith(HostKey.SHA256_PREFIX)) {
            throw new IllegalArgumentException("a pinned host key is a SHA256:... fingerprint, not "
                    + pinnedHostKey.get());
        }
    }

    /** The same target, pinned to {@code fingerprint}: how a host's second and later connections look. */
    public SshTarget pinnedTo(String fingerprint) {
        return new SshTarget(address, port, user, privateKeyPem, Optional.of(fingerprint));
    }

    /** {@code address:port}, as messages name the host. */
    public String endpoint() {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    @Override
    public String toString() {
        return user + "@" + endpoint() + pinnedHostKey.map(pin -> " (host key " + pin + ")").orElse("")
                + " [private key hidden]";
    }
}
