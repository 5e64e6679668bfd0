package io.homeport.provisioner.ssh;

/**
 * What a successful {@link Preflight#check} found: the host key to pin from now on, the operating system, and that
 * the user can become root.
 *
 * @param hostPublicKey the host key as a known_hosts entry wants it ({@code ssh-ed25519 AAAA…})
 * @param os the os-release {@code PRETTY_NAME}, for people ("Debian GNU/Linux 12 (bookworm)")
 * @param sudo whether the user can act as root: it is root, or runs {@code sudo} without a password
 */
public record PreflightReport(String hostKeyFingerprint, String hostKeyType, String hostPublicKey, String os,
        String osId, String osVersion, boolean sudo) {
}
