package io.homeport.deployer.app;

import io.homeport.api.apps.AppSpec;
import io.homeport.api.apps.AppView;
import io.homeport.api.apps.AppsApi;
import io.homeport.api.apps.DeploymentView;
import io.homeport.api.apps.RevisionView;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** Apps and their deployments; 202 with the deployment and its {@code Location} for every deploy. */
public class AppResource implements AppsApi {

    private final Apps apps;
    private final UriInfo uri;

    AppResource(Apps apps, UriInfo uri) {
        this.apps = apps;
        this.uri = uri;
    }

    @Override
    public RestResponse<DeploymentView> create(AppSpec spec) {
        return accepted(apps.create(spec));
    }

    @Override
    public RestResponse<DeploymentView> update(String name, AppSpec spec) {
        return accepted(apps.update(name, spec));
    }

    @Override
    public List<AppView> list() {
        return apps.list();
    }

    @Override
    public AppView get(String name) {
        return apps.get(name);
    }

    @Override
    public List<RevisionView> revisions(String name) {
        return apps.revisions(name);
    }

    @Override
    public RestResponse<DeploymentView> rollback(String name, Long to) {
        return accepted(apps.rollback(name, to));
    }

    @Override
    public DeploymentView deployment(UUID id) {
        return apps.deployment(id);
    }

    private RestResponse<DeploymentView> accepted(DeploymentView deployment) {
        return RestResponse.ResponseBuilder.<DeploymentView>accepted(deployment)
                .location(uri.getBaseUriBuilder().path("api/v1/deployments").path(deployment.id().toString()).build())
                .build();
    }
}
