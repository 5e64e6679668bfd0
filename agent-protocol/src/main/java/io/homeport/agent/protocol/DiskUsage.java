package io.homeport.agent.protocol;

/**
 * How full one of the host's file systems is, as the host's Netdata last measured it (its {@code disk_space.*}
 * charts).
 *
 * @param mountPoint  where it is mounted, e.g. {@code /} or {@code /var/lib/docker}
 * @param usedPercent used space over the space available to users, 0–100: {@code used / (used + avail)}, the
 *                    figure {@code df} shows and Netdata's own {@code disk_space_usage} alarm uses (space reserved
 *                    for root does not count as free)
 * @param freeBytes   the space still available to users
 */
public record DiskUsage(String mountPoint, double usedPercent, long freeBytes) {
}
