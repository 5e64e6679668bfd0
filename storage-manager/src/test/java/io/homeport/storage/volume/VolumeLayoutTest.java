package io.homeport.storage.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.homeport.agent.protocol.HostVolume;
import io.homeport.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VolumeLayoutTest {

    private final VolumeLayout layout = new VolumeLayout("shared", "/mnt/homeport/", "/var/lib/homeport/volumes", 300);

    @Test
    void aSharedVolumeLivesOnTheMountAndIsFencedOnTheSharedRemote() {
        HostVolume lease = layout.lease("notes", "files", HostVolume.SHARED, 3);

        assertThat(lease.path()).isEqualTo("/mnt/homeport/apps/notes/files");
        assertThat(lease.remote()).isEqualTo("shared:apps/notes/files");
        assertThat(lease.replaced()).isNull();
        assertThat(lease.fence()).isEqualTo("shared:leases/notes/files");
        assertThat(lease.epoch()).isEqualTo(3);
        assertThat(lease.syncIntervalSeconds()).isZero();
    }

    @Test
    void aLocalSyncedVolumeLivesOnTheHostAndIsSyncedToCurrentKeepingReplacedFiles() {
        HostVolume lease = layout.lease("notes", "db", HostVolume.LOCAL_SYNCED, 1);

        assertThat(lease.path()).isEqualTo("/var/lib/homeport/volumes/notes/db");
        assertThat(lease.remote()).isEqualTo("shared:synced/notes/db/current");
        assertThat(lease.replaced()).isEqualTo("shared:synced/notes/db/replaced");
        assertThat(lease.fence()).isEqualTo("shared:leases/notes/db");
        assertThat(lease.syncIntervalSeconds()).isEqualTo(300);
    }

    @Test
    void aRestoreGoesIntoTheVolumeOrADirectoryInsideIt() {
        assertThat(layout.restoreDestination("notes", "db", HostVolume.LOCAL_SYNCED, null))
                .isEqualTo("/var/lib/homeport/volumes/notes/db");
        assertThat(layout.restoreDestination("notes", "db", HostVolume.LOCAL_SYNCED, "old/./copy/"))
                .isEqualTo("/var/lib/homeport/volumes/notes/db/old/copy");
        assertThat(layout.restoreDestination("notes", "files", HostVolume.SHARED, "old"))
                .isEqualTo("/mnt/homeport/apps/notes/files/old");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/../../x", "a/..", "/etc", "..", "a\\..\\b", "c:/x", "a\nb"})
    void aPathThatCouldLeaveTheVolumeIsRefusedWithTheReason(String path) {
        assertThatThrownBy(() -> layout.restoreDestination("notes", "db", HostVolume.LOCAL_SYNCED, path))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> {
                    ProblemException problem = (ProblemException) e;
                    assertThat(problem.problem().status()).isEqualTo(400);
                    assertThat(problem.problem().detail()).startsWith("path must");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Notes", "-a", "a_b", "a/b", "a.b"})
    void namesThatAreNotDnsLabelsCannotNameAPath(String name) {
        assertThat(VolumeLayout.invalidName("app", name)).isPresent();
        assertThat(VolumeLayout.invalidName("app", "x".repeat(64))).isPresent();
        assertThat(VolumeLayout.invalidName("app", "notes-2")).isEmpty();
    }
}
