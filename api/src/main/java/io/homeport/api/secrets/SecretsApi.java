package io.homeport.api.secrets;

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
 * App secrets, {@code /api/v1/secrets}: served to users by the gateway and kept by the deployer, encrypted with the
 * master key. A value goes in and never comes out again: every answer carries names and versions only; an app
 * spec refers to a secret by name ({@code secrets: {DB_PASSWORD: db-password}}), and its value reaches only the
 * agent of a host running the app, sealed to that agent's key.
 */
@Path("/api/v1/secrets")
@Produces(MediaType.APPLICATION_JSON)
public interface SecretsApi {

    @GET
    List<SecretView> list();

    @GET
    @Path("/{name}")
    SecretView get(@PathParam("name") String name);

    /**
     * Stores a secret (201) or a new version of it (200). Apps keep the version they were deployed with until their
     * next revision.
     */
    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    RestResponse<SecretView> put(
            @PathParam("name") @Pattern(regexp = AppSpec.NAME, message = "must be lower-case letters, digits and "
                    + "'-', starting and ending with a letter or digit")
            @Size(max = 63, message = "must be at most 63 characters") String name,
            @NotNull(message = "a body {\"value\": ...} is required") @Valid SecretValue value);

    /** Removes every version; 409 while an app's current revision uses it. */
    @DELETE
    @Path("/{name}")
    RestResponse<Void> delete(@PathParam("name") String name);
}
