package io.homeport.agent.volume;

import io.homeport.agent.protocol.HostVolume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * For each volume, the epoch of the tenure its local data belongs to ({@code <stateDir>/volumes/<app>/<name>.epoch}):
 * data from an older tenure must be restored from the remote before a container may use it, and only data of the
 * current tenure may be synced over the remote copy. Kept in the agent's state directory, never inside the volume,
 * where a container could change it.
 */
public final class TenureMarkers {

    /** No marker: the data is from no known tenure. */
    public static final long NONE = -1;
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path directory;

    public TenureMarkers(Path stateDir) {
        this.directory = stateDir.resolve("volumes");
    }

    public long read(HostVolume volume) {
        try {
            return Long.parseLong(Files.readString(file(volume)).strip());
        } catch (NoSuchFileException none) {
            return NONE;
        } catch (NumberFormatException corrupt) {
            return NONE; // unreadable counts as no tenure: the data is restored again, never synced over the remote
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tenure of volume " + volume.key(), e);
        }
    }

    /** Records that the local data of {@code volume} belongs to {@code epoch}; atomic, so a crash leaves old or new. */
    public void write(HostVolume volume, long epoch) {
        Path file = file(volume);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, epoch + "\n");
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the tenure of volume " + volume.key(), e);
        }
    }

    private Path file(HostVolume volume) {
        return directory.resolve(safe(volume.app())).resolve(safe(volume.name()) + ".epoch");
    }

    private static String safe(String name) {
        if (!SAFE_NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("'" + name + "' cannot name a file in the agent's state directory");
        }
        return name;
    }
}
