package io.homeport.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The root file system every test host boots from: a fresh minimal Debian 12 made by debootstrap with systemd,
 * sshd, sudo and Python (what Ansible needs to log in and work), built once and kept under
 * {@code /var/cache/homeport-testhosts/}. Its directory is named by a hash of everything that goes into it, so
 * changing the package list or the recipe builds a new one; test hosts only ever read it (it is their overlay's
 * lower layer).
 */
final class TestHostImage {

    static final String SUITE = "bookworm";
    static final String MIRROR = "http://deb.debian.org/debian";
    static final List<String> PACKAGES = List.of(
            "systemd", "systemd-sysv", "dbus",                    // systemd as PID 1, systemctl, journalctl
            "openssh-server", "sudo",                             // what Ansible logs in with
            "python3", "python3-apt",                             // Ansible's modules, apt in check mode
            "iproute2", "procps", "ca-certificates");
    /**
     * What a Homeport host gets installed (by the Ansible roles of {@code deploy/ansible}, or by {@link
     * TestHost#installCachedPackages}), downloaded into the image's apt cache but not installed: test hosts have no
     * route to a mirror, so apt installs these from the cache, and the host starts out as fresh as a new server.
     */
    static final List<String> CACHED_PACKAGES = List.of(
            "docker.io", "openjdk-17-jre-headless", "rclone", "fuse3", "netdata");
    /** Bump when {@link #generalise} changes: it is part of the cache key. */
    private static final String RECIPE = "2";
    private static final Path CACHE = Path.of("/var/cache/homeport-testhosts");
    private static final Duration DEBOOTSTRAP_TIMEOUT = Duration.ofMinutes(20);

    /** The image's root directory, built first if this machine has none for the current package list. */
    static Path rootfs() {
        Path image = CACHE.resolve(SUITE + "-" + key());
        Path rootfs = image.resolve("rootfs");
        if (Files.isDirectory(rootfs)) {
            return rootfs;
        }
        try {
            Files.createDirectories(CACHE);
            try (FileChannel lockFile = FileChannel.open(CACHE.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
                if (!Files.isDirectory(rootfs)) { // another test run may have built it while we waited
                    build(image);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the test host image in " + image, e);
        }
        return rootfs;
    }

    static String key() {
        String recipe = String.join("\n", SUITE, MIRROR, "minbase", String.join(",", PACKAGES),
                String.join(",", CACHED_PACKAGES), RECIPE);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(recipe.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds into a scratch directory and renames it into place, so a half-built image is never used. */
    private static void build(Path image) throws IOException {
        Path scratch = CACHE.resolve(".building-" + UUID.randomUUID());
        Path rootfs = scratch.resolve("rootfs");
        Path log = CACHE.resolve(image.getFileName() + ".debootstrap.log");
        long start = System.nanoTime();
        System.out.println("Building the test host image " + image + " with debootstrap (a few minutes, once)");
        try {
            Files.createDirectories(scratch);
            ExecResult debootstrap = LocalCommand.run(List.of("debootstrap", "--variant=minbase",
                    "--include=" + String.join(",", PACKAGES), SUITE, rootfs.toString(), MIRROR),
                    null, stdin -> { }, DEBOOTSTRAP_TIMEOUT);
            Files.writeString(log, debootstrap.stdout() + debootstrap.stderr());
            if (!debootstrap.succeeded()) {
                throw new IllegalStateException("debootstrap failed (exit " + debootstrap.exitCode() + "), see " + log
                        + ":\n" + tail(debootstrap.stdout() + debootstrap.stderr()));
            }
            generalise(rootfs);
            Files.move(scratch, image, StandardCopyOption.ATOMIC_MOVE);
            System.out.printf("Test host image built in %d s%n", Duration.ofNanos(System.nanoTime() - start)
                    .toSeconds());
        } finally {
            if (Files.exists(scratch)) {
                // debootstrap leaves /proc and /sys mounted in the target when it fails or is killed
                for (String mount : List.of("proc", "sys", "dev/pts", "dev")) {
                    LocalCommand.run(Duration.ofSeconds(30), "umount", "-l", rootfs.resolve(mount).toString());
                }
                LocalCommand.run(Duration.ofMinutes(5), "rm", "-rf", "--one-file-system", scratch.toString());
            }
        }
    }

    /**
     * What turns a debootstrapped tree into a host image: no identity of its own (each clone gets a hostname, a
     * machine id and SSH host keys at first boot), no apt timers that would take the dpkg lock during a test, and
     * an apt cache holding exactly the {@link #CACHED_PACKAGES} with their dependencies.
     */
    private static void generalise(Path rootfs) throws IOException {
        Files.writeString(rootfs.resolve("etc/hostname"), "testhost\n");
        Files.writeString(rootfs.resolve("etc/hosts"), "127.0.0.1 localhost\n::1 localhost\n");
        Files.writeString(rootfs.resolve("etc/machine-id"), "");
        try (var keys = Files.newDirectoryStream(rootfs.resolve("etc/ssh"), "ssh_host_*")) {
            for (Path key : keys) {
                Files.delete(key);
            }
        }
        Path sshDropIn = Files.createDirectories(rootfs.resolve("etc/systemd/system/ssh.service.d"));
        // the unit's own ExecStartPre (sshd -t) fails without host keys: make the keys first
        Files.writeString(sshDropIn.resolve("host-keys.conf"), "[Service]\nExecStartPre=\n"
                + "ExecStartPre=/usr/bin/ssh-keygen -A\nExecStartPre=/usr/sbin/sshd -t\n");
        for (String timer : List.of("apt-daily.timer", "apt-daily-upgrade.timer")) {
            Path unit = rootfs.resolve("etc/systemd/system").resolve(timer);
            Files.deleteIfExists(unit);
            Files.createSymbolicLink(unit, Path.of("/dev/null"));
        }
        LocalCommand.run(Duration.ofMinutes(1), "chroot", rootfs.toString(), "apt-get", "clean").orThrow();
        // debootstrap copied this machine's resolver configuration, so the chroot can reach the mirror
        List<String> download = new java.util.ArrayList<>(List.of("chroot", rootfs.toString(), "apt-get",
                "install", "--download-only", "--yes", "--quiet"));
        download.addAll(CACHED_PACKAGES);
        LocalCommand.run(download, Map.of("DEBIAN_FRONTEND", "noninteractive", "PATH", "/usr/sbin:/usr/bin:/sbin:/bin"),
                stdin -> { }, DEBOOTSTRAP_TIMEOUT).orThrow();
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    private TestHostImage() {
    }
}
