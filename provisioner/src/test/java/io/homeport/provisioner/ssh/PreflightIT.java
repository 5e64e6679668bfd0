package io.homeport.provisioner.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.homeport.launcher.process.FreePorts;
import io.homeport.provisioner.ssh.PreflightFailure.Reason;
import io.homeport.testkit.SshKeyPair;
import io.homeport.testkit.SshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Preflight} against a real OpenSSH server (testkit {@link SshServer}: {@code /usr/sbin/sshd} on loopback with
 * its own host key; other operating systems and users through bind mounts in a private mount namespace).
 */
class PreflightIT {

    private static final String UBUNTU_20_04 = """
            NAME="Ubuntu"
            VERSION="20.04.6 LTS (Focal Fossa)"
            ID=ubuntu
            ID_LIKE=debian
            PRETTY_NAME="Ubuntu 20.04.6 LTS"
            VERSION_ID="20.04"
            """;
    private static final String ALPINE_3_20 = """
            NAME="Alpine Linux"
            ID=alpine
            VERSION_ID=3.20.3
            PRETTY_NAME="Alpine Linux v3.20"
            """;

    private static SshKeyPair rootKey;
    private static SshServer server;

    private final Preflight preflight = new Preflight(new SshSessions(Duration.ofSeconds(10)), Duration.ofSeconds(30));

    @BeforeAll
    static void startServer() {
        rootKey = SshServer.generateKeyPair();
        server = SshServer.builder().authorize("root", rootKey.publicKey()).start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aNewHostIsTrustedOnFirstUseAndReportsItsKeyOsAndRoot() throws IOException {
        Map<String, String> thisMachine = OsRelease.parse(Files.readString(Path.of("/etc/os-release")));
        Assumptions.assumeTrue(SupportedOs.decide(thisMachine).supported(),
                "the sshd under test runs on this machine, whose OS must be supported (Debian 12 on the build machines)");

        PreflightReport report = preflight.check(target(server, "root", rootKey, Optional.empty()));

        assertThat(report.hostKeyFingerprint()).isEqualTo(server.hostKeyFingerprint());
        assertThat(report.hostKeyType()).isEqualTo("ssh-ed25519");
        assertThat(report.osId()).isEqualTo(thisMachine.get("ID")).isEqualTo("debian");
        assertThat(report.osVersion()).isEqualTo(thisMachine.get("VERSION_ID")).isEqualTo("12");
        assertThat(report.os()).isEqualTo(thisMachine.get("PRETTY_NAME")).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(report.sudo()).isTrue();
    }

    @Test
    void aPinnedKeyVerifiesAndAReinstalledServerIsRefusedNamingBothKeys() {
        try (SshServer reinstalled = SshServer.builder().authorize("root", rootKey.publicKey()).start()) {
            SshTarget firstContact = target(reinstalled, "root", rootKey, Optional.empty());
            String pinned = preflight.check(firstContact).hostKeyFingerprint();
            SshTarget known = firstContact.pinnedTo(pinned);

            assertThat(preflight.check(known).hostKeyFingerprint()).isEqualTo(pinned);

            reinstalled.regenerateHostKey();
            String offered = reinstalled.hostKeyFingerprint();
            assertThat(offered).isNotEqualTo(pinned);

            PreflightFailure failure = assertFails(known, Reason.HOST_KEY_CHANGED);
            assertThat(failure.getMessage())
                    .contains("the host key of 127.0.0.1:" + reinstalled.port() + " changed")
                    .contains("pinned " + pinned)
                    .contains("offered " + offered)
                    .contains("remove the host and add it again");
            assertThat(failure.reason().retryable()).isFalse();
            assertThat(reinstalled.log()).as("nothing may log in after the refusal").doesNotContainPattern(
                    "(?s)Server listening on.*Server listening on.*Accepted publickey");
        }
    }

    @Test
    void anExpectedFingerprintThatDoesNotMatchIsRefused() {
        String expected = "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(new byte[32]);

        PreflightFailure failure = assertFails(target(server, "root", rootKey, Optional.of(expected)),
                Reason.HOST_KEY_CHANGED);

        assertThat(failure.getMessage()).contains("pinned " + expected).contains("offered "
                + server.hostKeyFingerprint());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ubuntu-20.04 | Ubuntu 20.04 is not supported (supported: Ubuntu 22.04, Ubuntu 24.04, Debian 12)",
            "alpine-3.20 | Alpine Linux 3.20.3 is not supported (supported: Ubuntu 22.04, Ubuntu 24.04, Debian 12)"})
    void anUnsupportedOperatingSystemIsRefusedWithTheReason(String release, String reason) {
        String osRelease = release.startsWith("ubuntu") ? UBUNTU_20_04 : ALPINE_3_20;
        try (SshServer other = SshServer.builder().osRelease(osRelease).authorize("root", rootKey.publicKey())
                .start()) {
            PreflightFailure failure = assertFails(target(other, "root", rootKey, Optional.empty()),
                    Reason.UNSUPPORTED_OS);

            assertThat(failure.getMessage()).isEqualTo("127.0.0.1:" + other.port() + ": " + reason);
        }
    }

    @Test
    void aUserWithoutPasswordlessSudoIsRefused() {
        SshKeyPair key = SshServer.generateKeyPair();
        try (SshServer withUser = SshServer.builder().user("nosudo").authorize("nosudo", key.publicKey()).start()) {
            PreflightFailure failure = assertFails(target(withUser, "nosudo", key, Optional.empty()), Reason.NO_SUDO);

            assertThat(failure.getMessage()).startsWith("user nosudo cannot run sudo without a password on 127.0.0.1:"
                    + withUser.port());
        }
    }

    @Test
    void aKeyTheServerDoesNotKnowIsRefused() {
        SshKeyPair stranger = SshServer.generateKeyPair();

        PreflightFailure failure = assertFails(target(server, "root", stranger, Optional.empty()),
                Reason.AUTHENTICATION_FAILED);

        assertThat(failure.getMessage()).isEqualTo("user root was refused with the given key by 127.0.0.1:"
                + server.port() + " (the server accepts: publickey)");
    }

    @Test
    void aPrivateKeyThatCannotBeReadIsRefusedWithoutQuotingIt() throws Exception {
        String pem = rootKey.privateKeyPem();
        String damaged = pem.substring(0, pem.length() / 2) + pem.substring(pem.length() / 2 + 40);
        String encrypted = encryptedKey();

        for (String unreadable : new String[] {damaged, "not a key", encrypted}) {
            SshTarget target = new SshTarget("127.0.0.1", server.port(), "root", unreadable, Optional.empty());
            PreflightFailure failure = assertFails(target, Reason.INVALID_KEY);
            assertThat(failure.getMessage()).startsWith("the private key cannot be read");
        }
        assertThat(assertFails(new SshTarget("127.0.0.1", server.port(), "root", encrypted, Optional.empty()),
                Reason.INVALID_KEY).getMessage()).contains("protected by a passphrase");
    }

    @Test
    void nothingListeningIsUnreachable() throws IOException {
        int closedPort = FreePorts.next();

        PreflightFailure failure = assertFails(new SshTarget("127.0.0.1", closedPort, "root", rootKey.privateKeyPem(),
                Optional.empty()), Reason.UNREACHABLE);

        assertThat(failure.getMessage()).isEqualTo("cannot reach 127.0.0.1:" + closedPort + ": Connection refused");
        assertThat(failure.reason().retryable()).isTrue();
    }

    @ParameterizedTest(name = "{0} key, {1} format")
    @CsvSource({"ed25519, RFC4716", "rsa, RFC4716", "rsa, PEM", "rsa, PKCS8", "ecdsa, PKCS8"})
    void logsInWithKeysOfEachTypeAndFormat(String type, String format) {
        SshKeyPair key = SshServer.generateKeyPair(type, format);
        server.authorize("root", key.publicKey());

        PreflightReport report = preflight.check(target(server, "root", key, Optional.of(server.hostKeyFingerprint())));

        assertThat(report.sudo()).isTrue();
    }

    /** An ed25519 key protected by a passphrase, as {@code ssh-keygen} writes it when asked for one. */
    private static String encryptedKey() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("homeport-key");
        try {
            Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "a passphrase", "-f",
                    dir.resolve("id").toString()).redirectErrorStream(true).start();
            assertThat(keygen.waitFor()).isZero();
            return Files.readString(dir.resolve("id"));
        } finally {
            Files.deleteIfExists(dir.resolve("id"));
            Files.deleteIfExists(dir.resolve("id.pub"));
            Files.delete(dir);
        }
    }

    private static SshTarget target(SshServer server, String user, SshKeyPair key, Optional<String> pin) {
        return new SshTarget(server.address(), server.port(), user, key.privateKeyPem(), pin);
    }

    /** The failure of {@code target}'s check, which must be for {@code reason} and must not quote the private key. */
    private PreflightFailure assertFails(SshTarget target, Reason reason) {
        PreflightFailure failure = catchThrowableOfType(PreflightFailure.class, () -> preflight.check(target));
        assertThat(failure).as("the check of %s fails", target).isNotNull();
        assertThat(failure.reason()).as(failure.getMessage()).isEqualTo(reason);
        for (String line : target.privateKeyPem().split("\n")) {
            if (line.length() > 8 && !line.startsWith("-----")) {
                assertThat(failure.getMessage()).doesNotContain(line);
                assertThat(target.toString()).doesNotContain(line);
                for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
                    assertThat(String.valueOf(cause.getMessage())).doesNotContain(line);
                }
            }
        }
        return failure;
    }
}
