package io.homeport.agent.facts;

import io.homeport.agent.protocol.HostFacts;
import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@link HostFacts} from the running Linux host: {@code /etc/os-release}, {@code /proc}, the mounted file
 * systems, the Docker engine and the {@code tailscale0} interface. The parsing is pure and unit-tested.
 */
public final class HostFactsReader {

    /** File systems that hold data; pseudo and container-internal ones are left out. */
    private static final Set<String> DATA_FILE_SYSTEMS = Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "zfs",
            "f2fs", "vfat", "ntfs", "fuse.rclone");
    private static final String TAILSCALE_INTERFACE = "tailscale0";

    private final Path root;
    private final DockerClient docker;

    /** @param root {@code /} on a real host; a prepared directory in tests */
    public HostFactsReader(Path root, DockerClient docker) {
        this.root = root;
        this.docker = docker;
    }

    public HostFacts read() {
        Map<String, String> os = parseOsRelease(readOrEmpty("etc/os-release"));
        return new HostFacts(
                hostname(),
                os.getOrDefault("ID", "unknown"),
                os.getOrDefault("VERSION_ID", "unknown"),
                os.getOrDefault("PRETTY_NAME", "unknown"),
                readOrEmpty("proc/sys/kernel/osrelease").trim(),
                Runtime.getRuntime().availableProcessors(),
                parseMemTotalBytes(readOrEmpty("proc/meminfo")),
                disks(),
                docker.versionCmd().exec().getVersion(),
                tailscaleIpv4());
    }

    /** {@code KEY=value} and {@code KEY="value"} lines of os-release(5). */
    static Map<String, String> parseOsRelease(String content) {
        Map<String, String> values = new HashMap<>();
        for (String line : content.split("\n")) {
            int equals = line.indexOf('=');
            if (line.isBlank() || line.startsWith("#") || equals < 1) {
                continue;
            }
            String value = line.substring(equals + 1).trim();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(line.substring(0, equals).trim(), value);
        }
        return values;
    }

    /** {@code MemTotal:  24683160 kB} → bytes; 0 when absent. */
    static long parseMemTotalBytes(String meminfo) {
        for (String line : meminfo.split("\n")) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.substring("MemTotal:".length()).trim().split("\\s+");
                long value = Long.parseLong(parts[0]);
                return parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? value * 1024 : value;
            }
        }
        return 0;
    }

    private String hostname() {
        String fromFile = readOrEmpty("etc/hostname").trim();
        if (!fromFile.isEmpty()) {
            return fromFile;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private List<HostFacts.Disk> disks() {
        List<HostFacts.Disk> disks = new ArrayList<>();
        for (String line : readOrEmpty("proc/mounts").split("\n")) {
            String[] fields = line.split(" ");
            if (fields.length < 3 || !DATA_FILE_SYSTEMS.contains(fields[2])) {
                continue;
            }
            String mountPoint = fields[1].replace("\\040", " ");
            try {
                FileStore store = Files.getFileStore(root.resolve(mountPoint.substring(1)));
                disks.add(new HostFacts.Disk(mountPoint, fields[2], store.getTotalSpace(), store.getUsableSpace()));
            } catch (IOException | RuntimeException unreadable) {
                // a mount we may not stat (another namespace's, a stale FUSE mount): not a disk we can use
            }
        }
        return disks;
    }

    private static Optional<String> tailscaleIpv4() {
        try {
            NetworkInterface tailscale = NetworkInterface.getByName(TAILSCALE_INTERFACE);
            if (tailscale == null) {
                return Optional.empty();
            }
            return Collections.list(tailscale.getInetAddresses()).stream()
                    .filter(Inet4Address.class::isInstance).map(InetAddress::getHostAddress).findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private String readOrEmpty(String relative) {
        try {
            return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
