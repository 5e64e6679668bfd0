package io.homeport.provisioner.tailscale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * The two calls of the Tailscale API (v2) the provisioner makes, in the shapes Tailscale documents. Built by
 * {@link TailscaleKeys}, which is the only way to use it.
 */
@Path("/api/v2")
public interface TailscaleRestClient {

    /** OAuth 2.0 client credentials grant. */
    @POST
    @Path("/oauth/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    AccessToken token(@FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret,
            @FormParam("grant_type") String grantType);

    @POST
    @Path("/tailnet/{tailnet}/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    CreatedKey createKey(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("tailnet") String tailnet, KeyRequest request);

    record AccessToken(@JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn,
            String scope) {

        @Override
        public String toString() {
            return "AccessToken[token_type=" + tokenType + ", expires_in=" + expiresIn + ", scope=" + scope + "]";
        }
    }

    /** {@code expirySeconds} 0 would mean Tailscale's default (90 days); the provisioner always sets it. */
    record KeyRequest(Capabilities capabilities, long expirySeconds, String description) {
    }

    record Capabilities(Devices devices) {
    }

    record Devices(DeviceCreation create) {
    }

    record DeviceCreation(boolean reusable, boolean ephemeral, boolean preauthorized, List<String> tags) {
    }

    /** The answer to a key creation: the only time Tailscale shows the key itself. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreatedKey(String id, String key, Instant created, Instant expires) {

        @Override
        public String toString() {
            return "CreatedKey[id=" + id + ", key=****, created=" + created + ", expires=" + expires + "]";
        }
    }
}
