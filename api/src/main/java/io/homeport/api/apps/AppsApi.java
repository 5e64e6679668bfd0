package io.homeport.api.apps;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Applications, {@code /api/v1/apps}: served to users by the gateway and implemented by the deployer. A deploy
 * answers 202 with the deployment; follow it at {@code /api/v1/deployments/{id}} or in the event stream.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface AppsApi {

    /** Deploys a new app (its first revision); 409 when the name is taken. */
    @POST
    @Path("/apps")
    @Consumes({MediaType.APPLICATION_JSON, StacksApi.YAML, "application/x-yaml", "text/yaml"})
    RestResponse<DeploymentView> create(@NotNull(message = "an app spec is required") @Valid AppSpec spec);

    /** Deploys a new revision of the app. */
    @PUT
    @Path("/apps/{name}")
    @Consumes({MediaType.APPLICATION_JSON, StacksApi.YAML, "application/x-yaml", "text/yaml"})
    RestResponse<DeploymentView> update(@PathParam("name") String name,
            @NotNull(message = "an app spec is required") @Valid AppSpec spec);

    @GET
    @Path("/apps")
    List<AppView> list();

    @GET
    @Path("/apps/{name}")
    AppView get(@PathParam("name") String name);

    /** Every revision of the app, newest first. */
    @GET
    @Path("/apps/{name}/revisions")
    List<RevisionView> revisions(@PathParam("name") String name);

    /** Deploys revision {@code to}'s spec again, as a new revision. */
    @POST
    @Path("/apps/{name}/rollback")
    RestResponse<DeploymentView> rollback(@PathParam("name") String name,
            @NotNull(message = "is required: the revision to go back to") @QueryParam("to") Long to);

    @GET
    @Path("/deployments/{id}")
    DeploymentView deployment(@PathParam("id") UUID id);
}
