package io.homeport.api.apps;

import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Compose stacks, {@code /api/v1/stacks}: served to users by the gateway and implemented by the deployer.
 */
@Path("/api/v1/stacks")
public interface StacksApi {

    /** The YAML media types a compose file may come as. */
    String YAML = "application/yaml";

    /**
     * Reads a compose file and answers how Homeport would deploy it, deploying nothing: the apps in start order,
     * or 422 listing every unsupported or invalid key with the reason.
     *
     * @param name the stack's name when the file has none
     */
    @POST
    @Path("/preview")
    @Consumes({YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    StackPreview preview(@QueryParam("name") String name,
            @NotBlank(message = "a compose file is required") String compose);

    /**
     * Deploys a compose file: one app per service (created, or a new revision of an existing one), each started
     * once every app it depends on has passed its health gate. Answers 202 with each app's deployment in start
     * order. Nothing is stored when any key is invalid (422, as the preview), any app cannot be placed (422 naming
     * the hosts) or any app is being deployed already (409).
     *
     * @param name the stack's name when the file has none
     */
    @POST
    @Consumes({YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    RestResponse<StackDeploymentView> deploy(@QueryParam("name") String name,
            @NotBlank(message = "a compose file is required") String compose);
}
