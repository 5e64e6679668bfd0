package io.homeport.agent.volume;

import io.homeport.agent.command.RcloneCommand;
import io.homeport.agent.protocol.HostVolume;
import io.homeport.testkit.Rclone;
import io.homeport.testkit.SftpCloud;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The stand-in cloud (testkit {@link SftpCloud}) with the rclone config the agent would hold for it: remote
 * {@code cloud} reaches it, remote {@code dead} reaches nothing (a host cut off from the cloud). Volumes made here
 * keep their copy under {@code volumes/}, replaced files under {@code replaced/} and fences under {@code fences/}.
 */
final class TestCloud implements AutoCloseable {

    private final SftpCloud cloud;
    private final Path config;

    private TestCloud(SftpCloud cloud, Path config) {
        this.cloud = cloud;
        this.config = config;
    }

    static TestCloud serve(Path dir) throws IOException {
        SftpCloud cloud = SftpCloud.serve(dir.resolve("cloud"));
        Path config = dir.resolve("rclone.conf");
        Files.writeString(config, cloud.remoteSection("cloud") + "\n[dead]\ntype = sftp\nhost = 127.0.0.1\n"
                + "port = 1\nuser = nobody\n");
        return new TestCloud(cloud, config);
    }

    RcloneCommand rclone() {
        return new RcloneCommand(Rclone.require(), config);
    }

    HostVolume volume(String app, String name, String mode, Path path, long epoch, int syncIntervalSeconds) {
        String key = app + "/" + name;
        return new HostVolume(app, name, mode, path.toString(), "cloud:volumes/" + key, "cloud:replaced/" + key,
                "cloud:fences/" + key, epoch, syncIntervalSeconds);
    }

    /** The same volume with its fence on a remote that cannot be reached. */
    static HostVolume unreachable(HostVolume volume) {
        return new HostVolume(volume.app(), volume.name(), volume.mode(), volume.path(), volume.remote(),
                volume.replaced(), volume.fence().replaceFirst("^cloud:", "dead:"), volume.epoch(),
                volume.syncIntervalSeconds());
    }

    /** What the cloud holds at {@code remote} ({@code cloud:path}). */
    Path local(String remote) {
        return cloud.directory().resolve(remote.replaceFirst("^cloud:", ""));
    }

    /**
     * Another host takes the volume: its epoch goes into the fence, through the server as a host would write it
     * (the server caches what it lists, so a file changed behind its back reads short).
     */
    void writeFence(HostVolume volume, long epoch) throws InterruptedException {
        try (RcloneCommand anotherHost = rclone()) {
            new Fence(anotherHost).write(volume.fence(), new FenceRecord(epoch, "another-host", Instant.now()));
        }
    }

    String readFence(HostVolume volume) throws IOException {
        return Files.readString(local(volume.fence()));
    }

    /** sha256 of every file under {@code root} by relative path: equal maps mean byte-identical trees. */
    static Map<String, String> tree(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                files.put(root.relativize(file).toString(), HexFormat.of().formatHex(digest));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    @Override
    public void close() {
        cloud.close();
    }
}
