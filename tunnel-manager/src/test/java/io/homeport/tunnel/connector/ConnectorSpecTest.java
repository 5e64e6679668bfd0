package io.homeport.tunnel.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.homeport.api.apps.AppSpec;
import io.homeport.api.apps.FailoverPolicy;
import io.homeport.tunnel.cloudflare.TunnelToken;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connector's app spec: what the deployer is asked to run on a host, and that it would accept it. */
class ConnectorSpecTest {

    private static final UUID HOST = UUID.fromString("3f2a9c1e-7b4d-4e21-9a0f-5c6d7e8f9a0b");
    private static final String IMAGE = "cloudflare/cloudflared:2025.11.1";
    private static final TunnelToken TOKEN = new TunnelToken(
            "eyJhIjoiYWNjb3VudCIsInQiOiJ0dW5uZWwiLCJzIjoic2VjcmV0In0=");

    private static ValidatorFactory validation;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        validation = Validation.buildDefaultValidatorFactory();
        validator = validation.getValidator();
    }

    @AfterAll
    static void close() {
        validation.close();
    }

    @Test
    void theAppAndItsTokenSecretAreNamedAfterTheHost() {
        AppSpec spec = ConnectorSpecs.of(HOST, IMAGE, "homeport-tunnel", TOKEN);

        assertThat(spec.name()).isEqualTo("cloudflared-3f2a9c1e7b4d").isEqualTo(ConnectorSpecs.name(HOST));
        assertThat(spec.secrets()).isEqualTo(Map.of("TUNNEL_TOKEN", "cloudflared-3f2a9c1e7b4d"));
        assertThat(ConnectorSpecs.name(UUID.fromString("3f2a9c1e-7b4e-4e21-9a0f-5c6d7e8f9a0b")))
                .isNotEqualTo(spec.name());
    }

    @Test
    void itRunsCloudflaredPinnedToItsHostAndNeverMoves() {
        AppSpec spec = ConnectorSpecs.of(HOST, IMAGE, "homeport-tunnel", TOKEN);

        assertThat(spec.image()).isEqualTo(IMAGE);
        assertThat(spec.command()).containsExactly("tunnel", "--no-autoupdate", "run");
        assertThat(spec.entrypoint()).isEmpty();
        assertThat(spec.placement().hostId()).isEqualTo(HOST);
        assertThat(spec.placement().constraints()).isEmpty();
        assertThat(spec.failover()).isEqualTo(FailoverPolicy.NONE);
        assertThat(spec.replicas()).isEqualTo(1);
        assertThat(spec.restartPolicy()).isEqualTo("unless-stopped");
        assertThat(spec.network().name()).isEqualTo("homeport-tunnel");
        assertThat(spec.ports()).as("cloudflared dials out; nothing is published").isEmpty();
        assertThat(spec.labels()).containsEntry("homeport.role", "tunnel-connector");
        assertThat(spec.labels().keySet()).as("the deployer refuses io.homeport.* labels in a spec")
                .noneMatch(key -> key.startsWith("io.homeport."));
    }

    @Test
    void theTokenIsInNeitherTheSpecNorItsCommandLine() throws Exception {
        AppSpec spec = ConnectorSpecs.of(HOST, IMAGE, "homeport-tunnel", TOKEN);

        assertThat(new ObjectMapper().writeValueAsString(spec)).doesNotContain(TOKEN.value());
        assertThat(spec.toString()).doesNotContain(TOKEN.value());
        assertThat(spec.command()).doesNotContain("--token");
        assertThat(spec.env()).doesNotContainKey("TUNNEL_TOKEN");
    }

    @Test
    void theSameTokenGivesTheSameSpecAndAnotherTokenAnotherOne() {
        AppSpec spec = ConnectorSpecs.of(HOST, IMAGE, "homeport-tunnel", TOKEN);

        assertThat(ConnectorSpecs.of(HOST, IMAGE, "homeport-tunnel", new TunnelToken(TOKEN.value())))
                .isEqualTo(spec);
        assertThat(ConnectorSpecs.of(HOST, IMAGE, "homeport-tunnel", new TunnelToken(TOKEN.value() + "x")))
                .isNotEqualTo(spec);
        assertThat(ConnectorSpecs.of(HOST, "cloudflare/cloudflared:2026.1.0", "homeport-tunnel", TOKEN))
                .isNotEqualTo(spec);
    }

    /** {@link ConnectorDeployer} leaves the app alone when the deployer answers the spec it was given. */
    @Test
    void theSpecReadBackFromJsonEqualsTheOneSent() throws Exception {
        ObjectMapper json = new ObjectMapper();
        AppSpec spec = ConnectorSpecs.of(HOST, IMAGE, "homeport-tunnel", TOKEN);

        assertThat(json.readValue(json.writeValueAsString(spec), AppSpec.class)).isEqualTo(spec);
    }

    @Test
    void theDeployerWouldAcceptTheSpec() {
        assertThat(validator.validate(ConnectorSpecs.of(HOST, IMAGE, "homeport-tunnel", TOKEN))).isEmpty();

        Set<ConstraintViolation<AppSpec>> badNetwork = validator.validate(
                ConnectorSpecs.of(HOST, IMAGE, "Homeport_Tunnel", TOKEN));
        assertThat(badNetwork).extracting(violation -> violation.getPropertyPath().toString())
                .as("the validator checks what the deployer checks").containsExactly("network.name");
    }
}
