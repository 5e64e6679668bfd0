package io.homeport.storage.volume;

import io.homeport.agent.protocol.HostVolume;
import io.homeport.api.apps.AppSpec;
import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.ProblemException;
import io.homeport.storage.config.StorageConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where volumes live (pure): {@code shared} ones at {@code <mount>/apps/<app>/<volume>} on every host, which is
 * {@code <shared>:apps/<app>/<volume>} on the remote; {@code local-synced} ones at
 * {@code <local-volumes>/<app>/<volume>} on the holder, synced to {@code <shared>:synced/<app>/<volume>/current}
 * with replaced files kept under {@code .../replaced}; every volume's fence at {@code <shared>:leases/<app>/<volume>}.
 * Paths are built only from names that pass {@link #invalidName}.
 */
public record VolumeLayout(String sharedRemote, String mountPath, String localVolumes, int syncIntervalSeconds) {

    private static final Pattern NAME = Pattern.compile(AppSpec.NAME);

    public VolumeLayout {
        mountPath = withoutTrailingSlash(mountPath);
        localVolumes = withoutTrailingSlash(localVolumes);
    }

    public static VolumeLayout of(StorageConfig config) {
        return new VolumeLayout(config.sharedRemote(), config.mountPath(), config.localVolumes(),
                (int) config.syncInterval().toSeconds());
    }

    /** Why an app or volume name cannot name a path, or empty when it can. */
    public static Optional<String> invalidName(String kind, String name) {
        if (name == null || name.length() > 63 || !NAME.matcher(name).matches()) {
            return Optional.of(kind + " must be a lower-case DNS label (letters, digits and '-', at most 63)");
        }
        return Optional.empty();
    }

    public static Optional<String> invalidMode(String mode) {
        return HostVolume.SHARED.equals(mode) || HostVolume.LOCAL_SYNCED.equals(mode) ? Optional.empty()
                : Optional.of("mode must be shared or local-synced");
    }

    /** The volume as its holder is to use it, at {@code epoch}. */
    public HostVolume lease(String app, String name, String mode, long epoch) {
        boolean synced = HostVolume.LOCAL_SYNCED.equals(mode);
        return new HostVolume(app, name, mode, hostPath(app, name, mode), remote(app, name, mode),
                synced ? sharedRemote + ":synced/" + app + "/" + name + "/replaced" : null,
                sharedRemote + ":leases/" + app + "/" + name, epoch, synced ? syncIntervalSeconds : 0);
    }

    /** The host directory containers bind. */
    public String hostPath(String app, String name, String mode) {
        return HostVolume.LOCAL_SYNCED.equals(mode) ? localVolumes + "/" + app + "/" + name
                : mountPath + "/apps/" + app + "/" + name;
    }

    /** The rclone path of the volume's durable copy. */
    public String remote(String app, String name, String mode) {
        return HostVolume.LOCAL_SYNCED.equals(mode) ? sharedRemote + ":synced/" + app + "/" + name + "/current"
                : sharedRemote + ":apps/" + app + "/" + name;
    }

    /**
     * What a backup of the volume copies: its durable copy on the remote. For {@code shared} that is the data behind
     * the mount (read from the remote, not through a host's mount); for {@code local-synced} its last synced copy, at
     * most one sync interval old, which changes only when the holder syncs, where the live directory changes all the
     * time an app writes it (a copy of it could never be checked against it).
     */
    public String backupSource(String app, String name, String mode) {
        return remote(app, name, mode);
    }

    /**
     * Where a restore writes on the chosen host: the volume's host directory (for {@code shared} its directory on the
     * host's mount of the shared remote, so the restore reaches the remote through the mount; agent-protocol
     * {@code Commands.RESTORE} takes a host directory), or {@code relative} inside it; 400 when {@code relative} would
     * leave it.
     */
    public String restoreDestination(String app, String name, String mode, String relative) {
        return within(hostPath(app, name, mode), relative);
    }

    /** {@code root/relative}, or 400 with the reason when {@code relative} is absolute or leaves {@code root}. */
    static String within(String root, String relative) {
        if (relative == null || relative.isBlank()) {
            return root;
        }
        whyNotInside(relative).ifPresent(why -> {
            throw new ProblemException(Problem.invalidField("path", why));
        });
        String inside = Path.of(relative).normalize().toString();
        return inside.isEmpty() ? root : root + "/" + inside;
    }

    private static Optional<String> whyNotInside(String relative) {
        if (relative.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("must not contain control characters");
        }
        if (relative.startsWith("/") || relative.contains("\\") || relative.contains(":")) {
            return Optional.of("must be relative to the volume: no leading '/', no '\\' or ':'");
        }
        try {
            for (Path part : Path.of(relative)) {
                if (part.toString().equals("..")) {
                    return Optional.of("must stay inside the volume: '..' is not allowed");
                }
            }
            return Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.of("is not a path: " + e.getReason());
        }
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
