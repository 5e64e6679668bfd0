package io.homeport.gateway.token;

import io.homeport.gateway.config.PublicLocations;
import io.homeport.gateway.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

/** API tokens, for admins: the token is in the creation answer only. */
@Path("/api/v1/api-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class ApiTokenResource {

    private final ApiTokenService tokens;
    private final SecurityIdentity identity;
    private final PublicLocations locations;
    private final UriInfo uri;

    ApiTokenResource(ApiTokenService tokens, SecurityIdentity identity, PublicLocations locations, UriInfo uri) {
        this.tokens = tokens;
        this.identity = identity;
        this.locations = locations;
        this.uri = uri;
    }

    @POST
    public RestResponse<ApiTokenView> create(
            @NotNull(message = "a JSON body is required") @Valid ApiTokenRequest request) {
        ApiTokenView token = tokens.create(request, identity.getPrincipal().getName());
        return RestResponse.ResponseBuilder.<ApiTokenView>created(
                locations.here(uri).path(token.id().toString()).build()).entity(token).build();
    }

    @GET
    public List<ApiTokenView> list() {
        return tokens.list();
    }

    @GET
    @Path("/{id}")
    public ApiTokenView get(@PathParam("id") UUID id) {
        return tokens.get(id);
    }

    /** Revokes the token at once: its next request gets 401. */
    @DELETE
    @Path("/{id}")
    public ApiTokenView revoke(@PathParam("id") UUID id) {
        return tokens.revoke(id, identity.getPrincipal().getName());
    }
}
