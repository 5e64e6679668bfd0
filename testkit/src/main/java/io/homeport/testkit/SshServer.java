package io.homeport.testkit;

import io.homeport.launcher.process.FreePorts;
import io.homeport.launcher.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A real OpenSSH server for tests: {@code /usr/sbin/sshd} on {@code 127.0.0.1} and a free port, with a freshly
 * generated ed25519 host key, public key authentication only (keys in {@code authorized_keys/<user>} of its own
 * directory) and no PAM.
 *
 * <pre>{@code
 * SshKeyPair key = SshServer.generateKeyPair();
 * try (SshServer server = SshServer.builder().authorize("root", key.publicKey()).start()) {
 *     connect to 127.0.0.1:server.port(), expect server.hostKeyFingerprint()
 * }
 * }</pre>
 *
 * <p>To look like another machine it can run in a private mount namespace ({@code unshare --mount}) with files of this
 * machine replaced by bind mounts: {@code /etc/os-release} (another operating system) and {@code /etc/passwd},
 * {@code /etc/shadow}, {@code /etc/group} with extra users. Nothing outside that namespace sees them.
 *
 * <p>Needs root and {@code openssh-server}; without them tests are skipped locally and fail under {@code CI=true}.
 */
public final class SshServer implements AutoCloseable {

    /** The first uid {@link Builder#user} gives out: far from Debian's system and first human users. */
    static final int FIRST_EXTRA_UID = 4242;
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final String INSTALL = "apt-get install openssh-server";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final FileAttribute<Set<PosixFilePermission>> READABLE_BY_ALL_DIR =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"));

    private final Path dir;
    private final int port;
    private final List<String> command;
    private final Thread shutdownHook;
    private ManagedProcess process;

    private SshServer(Path dir, int port, List<String> command) {
        this.dir = dir;
        this.port = port;
        this.command = command;
        this.shutdownHook = new Thread(this::stopAndRemove, "ssh-server-cleanup");
    }

    /** A server with no authorized keys and this machine's users and operating system. */
    public static SshServer start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What the server looks like: who may log in, and, when it should differ from this machine, its OS and users. */
    public static final class Builder {

        private final Map<String, List<String>> authorizedKeys = new LinkedHashMap<>();
        private final List<String> extraUsers = new ArrayList<>();
        private Optional<String> osRelease = Optional.empty();

        private Builder() {
        }

        /** Lets {@code user} log in with the key of {@code publicKey}, an {@code authorized_keys} line. */
        public Builder authorize(String user, String publicKey) {
            authorizedKeys.computeIfAbsent(user, u -> new ArrayList<>()).add(publicKey.strip());
            return this;
        }

        /**
         * Adds a user the server's machine has and this one has not: uid 4242 and up, its own group, home
         * {@code /tmp}, shell {@code /bin/sh}, no password (but not locked: key logins work), and no sudo rights.
         */
        public Builder user(String name) {
            if (!name.matches("[a-z_][a-z0-9_-]{0,31}")) {
                throw new IllegalArgumentException("not a user name: " + name);
            }
            extraUsers.add(name);
            return this;
        }

        /** Replaces {@code /etc/os-release} as the server's sessions see it, e.g. with Ubuntu 20.04's. */
        public Builder osRelease(String content) {
            osRelease = Optional.of(content);
            return this;
        }

        public SshServer start() {
            Unavailable.requireRoot("a test sshd (it switches to the user who logs in)");
            Unavailable.requireExecutables(INSTALL, SSHD);
            Unavailable.requireCommands(INSTALL, "ssh-keygen");
            if (osRelease.isPresent() || !extraUsers.isEmpty()) {
                Unavailable.requireCommands("apt-get install util-linux mount", "unshare", "mount");
            }
            Path dir = null;
            try {
                // sshd reads authorized_keys as the user logging in: the way there must be open to every user
                dir = Files.createTempDirectory("homeport-sshd", READABLE_BY_ALL_DIR);
                Files.createDirectories(dir.resolve("authorized_keys"), READABLE_BY_ALL_DIR);
                for (Map.Entry<String, List<String>> entry : authorizedKeys.entrySet()) {
                    writeAuthorizedKeys(dir, entry.getKey(), entry.getValue());
                }
                Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation directory
                generateHostKey(dir);
                int port = FreePorts.next();
                Path config = writeConfig(dir, port);
                List<String> sshd = List.of(SSHD.toString(), "-D", "-e", "-f", config.toString());
                Map<Path, Path> mounts = mounts(dir);
                List<String> command = mounts.isEmpty() ? sshd : inPrivateMountNamespace(mounts, sshd);
                SshServer server = new SshServer(dir, port, command);
                server.launch();
                Runtime.getRuntime().addShutdownHook(server.shutdownHook);
                return server;
            } catch (IOException e) {
                removeTree(dir);
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                removeTree(dir);
                throw e;
            }
        }

        /** Writes the replacement files and returns which file of this machine each one covers. */
        private Map<Path, Path> mounts(Path dir) throws IOException {
            Map<Path, Path> mounts = new LinkedHashMap<>();
            if (osRelease.isPresent()) {
                Path fake = Files.writeString(dir.resolve("os-release"), osRelease.get());
                // /etc/os-release is a symbolic link (to ../usr/lib/os-release on Debian): cover what it points to
                mounts.put(fake, Path.of("/etc/os-release").toRealPath());
            }
            if (!extraUsers.isEmpty()) {
                StringBuilder passwd = new StringBuilder(Files.readString(Path.of("/etc/passwd")));
                StringBuilder shadow = new StringBuilder(Files.readString(Path.of("/etc/shadow")));
                StringBuilder group = new StringBuilder(Files.readString(Path.of("/etc/group")));
                int uid = FIRST_EXTRA_UID;
                for (String user : extraUsers) {
                    passwd.append(user).append(":x:").append(uid).append(':').append(uid).append("::/tmp:/bin/sh\n");
                    // "*": no password can match, yet the account is not locked ("!" would refuse key logins too)
                    shadow.append(user).append(":*:19000:0:99999:7:::\n");
                    group.append(user).append(":x:").append(uid).append(":\n");
                    uid++;
                }
                mounts.put(Files.writeString(dir.resolve("passwd"), passwd), Path.of("/etc/passwd"));
                mounts.put(Files.writeString(dir.resolve("shadow"), shadow), Path.of("/etc/shadow"));
                mounts.put(Files.writeString(dir.resolve("group"), group), Path.of("/etc/group"));
            }
            return mounts;
        }

        /**
         * {@code unshare} and {@code sh} exec into sshd, so the pid started is sshd's own; the mounts stay private to
         * the namespace (propagation private), so this machine never sees them and they end with sshd.
         */
        private static List<String> inPrivateMountNamespace(Map<Path, Path> mounts, List<String> sshd) {
            StringBuilder script = new StringBuilder("set -e\n");
            for (Map.Entry<Path, Path> mount : mounts.entrySet()) {
                script.append("mount --bind ").append(quote(mount.getKey())).append(' ')
                        .append(quote(mount.getValue())).append('\n');
            }
            script.append("exec");
            sshd.forEach(word -> script.append(' ').append(quote(Path.of(word))));
            script.append('\n');
            return List.of("unshare", "--mount", "--propagation", "private", "sh", "-c", script.toString());
        }
    }

    /** Always {@code 127.0.0.1}. */
    public String address() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** The host key's fingerprint as {@code ssh-keygen -lf} prints it: {@code SHA256:<base64 without padding>}. */
    public String hostKeyFingerprint() {
        String line = LocalCommand.run(COMMAND_TIMEOUT, "ssh-keygen", "-lf", hostKey(dir) + ".pub").orThrow()
                .stdout().strip();
        return line.split("\\s+")[1]; // "256 SHA256:... comment (ED25519)"
    }

    /** Lets {@code user} log in with {@code publicKey} from now on (sshd reads the keys at each login). */
    public void authorize(String user, String publicKey) {
        try {
            Path file = dir.resolve("authorized_keys").resolve(user);
            if (!Files.exists(file)) {
                writeAuthorizedKeys(dir, user, List.of(publicKey));
                return;
            }
            Files.writeString(file, publicKey.strip() + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Simulates a reinstalled server: stops sshd, replaces its host key with a new one and starts it again on the
     * same port, with the same users and keys.
     */
    public void regenerateHostKey() {
        stop();
        try {
            Files.delete(hostKey(dir));
            Files.delete(Path.of(hostKey(dir) + ".pub"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        generateHostKey(dir);
        launch();
    }

    /** sshd's own output (it logs to stderr with {@code -e}), for a failing test's message. */
    public String log() {
        try {
            return Files.readString(dir.resolve("sshd.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops sshd and the sessions it started, and removes its directory. */
    @Override
    public void close() {
        stopAndRemove();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it finds nothing left to do
        }
    }

    /** An ed25519 key pair in OpenSSH's format. */
    public static SshKeyPair generateKeyPair() {
        return generateKeyPair("ed25519", "RFC4716");
    }

    /**
     * A key pair made by {@code ssh-keygen -t type -m format}: {@code type} {@code ed25519}, {@code rsa} or
     * {@code ecdsa}; {@code format} {@code RFC4716} (OpenSSH's own private key format), {@code PEM} (PKCS#1 for RSA)
     * or {@code PKCS8}. ssh-keygen writes ed25519 keys in OpenSSH's format whatever the format asked.
     */
    public static SshKeyPair generateKeyPair(String type, String format) {
        Unavailable.requireCommands(INSTALL, "ssh-keygen");
        Path dir = null;
        try {
            dir = Files.createTempDirectory("homeport-sshkey");
            Path key = dir.resolve("id");
            LocalCommand.run(COMMAND_TIMEOUT, "ssh-keygen", "-q", "-t", type, "-m", format, "-N", "", "-C",
                    "homeport-test", "-f", key.toString()).orThrow();
            return new SshKeyPair(Files.readString(key), Files.readString(Path.of(key + ".pub")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            removeTree(dir);
        }
    }

    private void launch() {
        process = ManagedProcess.start("sshd", command, Map.of(), dir.resolve("sshd.log"), dir.resolve("sshd.pid"));
        try {
            process.awaitReady(process.printed("Server listening on"), Duration.ofSeconds(15));
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** sshd's per-connection processes first: they would outlive the listener until their client hangs up. */
    private synchronized void stop() {
        if (process != null) {
            ProcessHandle.of(process.pid()).ifPresent(sshd -> sshd.descendants().forEach(ProcessHandle::destroyForcibly));
            process.stop(Duration.ofSeconds(5));
            process = null;
        }
    }

    private void stopAndRemove() {
        stop();
        removeTree(dir);
    }

    private static void writeAuthorizedKeys(Path dir, String user, List<String> keys) throws IOException {
        Path file = Files.writeString(dir.resolve("authorized_keys").resolve(user), String.join("\n", keys) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static Path hostKey(Path dir) {
        return dir.resolve("ssh_host_ed25519_key");
    }

    private static void generateHostKey(Path dir) {
        LocalCommand.run(COMMAND_TIMEOUT, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "homeport-test-host",
                "-f", hostKey(dir).toString()).orThrow();
    }

    private static Path writeConfig(Path dir, int port) throws IOException {
        return Files.writeString(dir.resolve("sshd_config"), """
                ListenAddress 127.0.0.1
                Port %d
                HostKey %s
                PidFile %s
                UsePAM no
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PubkeyAuthentication yes
                AuthenticationMethods publickey
                AuthorizedKeysFile %s/%%u
                PermitRootLogin prohibit-password
                StrictModes no
                LogLevel VERBOSE
                """.formatted(port, hostKey(dir), dir.resolve("sshd.run.pid"), dir.resolve("authorized_keys")));
    }


    private static String quote(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }

    private static void removeTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(Leftovers::removeIfUnused);
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover temporary directory is harmless
        }
    }
}
