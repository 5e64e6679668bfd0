package io.homeport.provisioner.replacement;

import io.homeport.api.hosts.HostRegistration;
import io.homeport.api.hosts.HostReplacementApi;
import io.homeport.api.hosts.ReplacementView;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** Replacement runs behind the gateway. */
public class ReplacementResource implements HostReplacementApi {

    private final ReplacementService replacements;
    private final UriInfo uri;

    ReplacementResource(ReplacementService replacements, UriInfo uri) {
        this.replacements = replacements;
        this.uri = uri;
    }

    @Override
    public RestResponse<ReplacementView> replace(UUID id, HostRegistration server) {
        ReplacementView run = replacements.start(id, server);
        return RestResponse.ResponseBuilder.<ReplacementView>accepted().entity(run)
                .location(uri.getAbsolutePathBuilder().path(run.id().toString()).build()).build();
    }

    @Override
    public List<ReplacementView> list(UUID id) {
        return replacements.list(id);
    }

    @Override
    public ReplacementView get(UUID id, UUID replacementId) {
        return replacements.get(id, replacementId);
    }
}
