package io.homeport.agent.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VolumeCopiesTest {

    @Test
    void eachSyncKeepsWhatItReplacesInADirectoryNamedByItsUtcTime() {
        assertThat(VolumeCopies.backupDir("cloud:homeport/replaced/notes/data/", Instant.parse("2026-11-26T04:00:00Z")))
                .isEqualTo("cloud:homeport/replaced/notes/data/2026-11-26T04-00-00Z");
    }
}
