package io.homeport.provisioner.ssh;

import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * Accepts only the pinned host key; without a pin, the first key the server offers (trust on first use), and from
 * then on only that one, for the rest of the connection (a re-key offers it again). Remembers what was offered, so a
 * refusal can name both keys and a first connection can report the key to pin.
 */
final class PinningHostKeyVerifier implements HostKeyVerifier {

    private final Optional<String> pin;
    private volatile HostKey firstOffered;
    private volatile HostKey lastOffered;

    PinningHostKeyVerifier(Optional<String> pin) {
        this.pin = pin;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        HostKey offered = HostKey.of(key);
        lastOffered = offered;
        if (firstOffered == null) {
            firstOffered = offered;
        }
        String expected = pin.orElse(firstOffered.fingerprint());
        return expected.equals(offered.fingerprint());
    }

    /** No preference: a fingerprint does not say which algorithm it was taken of. */
    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return List.of();
    }

    /** The key the server presented last (the refused one, after a refusal). */
    Optional<HostKey> offered() {
        return Optional.ofNullable(lastOffered);
    }
}
