package io.homeport.gateway.app;

import io.homeport.api.apps.AppSpec;
import io.homeport.api.apps.AppView;
import io.homeport.api.apps.AppsApi;
import io.homeport.api.apps.DeploymentView;
import io.homeport.api.apps.RevisionView;
import io.homeport.gateway.client.DeployerClient;
import io.homeport.gateway.config.PublicLocations;
import io.homeport.gateway.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

/** Apps and deployments for users (JSON or YAML specs); the deployer owns them. */
@SecurityRequirement(name = "bearer")
public class AppResource implements AppsApi {

    private final DeployerClient deployer;
    private final PublicLocations locations;
    private final UriInfo uri;

    AppResource(DeployerClient deployer, PublicLocations locations, UriInfo uri) {
        this.deployer = deployer;
        this.locations = locations;
        this.uri = uri;
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public RestResponse<DeploymentView> create(AppSpec spec) {
        return accepted(deployer.create(spec));
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public RestResponse<DeploymentView> update(String name, AppSpec spec) {
        return accepted(deployer.update(name, spec));
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public List<AppView> list() {
        return deployer.apps();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public AppView get(String name) {
        return deployer.app(name);
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public List<RevisionView> revisions(String name) {
        return deployer.revisions(name);
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public RestResponse<DeploymentView> rollback(String name, Long to) {
        return accepted(deployer.rollback(name, to));
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    public DeploymentView deployment(UUID id) {
        return deployer.deployment(id);
    }

    /** 202 with the deployment, located at this gateway (or its public URL). */
    private RestResponse<DeploymentView> accepted(DeploymentView deployment) {
        UriBuilder base = locations.root(uri);
        return RestResponse.ResponseBuilder.<DeploymentView>accepted(deployment)
                .location(base.path("api/v1/deployments").path(deployment.id().toString()).build()).build();
    }
}
