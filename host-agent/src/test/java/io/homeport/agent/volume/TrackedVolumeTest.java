package io.homeport.agent.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.homeport.agent.protocol.HostVolume;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrackedVolumeTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    private final TrackedVolume volume = new TrackedVolume(new HostVolume("notes", "data", HostVolume.LOCAL_SYNCED,
            "/var/lib/homeport/volumes/notes/data", "shared:synced/notes/data/current",
            "shared:synced/notes/data/replaced", "shared:leases/notes/data", 1, 60));

    @Test
    void syncsKeepTheirRateHoweverLateEachBegins() {
        volume.desired(null, true);
        volume.scheduleFirstSync(START);
        assertThat(volume.syncDue(START.plusSeconds(59))).isFalse();

        // the first sync begins 0.9 s late (the tick, the fence read): the next is still due at 120 s, not 120.9 s
        assertThat(volume.scheduleSync(START.plusMillis(60_900))).isEqualTo(START.plusSeconds(60));
        assertThat(volume.syncDue(START.plusSeconds(119))).isFalse();
        assertThat(volume.syncDue(START.plusSeconds(120))).isTrue();
        assertThat(volume.scheduleSync(START.plusMillis(120_300))).isEqualTo(START.plusSeconds(120));
        assertThat(volume.syncDue(START.plusSeconds(180))).isTrue();
    }

    @Test
    void aSyncThatOverranTheIntervalIsFollowedAtOnce() {
        volume.desired(null, true);
        volume.scheduleFirstSync(START);
        volume.scheduleSync(START.plusSeconds(60));

        assertThat(volume.scheduleSync(START.plusSeconds(200))).isEqualTo(START.plusSeconds(120));
        assertThat(volume.syncDue(START.plusSeconds(200))).isTrue();
        assertThat(volume.scheduleSync(START.plusSeconds(201))).isEqualTo(START.plusSeconds(200));
        assertThat(volume.syncDue(START.plusSeconds(259))).isFalse();
        assertThat(volume.syncDue(START.plusSeconds(260))).isTrue();
    }

    @Test
    void aSyncBeforeItIsDueStartsThePeriodAnew() {
        volume.desired(null, true);
        volume.scheduleFirstSync(START);

        assertThat(volume.scheduleSync(START.plusSeconds(30))).isEqualTo(START.plusSeconds(30)); // after a stop
        assertThat(volume.syncDue(START.plusSeconds(89))).isFalse();
        assertThat(volume.syncDue(START.plusSeconds(90))).isTrue();
    }
}
