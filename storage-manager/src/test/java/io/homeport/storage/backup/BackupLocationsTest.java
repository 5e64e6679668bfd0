package io.homeport.storage.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackupLocationsTest {

    @Test
    void aBackupIsNamedByItsUtcSecondWithItsSumsBesideIt() {
        String location = BackupLocations.location("backup", "notes", "data",
                Instant.parse("2026-11-26T04:00:00.734Z"), 0);

        assertThat(location).isEqualTo("backup:homeport-backups/notes/data/2026-11-26T04-00-00Z");
        assertThat(BackupLocations.checksums(location)).isEqualTo(location + ".md5");
        assertThat(BackupLocations.location("backup", "notes", "data", Instant.parse("2026-11-26T04:00:00Z"), 2))
                .endsWith("2026-11-26T04-00-00Z-2");
    }
}
