package io.homeport.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A full "fresh server" for a test: Debian 12 booted by systemd-nspawn with systemd as PID 1, its own dockerd,
 * sshd and network namespace, on a private link to this machine. Made by {@link TestHosts#boot(String)}; closing it
 * pulls the plug and removes every trace of it (processes, mounts, files, network namespace, cgroups).
 *
 * <p>Commands run inside through {@code nsenter} into the namespaces of the host's PID 1, not through
 * {@code systemd-run -M} or {@code machinectl}: those need systemd-machined on this machine, which build machines
 * (no systemd as PID 1) do not have. nsenter also works before the network or sshd is up, and keeps the exit code,
 * stdout and stderr apart.
 */
public final class TestHost implements AutoCloseable {

    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration EXEC_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration POWER_OFF_GRACE = Duration.ofSeconds(15);
    private static final Path NSPAWN_STATE = Path.of("/run/systemd/nspawn");
    private static final Map<String, String> INSIDE_ENVIRONMENT = Map.of(
            "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "HOME", "/root", "LANG", "C.UTF-8", "SYSTEMD_PAGER", "", "SYSTEMD_COLORS", "0");

    private final String name;
    private final Path directory;
    private final HostNetwork network;
    private final HostCgroups cgroups;
    private final Thread cleanupAtExit = new Thread(this::close, "test-host-cleanup");
    private Process nspawn;
    private long leader;
    private boolean closed;

    TestHost(String name, Path directory, HostNetwork network, HostCgroups cgroups) {
        this.name = name;
        this.directory = directory;
        this.network = network;
        this.cgroups = cgroups;
        Runtime.getRuntime().addShutdownHook(cleanupAtExit);
    }

    /** The host's name, which is also its hostname. */
    public String name() {
        return name;
    }

    /** The host's own address (10.251.N.2): where this machine reaches it, e.g. with SSH. */
    public String address() {
        return network.address();
    }

    /** This machine's address on the host's link (10.251.N.1): where the host reaches services of the test. */
    public String gatewayAddress() {
        return network.gatewayAddress();
    }

    /** What systemd and the kernel wrote to the host's console: the first place to look when it fails to boot. */
    public Path consoleLog() {
        return directory.resolve("console.log");
    }

    /** Runs {@code command} inside the host as root, waits up to two minutes, and returns what it gave. */
    public ExecResult exec(String... command) {
        return exec(EXEC_TIMEOUT, command);
    }

    public ExecResult exec(Duration timeout, String... command) {
        return LocalCommand.run(inside(command), INSIDE_ENVIRONMENT, stdin -> { }, timeout);
    }

    /**
     * Installs some of {@link TestHostImage#CACHED_PACKAGES} (with what they depend on) from the image's apt cache,
     * for tests that need a host with, say, Docker and Java without provisioning it; the host cannot reach a mirror.
     */
    public void installCachedPackages(String... packages) {
        List<String> unknown = Stream.of(packages).filter(p -> !TestHostImage.CACHED_PACKAGES.contains(p)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(unknown + " are not in the image's apt cache "
                    + TestHostImage.CACHED_PACKAGES);
        }
        List<String> command = new ArrayList<>(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install",
                "--yes", "--quiet", "--no-download"));
        command.addAll(List.of(packages));
        exec(Duration.ofMinutes(5), command.toArray(String[]::new)).orThrow();
    }

    /**
     * Copies a file or a directory tree of this machine to {@code to}, an absolute path inside the host (the copy's
     * own name, as with {@code cp -r}). Modes are kept; everything is owned by root. The copy is unpacked by
     * {@code tar} inside the host, so it lands on the host's view of its file system (its {@code /tmp}, its
     * {@code /run}) and the host's symbolic links are followed the host's way, never to this machine's files.
     */
    public void copyIn(Path from, String to) {
        unpackInside(to, tar -> {
            try (Stream<Path> tree = Files.walk(from)) {
                for (Path source : tree.toList()) {
                    String target = entryName(to, from.relativize(source));
                    addEntry(tar, source, target);
                }
            }
        });
    }

    /**
     * Copies {@code image} from this machine's engine into the host's, which must be running (there is no registry
     * to pull from).
     */
    public void copyImage(String image) {
        try {
            Path archive = Files.createTempFile("homeport-image", ".tar");
            try {
                LocalCommand.run(Duration.ofMinutes(2), "docker", "save", "-o", archive.toString(), image).orThrow();
                copyIn(archive, "/tmp/homeport-image.tar");
                exec(Duration.ofMinutes(2), "docker", "load", "-i", "/tmp/homeport-image.tar").orThrow();
            } finally {
                Files.deleteIfExists(archive);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code content} to the file {@code to} inside the host with the given mode (e.g. {@code 0600}). */
    public void writeFile(String to, String content, int mode) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        unpackInside(to, tar -> {
            TarArchiveEntry entry = new TarArchiveEntry(entryName(to, Path.of("")));
            entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | mode);
            entry.setSize(bytes.length);
            tar.putArchiveEntry(entry);
            tar.write(bytes);
            tar.closeArchiveEntry();
        });
    }

    /**
     * Powers the host off: SIGTERM to nspawn makes systemd shut down, and whatever still runs after a short grace
     * is killed. Then the overlay is unmounted and the host's files, network namespace and cgroups removed. Safe to
     * call more than once; also runs when the JVM exits, and {@link TestHosts} clears hosts a killed JVM left.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupAtExit);
        } catch (IllegalStateException shuttingDown) {
            // running as that hook
        }
        Path root = directory.resolve("root");
        Optional<Path> nspawnLock = nspawnLock(root);
        powerOff();
        if (LocalCommand.run(Duration.ofSeconds(30), "umount", root.toString()).exitCode() != 0) {
            LocalCommand.run(Duration.ofSeconds(30), "umount", "-l", root.toString());
        }
        // --one-file-system: should anything still be mounted below, leave it rather than delete through it
        LocalCommand.run(Duration.ofMinutes(5), "rm", "-rf", "--one-file-system", directory.toString());
        network.delete();
        cgroups.remove();
        Leftovers.removeIfUnused(directory.getParent());
        // nspawn removes its image lock and propagation directory when it exits, but not when it is killed
        nspawnLock.ifPresent(Leftovers::removeIfUnused);
        Leftovers.removeIfUnused(NSPAWN_STATE.resolve("propagate").resolve(machineName()));
        for (String shared : List.of("locks", "propagate", "")) {
            Leftovers.removeIfUnused(NSPAWN_STATE.resolve(shared));
        }
    }

    /** The lock nspawn takes on the image directory it boots, named by the directory's device and inode. */
    private static Optional<Path> nspawnLock(Path root) {
        try {
            return Optional.of(NSPAWN_STATE.resolve("locks").resolve("inode-" + Files.getAttribute(root, "unix:dev")
                    + ":" + Files.getAttribute(root, "unix:ino")));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException noRoot) {
            return Optional.empty();
        }
    }

    /** Unique on this machine (a host name need not be): nspawn keeps per-machine state under this name. */
    private String machineName() {
        return name + "-" + directory.getFileName();
    }

    @Override
    public String toString() {
        return "test host " + name + " (" + address() + ")";
    }

    /** Mounts the overlay, names the clone, creates its cgroups and boots it; returns once systemd has booted. */
    void boot(Path image) {
        Instant start = Instant.now();
        Path root = directory.resolve("root");
        Path dockerData = directory.resolve("docker");
        try {
            for (String dir : List.of("upper", "work", "root", "docker")) {
                Files.createDirectories(directory.resolve(dir));
            }
            LocalCommand.run(Duration.ofSeconds(30), "mount", "-t", "overlay", "overlay", "-o", "lowerdir=" + image
                    + ",upperdir=" + directory.resolve("upper") + ",workdir=" + directory.resolve("work"),
                    root.toString()).orThrow();
            Files.writeString(root.resolve("etc/hostname"), name + "\n");
            // as Debian's installer does: the host resolves its own name without DNS (sudo looks it up, and the
            // host has no resolver it can reach)
            Files.writeString(root.resolve("etc/hosts"), "127.0.0.1 localhost\n127.0.1.1 " + name
                    + "\n::1 localhost ip6-localhost ip6-loopback\n");
            Files.writeString(root.resolve("etc/machine-id"), UUID.randomUUID().toString().replace("-", "") + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the root of " + this, e);
        }
        cgroups.create();

        List<String> command = new ArrayList<>(List.of("sh", "-c",
                "for procs in $HOMEPORT_CGROUPS; do echo $$ > \"$procs\"; done; exec \"$@\"", "join-cgroups",
                "systemd-nspawn", "--directory=" + root, "--machine=" + machineName(), "--hostname=" + name,
                "--register=no", "--keep-unit",
                "--network-namespace-path=" + network.namespacePath(), "--console=passive",
                // what dockerd inside needs: every capability, the keyring syscalls, cgroup controllers of its own
                "--capability=all", "--system-call-filter=@keyring", "--tmpfs=/sys/fs/cgroup:mode=755"));
        for (String controller : HostCgroups.CONTROLLERS) {
            command.add("--bind=" + cgroups.path(controller) + ":/sys/fs/cgroup/" + controller);
        }
        // dockerd cannot keep its data on overlayfs (renames across layers fail): a plain directory instead
        command.add("--bind=" + dockerData + ":/var/lib/docker");
        command.add("--boot");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(consoleLog().toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
                        "/dev/null")));
        builder.environment().put("HOMEPORT_CGROUPS", cgroups.membershipFiles().stream().map(Path::toString)
                .reduce((a, b) -> a + " " + b).orElseThrow());
        builder.environment().put("SYSTEMD_NSPAWN_API_VFS_WRITABLE", "network"); // dockerd sets net sysctls
        try {
            nspawn = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start systemd-nspawn", e);
        }
        awaitBooted(start);
    }

    private void awaitBooted(Instant start) {
        Instant deadline = start.plus(BOOT_TIMEOUT);
        ExecResult state = null;
        while (Instant.now().isBefore(deadline)) {
            if (!nspawn.isAlive()) {
                throw new IllegalStateException(this + ": systemd-nspawn exited with " + nspawn.exitValue() + ":\n"
                        + consoleTail());
            }
            if (leader == 0) {
                leader = findLeader().orElse(0L);
            } else {
                state = exec(Duration.between(Instant.now(), deadline), "systemctl", "is-system-running", "--wait");
                String status = state.stdout().strip();
                if (status.equals("running") || status.equals("degraded")) {
                    System.out.printf("%s booted in %.1f s (%s)%n", this,
                            Duration.between(start, Instant.now()).toMillis() / 1000.0, status);
                    if (status.equals("degraded")) {
                        System.out.println(exec("systemctl", "--failed", "--no-legend").stdout());
                    }
                    return;
                }
            }
            sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException(this + " did not finish booting within " + BOOT_TIMEOUT
                + (state == null ? "" : "; last answer: " + state) + "\n" + consoleTail());
    }

    /** The host's PID 1 as this machine sees it: the child of nspawn that is PID 1 in its own PID namespace. */
    private Optional<Long> findLeader() {
        long pid = nspawn.pid();
        try {
            String children = Files.readString(Path.of("/proc/" + pid + "/task/" + pid + "/children")).strip();
            for (String child : children.split(" ")) {
                if (child.isEmpty()) {
                    continue;
                }
                Optional<String> nsPid = Files.readAllLines(Path.of("/proc/" + child + "/status")).stream()
                        .filter(line -> line.startsWith("NSpid:")).findFirst();
                if (nsPid.isPresent() && nsPid.get().endsWith("\t1")) {
                    return Optional.of(Long.parseLong(child));
                }
            }
        } catch (IOException gone) {
            // nspawn or its child changed while we looked: look again
        }
        return Optional.empty();
    }

    private List<String> inside(String... command) {
        if (leader == 0) {
            throw new IllegalStateException(this + " is not running");
        }
        List<String> line = new ArrayList<>(List.of("nsenter", "--target=" + leader, "--all", "--root", "--wd",
                "--"));
        line.addAll(List.of(command));
        return line;
    }

    private void unpackInside(String to, TarWriter writer) {
        if (!to.startsWith("/") || to.equals("/")) {
            throw new IllegalArgumentException("an absolute path below / is needed, not " + to);
        }
        ExecResult unpacked = LocalCommand.run(inside("tar", "--extract", "--file=-", "--directory=/"),
                INSIDE_ENVIRONMENT, stdin -> {
                    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(stdin)) {
                        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                        writer.write(tar);
                    }
                }, EXEC_TIMEOUT);
        unpacked.orThrow();
    }

    @FunctionalInterface
    private interface TarWriter {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private static String entryName(String to, Path relative) {
        String base = to.substring(1).replaceAll("/+$", "");
        return relative.toString().isEmpty() ? base : base + "/" + relative;
    }

    private static void addEntry(TarArchiveOutputStream tar, Path source, String name) throws IOException {
        TarArchiveEntry entry;
        if (Files.isSymbolicLink(source)) {
            entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            entry.setLinkName(Files.readSymbolicLink(source).toString());
        } else {
            entry = new TarArchiveEntry(source.toFile(), name);
            entry.setMode(entry.getMode() & ~0777 | mode(source));
        }
        entry.setIds(0, 0);
        entry.setNames("root", "root");
        tar.putArchiveEntry(entry);
        if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            Files.copy(source, tar);
        }
        tar.closeArchiveEntry();
    }

    private static int mode(Path file) throws IOException {
        int mode = 0;
        for (PosixFilePermission permission : Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)) {
            mode |= 1 << (8 - permission.ordinal()); // OWNER_READ is 0400 ... OTHERS_EXECUTE is 0001
        }
        return mode;
    }

    /** Ends every process of the host: first a clean shutdown, then SIGKILL for whatever is left. */
    private void powerOff() {
        if (nspawn != null && nspawn.isAlive()) {
            nspawn.destroy(); // nspawn turns SIGTERM into a clean shutdown of the host's systemd
            try {
                nspawn.waitFor(POWER_OFF_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Instant deadline = Instant.now().plusSeconds(30);
        List<Long> left = cgroups.processes();
        while (!left.isEmpty() && Instant.now().isBefore(deadline)) {
            left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            sleep(Duration.ofMillis(100));
            left = cgroups.processes();
        }
        if (!left.isEmpty()) {
            System.err.println(this + ": processes " + left + " survived SIGKILL");
        }
    }

    private String consoleTail() {
        try {
            List<String> lines = Files.readAllLines(consoleLog(), StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no console log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
