package io.homeport.provisioner.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.homeport.testkit.SshKeyPair;
import io.homeport.testkit.SshServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@link Preflight} bean inside the application (its configuration, and sshj's BouncyCastle under Quarkus's class
 * loading), against a real sshd. What the check decides is covered by {@link PreflightIT}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class PreflightBeanTest {

    @Inject
    Preflight preflight;

    @Test
    void checksAHostWithAnEd25519KeyFromTheApplication() {
        SshKeyPair key = SshServer.generateKeyPair();
        try (SshServer server = SshServer.builder().authorize("root", key.publicKey()).start()) {
            PreflightReport report = preflight.check(new SshTarget(server.address(), server.port(), "root",
                    key.privateKeyPem(), Optional.empty()));

            assertThat(report.hostKeyFingerprint()).isEqualTo(server.hostKeyFingerprint());
            assertThat(report.sudo()).isTrue();
        }
    }
}
