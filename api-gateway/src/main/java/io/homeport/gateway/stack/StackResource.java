package io.homeport.gateway.stack;

import io.homeport.api.apps.StackDeploymentView;
import io.homeport.api.apps.StackPreview;
import io.homeport.api.apps.StacksApi;
import io.homeport.gateway.client.DeployerClient;
import io.homeport.gateway.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

/** Compose stacks for users; the deployer reads and deploys them. */
@SecurityRequirement(name = "bearer")
public class StackResource implements StacksApi {

    private final DeployerClient deployer;

    StackResource(DeployerClient deployer) {
        this.deployer = deployer;
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public StackPreview preview(String name, String compose) {
        return deployer.preview(name, compose);
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public RestResponse<StackDeploymentView> deploy(String name, String compose) {
        return RestResponse.accepted(deployer.deployStack(name, compose));
    }
}
