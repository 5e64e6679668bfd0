package io.homeport.storage.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Which backups a policy lets go (pure): all but the newest {@code keepLast}, and those older than
 * {@code maxAgeDays}; the newest intact (COMPLETED) backup is never let go, whatever its age.
 */
public final class Retention {

    /** A backup retention may delete; {@code intact}: COMPLETED (not CORRUPT). */
    public record Candidate(UUID id, Instant startedAt, boolean intact) {
    }

    /** A backup to delete, and why (kept as its message and in {@code backup.deleted}). */
    public record Expired(UUID id, String reason) {
    }

    public static List<Expired> expired(List<Candidate> candidates, int keepLast, int maxAgeDays, Instant now) {
        List<Candidate> newestFirst = candidates.stream()
                .sorted(Comparator.comparing(Candidate::startedAt).reversed()).toList();
        UUID newestIntact = newestFirst.stream().filter(Candidate::intact).map(Candidate::id).findFirst()
                .orElse(null);
        Instant oldestKept = now.minus(Duration.ofDays(maxAgeDays));
        List<Expired> expired = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            Candidate candidate = newestFirst.get(i);
            if (candidate.id().equals(newestIntact)) {
                continue;
            }
            if (i >= keepLast) {
                expired.add(new Expired(candidate.id(), "retention: " + keepLast + " newer backup(s) are kept"));
            } else if (candidate.startedAt().isBefore(oldestKept)) {
                expired.add(new Expired(candidate.id(), "retention: older than " + maxAgeDays + " day(s)"));
            }
        }
        return expired;
    }

    private Retention() {
    }
}
