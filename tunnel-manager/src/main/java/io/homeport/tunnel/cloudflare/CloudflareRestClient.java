package io.homeport.tunnel.cloudflare;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The calls of the Cloudflare API v4 the tunnel-manager makes, in the shapes Cloudflare documents
 * (developers.cloudflare.com/api). Built by {@link Cloudflare}, which is the only way to use it; a null query
 * parameter is left out.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CloudflareRestClient {

    @GET
    @Path("zones")
    CloudflareResponse<List<Zone>> zones(@QueryParam("name") String name, @QueryParam("page") int page,
            @QueryParam("per_page") int perPage);

    @GET
    @Path("accounts/{account_id}/cfd_tunnel")
    CloudflareResponse<List<Tunnel>> tunnels(@PathParam("account_id") String accountId,
            @QueryParam("name") String name, @QueryParam("is_deleted") Boolean deleted, @QueryParam("page") int page,
            @QueryParam("per_page") int perPage);

    @POST
    @Path("accounts/{account_id}/cfd_tunnel")
    CloudflareResponse<Tunnel> createTunnel(@PathParam("account_id") String accountId, NewTunnel tunnel);

    @GET
    @Path("accounts/{account_id}/cfd_tunnel/{tunnel_id}")
    CloudflareResponse<Tunnel> tunnel(@PathParam("account_id") String accountId,
            @PathParam("tunnel_id") String tunnelId);

    @DELETE
    @Path("accounts/{account_id}/cfd_tunnel/{tunnel_id}")
    CloudflareResponse<Tunnel> deleteTunnel(@PathParam("account_id") String accountId,
            @PathParam("tunnel_id") String tunnelId);

    @GET
    @Path("accounts/{account_id}/cfd_tunnel/{tunnel_id}/token")
    CloudflareResponse<String> tunnelToken(@PathParam("account_id") String accountId,
            @PathParam("tunnel_id") String tunnelId);

    @GET
    @Path("accounts/{account_id}/cfd_tunnel/{tunnel_id}/configurations")
    CloudflareResponse<TunnelConfiguration> configuration(@PathParam("account_id") String accountId,
            @PathParam("tunnel_id") String tunnelId);

    @PUT
    @Path("accounts/{account_id}/cfd_tunnel/{tunnel_id}/configurations")
    CloudflareResponse<TunnelConfiguration> putConfiguration(@PathParam("account_id") String accountId,
            @PathParam("tunnel_id") String tunnelId, ConfigurationUpdate update);

    @GET
    @Path("zones/{zone_id}/dns_records")
    CloudflareResponse<List<DnsRecord>> dnsRecords(@PathParam("zone_id") String zoneId,
            @QueryParam("name") String name, @QueryParam("type") String type, @QueryParam("page") int page,
            @QueryParam("per_page") int perPage);

    @POST
    @Path("zones/{zone_id}/dns_records")
    CloudflareResponse<DnsRecord> createDnsRecord(@PathParam("zone_id") String zoneId, DnsRecordRequest record);

    @PATCH
    @Path("zones/{zone_id}/dns_records/{record_id}")
    CloudflareResponse<DnsRecord> patchDnsRecord(@PathParam("zone_id") String zoneId,
            @PathParam("record_id") String recordId, DnsRecordRequest record);

    @DELETE
    @Path("zones/{zone_id}/dns_records/{record_id}")
    CloudflareResponse<Deleted> deleteDnsRecord(@PathParam("zone_id") String zoneId,
            @PathParam("record_id") String recordId);

    @GET
    @Path("accounts/{account_id}/access/apps")
    CloudflareResponse<List<AccessApp>> accessApps(@PathParam("account_id") String accountId,
            @QueryParam("page") int page, @QueryParam("per_page") int perPage);

    @POST
    @Path("accounts/{account_id}/access/apps")
    CloudflareResponse<AccessApp> createAccessApp(@PathParam("account_id") String accountId, AccessApp app);

    @PUT
    @Path("accounts/{account_id}/access/apps/{app_id}")
    CloudflareResponse<AccessApp> updateAccessApp(@PathParam("account_id") String accountId,
            @PathParam("app_id") String appId, AccessApp app);

    @DELETE
    @Path("accounts/{account_id}/access/apps/{app_id}")
    CloudflareResponse<Deleted> deleteAccessApp(@PathParam("account_id") String accountId,
            @PathParam("app_id") String appId);

    @GET
    @Path("accounts/{account_id}/access/policies")
    CloudflareResponse<List<AccessPolicy>> accessPolicies(@PathParam("account_id") String accountId,
            @QueryParam("page") int page, @QueryParam("per_page") int perPage);

    @POST
    @Path("accounts/{account_id}/access/policies")
    CloudflareResponse<AccessPolicy> createAccessPolicy(@PathParam("account_id") String accountId,
            AccessPolicy policy);

    @PUT
    @Path("accounts/{account_id}/access/policies/{policy_id}")
    CloudflareResponse<AccessPolicy> updateAccessPolicy(@PathParam("account_id") String accountId,
            @PathParam("policy_id") String policyId, AccessPolicy policy);

    @DELETE
    @Path("accounts/{account_id}/access/policies/{policy_id}")
    CloudflareResponse<Deleted> deleteAccessPolicy(@PathParam("account_id") String accountId,
            @PathParam("policy_id") String policyId);

    /** {@code config_src: cloudflare}: the tunnel's ingress is managed through the API, not a local file. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NewTunnel(String name, String configSrc) {
    }

    /** The body of a configuration PUT: {@code config} as a whole. */
    record ConfigurationUpdate(JsonNode config) {
    }

    /** What a DELETE answers. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Deleted(String id) {
    }
}
