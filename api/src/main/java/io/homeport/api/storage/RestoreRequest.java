package io.homeport.api.storage;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where to restore a backup: by default onto the volume itself on the host holding its lease (stop the app first);
 * {@code path} restores into a directory inside the volume instead, e.g. to look at old files beside the live ones.
 */
@Schema(description = "Where a backup is restored.")
public record RestoreRequest(
        @Schema(description = "the host to restore on; default: the holder of the volume's lease") UUID hostId,
        @Schema(description = "a relative directory inside the volume; default: the volume itself. Must not leave "
                + "the volume (no '..', not absolute)") String path) {
}
