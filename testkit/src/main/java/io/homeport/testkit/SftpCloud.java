package io.homeport.testkit;

import io.homeport.launcher.process.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The stand-in for a cloud remote: a real {@code rclone serve sftp} of a local directory on loopback, with a user
 * and password (brief §7). It has checksums (MD5 and SHA-1, computed by the server), so syncs and checks see
 * same-size changes. {@link #directory()} is what the "cloud" holds, for tests to read or corrupt.
 *
 * <p>{@link #remoteSection(String)} is the {@code rclone.conf} section that reaches it: an {@code sftp} remote whose
 * password is obscured the way rclone expects ({@code rclone obscure}).
 */
public final class SftpCloud implements AutoCloseable {

    private final Path directory;
    private final int port;
    private final String user;
    private final String password;
    private final Process server;

    private SftpCloud(Path directory, int port, String user, String password, Process server) {
        this.directory = directory;
        this.port = port;
        this.user = user;
        this.password = password;
        this.server = server;
    }

    /** Serves {@code directory} (created when missing) on a free loopback port, once it accepts connections. */
    public static SftpCloud serve(Path directory) {
        return serve(directory, "127.0.0.1");
    }

    /**
     * Serves {@code directory} on every address of this machine, so that hosts in network namespaces of their own
     * ({@link ExtraDockerEngine#startIsolated}) reach it over their link.
     */
    public static SftpCloud serveToTestHosts(Path directory) {
        return serve(directory, "0.0.0.0");
    }

    private static SftpCloud serve(Path directory, String bindAddress) {
        String rclone = Rclone.require();
        try {
            Files.createDirectories(directory);
            Path work = Files.createTempDirectory("homeport-sftp-cloud");
            Path hostKey = work.resolve("host_key");
            ExecResult keygen = LocalCommand.run(Duration.ofSeconds(30), "ssh-keygen", "-q", "-t", "ed25519", "-N", "",
                    "-f", hostKey.toString());
            if (keygen.exitCode() != 0) {
                throw new IllegalStateException("ssh-keygen failed: " + keygen.stderr());
            }
            int port = FreePorts.next();
            String user = "cloud";
            String password = UUID.randomUUID().toString();
            Process server = new ProcessBuilder(rclone, "serve", "sftp", directory.toString(),
                    "--addr", bindAddress + ":" + port, "--key", hostKey.toString(), "--user", user, "--pass", password,
                    "--config", work.resolve("empty.conf").toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("serve.log").toFile()).start();
            SftpCloud cloud = new SftpCloud(directory, port, user, password, server);
            cloud.awaitListening(work.resolve("serve.log"));
            return cloud;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the cloud holds. */
    public Path directory() {
        return directory;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    /** The password in clear, as a user would type it into Homeport's remote definition. */
    public String password() {
        return password;
    }

    /** An {@code rclone.conf} section named {@code name} for this cloud, its password obscured. */
    public String remoteSection(String name) {
        return "[" + name + "]\ntype = sftp\nhost = 127.0.0.1\nport = " + port + "\nuser = " + user + "\npass = "
                + obscure(password) + "\nshell_type = unix\nmd5sum_command = md5sum\nsha1sum_command = sha1sum\n";
    }

    /** {@code rclone obscure}: how rclone.conf holds passwords. */
    public static String obscure(String clear) {
        ExecResult result = LocalCommand.run(Duration.ofSeconds(30), Rclone.require(), "obscure", clear);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("rclone obscure failed: " + result.stderr());
        }
        return result.stdout().strip();
    }

    private void awaitListening(Path log) throws IOException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("rclone serve sftp exited: " + Files.readString(log));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        close();
        throw new IllegalStateException("rclone serve sftp did not listen on " + port + " within 30 s: "
                + Files.readString(log));
    }


    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.destroy();
        try {
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "SftpCloud[127.0.0.1:" + port + " serving " + directory + ", password hidden]";
    }
}
