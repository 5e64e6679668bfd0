package io.homeport.testkit;

import com.github.dockerjava.api.DockerClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Images built on this machine, since there is no registry to pull from: a busybox image made from the
 * statically linked {@code /bin/busybox} (Debian package {@code busybox-static}) and imported into the engine.
 */
public final class LocalImages {

    public static final String BUSYBOX = "local/busybox:1";
    /**
     * A stand-in for {@code cloudflare/cloudflared} (no registry here, and no Cloudflare edge to connect to): it
     * takes cloudflared's arguments, refuses to start without a {@code TUNNEL_TOKEN}, and then stays up as a
     * connected connector would.
     */
    public static final String CLOUDFLARED_STAND_IN = "local/cloudflared:stand-in";
    private static final Path BUSYBOX_BINARY = Path.of("/bin/busybox");
    private static final List<String> APPLETS = List.of("sh", "sleep", "httpd", "echo", "cat", "ls", "wget", "env");

    /** Imports {@link #BUSYBOX} unless the engine has it already; returns its reference. */
    public static synchronized String busybox(DockerClient docker) {
        boolean present = docker.listImagesCmd().withImageNameFilter(BUSYBOX).exec().stream()
                .anyMatch(image -> image.getRepoTags() != null && List.of(image.getRepoTags()).contains(BUSYBOX));
        if (!present) {
            importWithCli(rootfs(), "CMD [\"/bin/sh\"]", BUSYBOX);
        }
        return BUSYBOX;
    }

    /** Imports {@link #CLOUDFLARED_STAND_IN} unless the engine has it already; returns its reference. */
    public static synchronized String cloudflaredStandIn(DockerClient docker) {
        boolean present = docker.listImagesCmd().withImageNameFilter(CLOUDFLARED_STAND_IN).exec().stream()
                .anyMatch(image -> image.getRepoTags() != null
                        && List.of(image.getRepoTags()).contains(CLOUDFLARED_STAND_IN));
        if (!present) {
            importWithCli(rootfs(), "ENTRYPOINT [\"/bin/sh\", \"-c\", \"test -n \\\"$TUNNEL_TOKEN\\\" && exec sleep "
                    + "2147483647\", \"cloudflared\"]", CLOUDFLARED_STAND_IN);
        }
        return CLOUDFLARED_STAND_IN;
    }

    /**
     * {@code docker import} through the CLI: docker-java's streamed import reaches this engine truncated
     * ("unexpected EOF"), while the CLI imports the same bytes fine.
     */
    private static void importWithCli(byte[] rootfs, String change, String reference) {
        try {
            Process process = new ProcessBuilder("docker", "import", "-c", change, "-", reference)
                    .redirectErrorStream(true).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(rootfs);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("docker import failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run docker import (is the docker CLI installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during docker import", e);
        }
    }

    private static byte[] rootfs() {
        if (!Files.isExecutable(BUSYBOX_BINARY)) {
            throw new IllegalStateException(BUSYBOX_BINARY + " is missing: apt-get install busybox-static");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            directory(tar, "bin/");
            directory(tar, "etc/");
            directory(tar, "tmp/");
            TarArchiveEntry busybox = new TarArchiveEntry(BUSYBOX_BINARY.toFile(), "bin/busybox");
            busybox.setMode(0100755);
            tar.putArchiveEntry(busybox);
            Files.copy(BUSYBOX_BINARY, tar);
            tar.closeArchiveEntry();
            for (String applet : APPLETS) {
                TarArchiveEntry link = new TarArchiveEntry("bin/" + applet, TarArchiveEntry.LF_SYMLINK);
                link.setLinkName("busybox");
                tar.putArchiveEntry(link);
                tar.closeArchiveEntry();
            }
            byte[] passwd = "root:x:0:0:root:/:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/sh\n"
                    .getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry passwdEntry = new TarArchiveEntry("etc/passwd");
            passwdEntry.setSize(passwd.length);
            tar.putArchiveEntry(passwdEntry);
            tar.write(passwd);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the busybox root file system", e);
        }
        return bytes.toByteArray(); // only complete once the tar stream is closed (it pads its last block)
    }

    private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(040755);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private LocalImages() {
    }
}
