package io.homeport.api.storage;

import io.homeport.api.apps.AppSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * rclone remotes, {@code /api/v1/remotes}: served to users by the gateway and kept by the storage-manager, their
 * credentials encrypted with the master key. Every host's rclone config is rendered from them and sent to its agent
 * sealed to that agent's key. 400 with the reason for an unknown type, a missing credential or option, or an option
 * the type does not have.
 */
@Path("/api/v1/remotes")
@Produces(MediaType.APPLICATION_JSON)
public interface RemotesApi {

    @GET
    List<RemoteView> list();

    @GET
    @Path("/{name}")
    RemoteView get(@PathParam("name") String name);

    /** Defines a remote (201) or replaces its definition (200); every connected host gets the new config. */
    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    RestResponse<RemoteView> put(
            @PathParam("name") @Pattern(regexp = AppSpec.NAME, message = "must be lower-case letters, digits and "
                    + "'-', starting and ending with a letter or digit")
            @Size(max = 63, message = "must be at most 63 characters") String name,
            @NotNull(message = "a body {\"type\": ..., \"options\": {...}} is required") @Valid
            RemoteDefinition definition);

    /** 409 while it is the shared or the backup remote, or backups are kept on it. */
    @DELETE
    @Path("/{name}")
    RestResponse<Void> delete(@PathParam("name") String name);
}
