package io.homeport.gateway.enrollment;

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

/** Enrollment keys, for admins: the key is in the creation answer only. */
@Path("/api/v1/enrollment-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class EnrollmentKeyResource {

    private final EnrollmentService enrollment;
    private final SecurityIdentity identity;
    private final UriInfo uri;

    EnrollmentKeyResource(EnrollmentService enrollment, SecurityIdentity identity, UriInfo uri) {
        this.enrollment = enrollment;
        this.identity = identity;
        this.uri = uri;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public RestResponse<EnrollmentKeyView> create(
            @NotNull(message = "a JSON body is required") @Valid EnrollmentKeyRequest request) {
        EnrollmentKeyView key = enrollment.create(request, identity.getPrincipal().getName());
        return RestResponse.ResponseBuilder.<EnrollmentKeyView>created(
                uri.getAbsolutePathBuilder().path(key.id().toString()).build()).entity(key).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public List<EnrollmentKeyView> list() {
        return enrollment.list();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public EnrollmentKeyView revoke(@PathParam("id") UUID id) {
        return enrollment.revoke(id);
    }
}
