package io.homeport.api.storage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Volumes, their backups and restores, {@code /api/v1/volumes}: served to users by the gateway and kept by the
 * storage-manager. Volumes come into being when an app that declares them is deployed. Backups and restores run on a
 * host's agent (the lease holder's by default) and answer 202 at once; their state follows in these views and as
 * events ({@code backup.completed}, {@code backup.failed}, ...).
 */
@Path("/api/v1/volumes")
@Produces(MediaType.APPLICATION_JSON)
public interface VolumesApi {

    @GET
    List<VolumeView> list();

    @GET
    @Path("/{app}/{volume}")
    VolumeView get(@PathParam("app") String app, @PathParam("volume") String volume);

    @PUT
    @Path("/{app}/{volume}/backup-policy")
    @Consumes(MediaType.APPLICATION_JSON)
    VolumeView setBackupPolicy(@PathParam("app") String app, @PathParam("volume") String volume,
            @NotNull(message = "a body {\"enabled\": ..., \"intervalMinutes\": ..., \"keepLast\": ..., "
                    + "\"maxAgeDays\": ...} is required") @Valid BackupPolicy policy);

    /** Newest first, deleted ones included (state DELETED). */
    @GET
    @Path("/{app}/{volume}/backups")
    List<BackupView> backups(@PathParam("app") String app, @PathParam("volume") String volume);

    /** Backs the volume up now: 202 with the backup RUNNING. 409 when no host holds the volume's lease. */
    @POST
    @Path("/{app}/{volume}/backups")
    @Consumes(MediaType.WILDCARD) // no body
    RestResponse<BackupView> backUp(@PathParam("app") String app, @PathParam("volume") String volume);

    @GET
    @Path("/{app}/{volume}/backups/{id}")
    BackupView backup(@PathParam("app") String app, @PathParam("volume") String volume, @PathParam("id") UUID id);

    /**
     * Checks a completed backup against its checksums: 202 at once; a backup that fails becomes CORRUPT (its message
     * names the files that differ, and {@code backup.failed} says so), an intact one stays COMPLETED with
     * {@code verifiedAt} set.
     */
    @POST
    @Path("/{app}/{volume}/backups/{id}/verify")
    @Consumes(MediaType.WILDCARD)
    RestResponse<BackupView> verify(@PathParam("app") String app, @PathParam("volume") String volume, @PathParam("id") UUID id);

    /** Deletes a backup from its remote (state DELETED). */
    @DELETE
    @Path("/{app}/{volume}/backups/{id}")
    BackupView deleteBackup(@PathParam("app") String app, @PathParam("volume") String volume,
            @PathParam("id") UUID id);

    /** Restores a completed backup: 202 with the restore RUNNING; it is verified first and refused if corrupt. */
    @POST
    @Path("/{app}/{volume}/backups/{id}/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    RestResponse<RestoreView> restore(@PathParam("app") String app, @PathParam("volume") String volume,
            @PathParam("id") UUID id, @Valid RestoreRequest request);

    @GET
    @Path("/{app}/{volume}/restores/{id}")
    RestoreView restoreStatus(@PathParam("app") String app, @PathParam("volume") String volume,
            @PathParam("id") UUID id);
}
