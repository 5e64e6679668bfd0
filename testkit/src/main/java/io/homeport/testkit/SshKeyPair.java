package io.homeport.testkit;

/**
 * A client key pair made by {@code ssh-keygen}, from {@link SshServer#generateKeyPair}.
 *
 * @param privateKeyPem the private key file's text, unencrypted
 * @param publicKey the public key as one {@code authorized_keys} line ({@code ssh-ed25519 AAAA... comment})
 */
public record SshKeyPair(String privateKeyPem, String publicKey) {

    @Override
    public String toString() {
        return "SshKeyPair[" + publicKey + ", private key hidden]";
    }
}
