package io.homeport.storage.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RetentionTest {

    private static final Instant NOW = Instant.parse("2026-11-26T04:00:00Z");

    private static Retention.Candidate backup(int daysAgo, boolean intact) {
        return new Retention.Candidate(UUID.randomUUID(), NOW.minus(Duration.ofDays(daysAgo)), intact);
    }

    private static List<UUID> expired(List<Retention.Candidate> candidates, int keepLast, int maxAgeDays) {
        return Retention.expired(candidates, keepLast, maxAgeDays, NOW).stream().map(Retention.Expired::id).toList();
    }

    @Test
    void keepsTheNewestKeepLastAndDeletesTheOlderOnesWhateverOrderTheyComeIn() {
        Retention.Candidate newest = backup(0, true);
        Retention.Candidate second = backup(1, true);
        Retention.Candidate third = backup(2, true);
        Retention.Candidate oldest = backup(3, true);

        assertThat(expired(List.of(third, newest, oldest, second), 2, 30)).containsExactlyInAnyOrder(
                third.id(), oldest.id());
    }

    @Test
    void deletesWhatIsOlderThanMaxAgeEvenWithinKeepLast() {
        Retention.Candidate newest = backup(1, true);
        Retention.Candidate old = backup(31, true);

        assertThat(expired(List.of(newest, old), 7, 30)).containsExactly(old.id());
        assertThat(Retention.expired(List.of(newest, old), 7, 30, NOW).get(0).reason()).contains("older than 30");
    }

    @Test
    void neverDeletesTheNewestIntactBackupEvenWhenItIsTooOldOrCorruptOnesAreNewer() {
        Retention.Candidate corrupt = backup(40, false);
        Retention.Candidate onlyIntact = backup(50, true);

        assertThat(expired(List.of(corrupt, onlyIntact), 1, 30)).containsExactly(corrupt.id());
    }

    @Test
    void nothingExpiresWithinBothLimits() {
        assertThat(expired(List.of(backup(0, true), backup(1, true)), 2, 30)).isEmpty();
        assertThat(expired(List.of(), 2, 30)).isEmpty();
    }
}
