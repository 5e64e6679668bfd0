package io.homeport.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

class SecretSealingTest {

    @Test
    void onlyTheAgentWhoseKeyItWasSealedToCanOpenIt() {
        PublicJsonWebKey agent = SecretSealing.newKey();
        PublicJsonWebKey other = SecretSealing.newKey();
        String publicJwk = SecretSealing.publicJwk(agent);

        String sealed = SecretSealing.seal(publicJwk, "s3cr3t-välue");

        assertThat(publicJwk).doesNotContain("\"d\"");
        assertThat(sealed).doesNotContain("s3cr3t").isNotEqualTo(SecretSealing.seal(publicJwk, "s3cr3t-välue"));
        assertThat(SecretSealing.unseal(agent, sealed)).isEqualTo("s3cr3t-välue");
        assertThatThrownBy(() -> SecretSealing.unseal(other, sealed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("s3cr3t");
        String altered = sealed.substring(0, sealed.length() - 3) + (sealed.endsWith("AAA") ? "BBB" : "AAA");
        assertThatThrownBy(() -> SecretSealing.unseal(agent, altered)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyTextIsSealedAndOpened() {
        PublicJsonWebKey key = SecretSealing.newKey();

        assertThat(SecretSealing.unseal(key, SecretSealing.seal(SecretSealing.publicJwk(key), ""))).isEmpty();
    }

    @Test
    void onlyAP256PublicKeyIsASealingKey() {
        PublicJsonWebKey key = SecretSealing.newKey();
        assertThat(SecretSealing.isSealingKey(SecretSealing.publicJwk(key))).isTrue();
        assertThat(SecretSealing.isSealingKey(key.toJson(org.jose4j.jwk.JsonWebKey.OutputControlLevel
                .INCLUDE_PRIVATE))).as("a private key offered by mistake").isFalse();
        assertThat(SecretSealing.isSealingKey("{\"kty\":\"oct\",\"k\":\"AAAA\"}")).isFalse();
        assertThat(SecretSealing.isSealingKey("not json")).isFalse();
    }

    @Test
    void aKeyThatIsNotAPublicJwkIsRefusedWithoutEchoingTheValue() {
        assertThatThrownBy(() -> SecretSealing.seal("{\"kty\":\"oct\",\"k\":\"AAAA\"}", "s3cr3t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("s3cr3t");
    }
}
