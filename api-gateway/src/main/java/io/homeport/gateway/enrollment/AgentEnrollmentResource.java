package io.homeport.gateway.enrollment;

import io.homeport.gateway.agenthub.AgentSessions;
import io.homeport.gateway.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Where agents enroll: an enrollment key in, a credential out. No user token here: the enrollment key is the
 * proof. Admins revoke a host's credentials.
 */
@Path("/api/v1/agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentEnrollmentResource {

    private final EnrollmentService enrollment;
    private final AgentSessions sessions;

    AgentEnrollmentResource(EnrollmentService enrollment, AgentSessions sessions) {
        this.enrollment = enrollment;
        this.sessions = sessions;
    }

    @POST
    @Path("/enroll")
    @PermitAll
    public RestResponse<Enrollment> enroll(@NotNull(message = "a JSON body is required") @Valid EnrollmentRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, enrollment.enroll(request));
    }

    @DELETE
    @Path("/{hostId}/credentials")
    @RolesAllowed(Roles.ADMIN)
    public RestResponse<Void> revokeCredentials(@PathParam("hostId") UUID hostId) {
        enrollment.revokeCredentials(hostId);
        sessions.disconnect(hostId, AgentSessions.REVOKED, "the agent credential was revoked");
        return RestResponse.noContent();
    }
}
