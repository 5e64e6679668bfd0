package io.homeport.agent.volume;

import io.homeport.agent.protocol.VolumeState;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What a volume's fence file holds: {@code epoch\nholder\nwrittenAt\n}. Only the epoch decides; the holder (a host
 * id) and the time are there for a person reading the file. A missing file is epoch 0, so any lease holds it.
 *
 * @param holder    the host that wrote it, null when not written yet
 * @param writtenAt when, null when not written yet or unreadable
 */
public record FenceRecord(long epoch, String holder, Instant writtenAt) {

    public static final FenceRecord NONE = new FenceRecord(0, null, null);

    /**
     * Reads a fence file's text; empty text is {@link #NONE}.
     *
     * @throws IllegalArgumentException when the first line is not an epoch (a fence someone else wrote: no lease
     *                                  can be judged against it)
     */
    public static FenceRecord parse(String text) {
        List<String> lines = text == null ? List.of() : text.strip().lines().map(String::strip).toList();
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
            return NONE;
        }
        long epoch;
        try {
            epoch = Long.parseLong(lines.get(0));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the fence does not start with an epoch: '" + abbreviate(lines.get(0))
                    + "'", e);
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("the fence holds a negative epoch " + epoch);
        }
        return new FenceRecord(epoch, lines.size() > 1 ? lines.get(1) : null,
                lines.size() > 2 ? instant(lines.get(2)) : null);
    }

    /** The file's text. */
    public String text() {
        return epoch + "\n" + holder + "\n" + writtenAt + "\n";
    }

    /** The lease of a host whose epoch is {@code mine}: it holds unless the fence has moved past it. */
    public VolumeState.Lease leaseFor(long mine) {
        return epoch <= mine ? VolumeState.Lease.HELD : VolumeState.Lease.STALE;
    }

    private static Instant instant(String line) {
        try {
            return Instant.parse(line);
        } catch (DateTimeParseException unreadable) {
            return null; // informative only: the epoch alone decides
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 40 ? line : line.substring(0, 40) + "…";
    }
}
