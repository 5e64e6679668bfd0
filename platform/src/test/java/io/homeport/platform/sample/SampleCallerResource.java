package io.homeport.platform.sample;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** A service's API as its callers see it: who called ({@code whoami}), and a call onwards to itself ({@code relay}). */
@Path("/api/v1/sample")
public class SampleCallerResource {

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final SampleSelfClient self;

    SampleCallerResource(SecurityIdentity identity, JsonWebToken token, @RestClient SampleSelfClient self) {
        this.identity = identity;
        this.token = token;
        this.self = self;
    }

    @GET
    @Path("/whoami")
    public Map<String, Object> whoami() {
        return Map.of("subject", identity.getPrincipal().getName(), "groups", identity.getRoles().stream().sorted()
                .toList(), "caller", token.getClaim("azp"));
    }

    @GET
    @Path("/relay")
    public Map<String, Object> relay() {
        return self.whoami();
    }

    /** Non-blocking: served on an I/O thread, where the caller's identity must be had without blocking. */
    @GET
    @Path("/relay-later")
    public Uni<Map<String, Object>> relayLater() {
        return self.whoamiLater();
    }
}
