package io.homeport.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Boots full test hosts ({@link TestHost}): Debian 12 with systemd as PID 1, dockerd, sshd, Python and Java,
 * each a copy-on-write clone of one cached image on a private link 10.251.N.0/24 of its own.
 *
 * <pre>{@code
 * try (TestHost host = TestHosts.boot("web-1")) {
 *     host.exec("systemctl", "is-active", "docker").orThrow();
 * }
 * }</pre>
 *
 * <p>Needs root, {@code debootstrap}, {@code systemd-nspawn} (package {@code systemd-container}) and cgroup v1
 * hierarchies; without them tests are skipped on a developer's machine and fail under {@code CI=true}. The first boot
 * on a machine builds the image (a few minutes); later ones boot in seconds.
 */
public final class TestHosts {

    /** Subnets 10.251.40.0/24 and up: lower ones are left to hand-made test hosts (design/examples/testhosts). */
    private static final int FIRST_SUBNET = 40;
    private static final int LAST_SUBNET = 199;
    private static final Path HOSTS = Path.of("/var/tmp/homeport-testhosts");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?");
    private static final List<String> COMMANDS = List.of("debootstrap", "systemd-nspawn", "nsenter", "ip", "mount",
            "tar");

    /**
     * Boots a fresh host named {@code name} (its hostname; lower case letters, digits and dashes) and returns once
     * its systemd has finished booting. Close it when done.
     */
    public static TestHost boot(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a host name: " + name);
        }
        requireMachine();
        Path image = TestHostImage.rootfs();
        clearAbandonedHosts();
        for (int subnet = FIRST_SUBNET; subnet <= LAST_SUBNET; subnet++) {
            Optional<Path> claimed = claim(subnet, name);
            if (claimed.isEmpty()) {
                continue;
            }
            HostNetwork network = new HostNetwork(subnet);
            TestHost host = new TestHost(name, claimed.get(), network,
                    new HostCgroups(name + "-" + subnet, HostCgroups.ownMemoryCgroup()));
            try {
                network.create();
                host.boot(image);
                return host;
            } catch (RuntimeException e) {
                host.close();
                throw e;
            }
        }
        throw new IllegalStateException("no free subnet between 10.251." + FIRST_SUBNET + ".0/24 and 10.251."
                + LAST_SUBNET + ".0/24");
    }

    /** A private link taken for a host that is not booted here ({@link ExtraDockerEngine#startIsolated}). */
    record ClaimedLink(Path directory, HostNetwork network) {

        /** Removes the link and gives the subnet back. */
        void release() {
            network.delete();
            LocalCommand.run(Duration.ofMinutes(1), "rm", "-rf", "--one-file-system", directory.toString());
        }
    }

    /** Takes a free subnet the way {@link #boot} does and creates its link. */
    static ClaimedLink claimLink(String name) {
        Unavailable.requireRoot("a host with a link of its own");
        Unavailable.requireCommands("apt-get install iproute2 util-linux", "ip", "nsenter", "unshare");
        clearAbandonedHosts();
        for (int subnet = FIRST_SUBNET; subnet <= LAST_SUBNET; subnet++) {
            Optional<Path> claimed = claim(subnet, name);
            if (claimed.isPresent()) {
                ClaimedLink link = new ClaimedLink(claimed.get(), new HostNetwork(subnet));
                try {
                    link.network().create();
                } catch (RuntimeException e) {
                    link.release();
                    throw e;
                }
                return link;
            }
        }
        throw new IllegalStateException("no free subnet between 10.251." + FIRST_SUBNET + ".0/24 and 10.251."
                + LAST_SUBNET + ".0/24");
    }

    /**
     * Takes subnet N for this JVM: its directory {@code /var/tmp/homeport-testhosts/N}, made with the owner's pid and
     * start time inside and renamed into place, so two test runs never take the same subnet.
     */
    private static Optional<Path> claim(int subnet, String name) {
        Path directory = HOSTS.resolve(Integer.toString(subnet));
        if (Files.exists(directory) || !HostNetwork.unused(subnet)) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(HOSTS);
            Path draft = Files.createDirectory(HOSTS.resolve(".claim-" + UUID.randomUUID()));
            Files.writeString(draft.resolve("owner"), Owner.current().toString());
            Files.writeString(draft.resolve("name"), name);
            Files.writeString(draft.resolve("memory-cgroup"), HostCgroups.ownMemoryCgroup());
            try {
                Files.move(draft, directory, StandardCopyOption.ATOMIC_MOVE);
                return Optional.of(directory);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException taken) {
                LocalCommand.run(Duration.ofSeconds(10), "rm", "-r", draft.toString());
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot claim " + directory, e);
        }
    }

    /** Removes the hosts of test runs that died without closing them (a killed JVM runs no shutdown hook). */
    private static void clearAbandonedHosts() {
        if (!Files.isDirectory(HOSTS)) {
            return;
        }
        try (Stream<Path> directories = Files.list(HOSTS)) {
            for (Path directory : directories.filter(dir -> dir.getFileName().toString().matches("\\d+")).toList()) {
                Path ownerFile = directory.resolve("owner");
                if (Files.exists(ownerFile) && !Owner.parse(Files.readString(ownerFile)).isAlive()) {
                    int subnet = Integer.parseInt(directory.getFileName().toString());
                    String name = Files.readString(directory.resolve("name")).strip();
                    System.out.println("Removing test host " + name + " (10.251." + subnet + ".2) left by a dead run");
                    String memoryBase = Files.readString(directory.resolve("memory-cgroup"));
                    new TestHost(name, directory, new HostNetwork(subnet), new HostCgroups(name + "-" + subnet,
                            memoryBase)).close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for abandoned test hosts in " + HOSTS, e);
        }
    }

    private static void requireMachine() {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw Unavailable.skipOrFail("test hosts need root (mounts, network namespaces, systemd-nspawn)", null);
        }
        Unavailable.requireCommands("apt-get install debootstrap systemd-container",
                COMMANDS.toArray(String[]::new));
        if (!HostCgroups.supported()) {
            throw Unavailable.skipOrFail("test hosts need the cgroup v1 hierarchies under /sys/fs/cgroup", null);
        }
    }

    /** The JVM that holds a host: a pid and its start time, so a reused pid is not taken for the owner. */
    private record Owner(long pid, Instant started) {

        static Owner current() {
            ProcessHandle self = ProcessHandle.current();
            return new Owner(self.pid(), self.info().startInstant().orElse(Instant.EPOCH));
        }

        static Owner parse(String text) {
            String[] fields = text.strip().split(" ");
            return new Owner(Long.parseLong(fields[0]), Instant.parse(fields[1]));
        }

        boolean isAlive() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(process -> process.info().startInstant().orElse(Instant.EPOCH).equals(started))
                    .orElse(false);
        }

        @Override
        public String toString() {
            return pid + " " + started;
        }
    }

    private TestHosts() {
    }
}
