package io.homeport.platform.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MasterKeyTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void aValueOpensOnlyWithItsKeyAndItsContext() {
        MasterKey master = new MasterKey(Optional.of(KEY));
        byte[] sealed = master.encrypt("hunter2", "secret:db:1");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("hunter2");
        assertThat(master.encrypt("hunter2", "secret:db:1")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(master.decrypt(sealed, "secret:db:1")).isEqualTo("hunter2");
        assertThatThrownBy(() -> master.decrypt(sealed, "secret:db:2")).hasMessageContaining("altered");
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> new MasterKey(Optional.of(Base64.getEncoder().encodeToString(other)))
                .decrypt(sealed, "secret:db:1")).hasMessageContaining("another HOMEPORT_MASTER_KEY");
    }

    @Test
    void aMissingOrMalformedKeyIsNamedButNeverShown() {
        assertThatThrownBy(() -> new MasterKey(Optional.empty()).check())
                .hasMessageStartingWith("HOMEPORT_MASTER_KEY is not set");
        assertThatThrownBy(() -> new MasterKey(Optional.of("c2hvcnQ=")).check())
                .hasMessage("HOMEPORT_MASTER_KEY must be 32 bytes (base64 of 32 random bytes), not 5");
        assertThatThrownBy(() -> new MasterKey(Optional.of("not base64 at all!")).check())
                .hasMessage("HOMEPORT_MASTER_KEY is not base64");
    }
}
