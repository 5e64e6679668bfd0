package io.homeport.tunnel.cloudflare;

import static io.homeport.testkit.CloudflareApiTestResource.ACCOUNT_ID;
import static io.homeport.testkit.CloudflareApiTestResource.API_TOKEN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.homeport.testkit.CloudflareApiStandIn;
import io.homeport.testkit.CloudflareApiStandIn.Auth;
import io.homeport.testkit.CloudflareApiStandIn.Call;
import io.homeport.testkit.CloudflareApiTestResource;
import io.homeport.testkit.InjectCloudflareApi;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.homeport.tunnel.cloudflare.AccessApp.PolicyRef;
import io.homeport.tunnel.config.TunnelConfig;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Cloudflare client against the Cloudflare API stand-in. The injected {@link Cloudflare} (token and account from
 * the test resource) carries the retries; other settings are tried on instances built from their own config.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(CloudflareApiTestResource.class)
class CloudflareTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Cloudflare cloudflare;

    @InjectCloudflareApi
    CloudflareApiStandIn api;

    private final List<Throwable> failures = new ArrayList<>();

    @BeforeEach
    void freshStart() {
        api.clearCalls();
    }

    @Test
    void listsFetchEveryPage() {
        String domain = unique("example.org");
        String zoneId = api.seedZone(domain);
        for (int i = 0; i < 120; i++) {
            api.createDnsRecordOutOfBand(zoneId, record("TXT", "r" + i + "." + domain, "v=" + i));
        }
        for (int i = 0; i < 55; i++) {
            api.seedZone(unique("zone" + i + ".example"));
        }
        api.clearCalls();

        List<DnsRecord> records = cloudflare.dnsRecords(zoneId, null, null);

        assertThat(records).hasSize(120).extracting(DnsRecord::name).doesNotHaveDuplicates()
                .contains("r0." + domain, "r119." + domain);
        assertThat(api.calls()).extracting(Call::path).containsExactly(
                "/zones/" + zoneId + "/dns_records?page=1&per_page=50",
                "/zones/" + zoneId + "/dns_records?page=2&per_page=50",
                "/zones/" + zoneId + "/dns_records?page=3&per_page=50");
        assertThat(cloudflare.zones()).hasSizeGreaterThanOrEqualTo(56).extracting(Zone::id).contains(zoneId);
        assertThat(cloudflare.zone(domain)).get().extracting(Zone::id).isEqualTo(zoneId);
        assertThat(cloudflare.zone(unique("absent.example"))).isEmpty();
    }

    @Test
    void aTunnelIsCreatedGivesItsTokenAndIsDeleted() throws Exception {
        String name = unique("homeport-web-1");

        Tunnel tunnel = cloudflare.createTunnel(name);
        TunnelToken token = cloudflare.tunnelToken(tunnel.id());

        assertThat(tunnel.name()).isEqualTo(name);
        assertThat(tunnel.remoteConfig()).isTrue();
        assertThat(tunnel.deleted()).isFalse();
        assertThat(cloudflare.tunnels(name)).singleElement().extracting(Tunnel::id).isEqualTo(tunnel.id());
        assertThat(cloudflare.tunnel(tunnel.id()).accountTag()).isEqualTo(ACCOUNT_ID);
        assertThat(api.writes()).singleElement().satisfies(call -> {
            assertThat(call.path()).isEqualTo("/accounts/" + ACCOUNT_ID + "/cfd_tunnel");
            assertThat(JSON.readTree(call.body()))
                    .isEqualTo(JSON.readTree("{\"name\":\"" + name + "\",\"config_src\":\"cloudflare\"}"));
        });
        JsonNode decoded = JSON.readTree(Base64.getDecoder().decode(token.value()));
        assertThat(decoded.path("a").asText()).isEqualTo(ACCOUNT_ID);
        assertThat(decoded.path("t").asText()).isEqualTo(tunnel.id());
        assertThat(decoded.path("s").asText()).isNotBlank();
        assertThat(token.toString()).doesNotContain(token.value());

        CloudflareRefusedException taken = catchThrowableOfType(CloudflareRefusedException.class,
                () -> cloudflare.createTunnel(name));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.hasError(CloudflareApiStandIn.TUNNEL_NAME_TAKEN)).isTrue();
        assertThat(taken).hasMessageContaining("create tunnel " + name).hasMessageContaining("HTTP 409");

        assertThat(cloudflare.deleteTunnel(tunnel.id()).deleted()).isTrue();
        assertThat(cloudflare.tunnels(name)).isEmpty();
        assertThat(api.tunnels()).filteredOn(t -> t.path("id").asText().equals(tunnel.id())).singleElement()
                .satisfies(t -> assertThat(t.path("deleted_at").isTextual()).isTrue());
        assertThat(cloudflare.createTunnel(name).id()).isNotEqualTo(tunnel.id()); // the name is free again
    }

    @Test
    void aConfigurationRoundTripKeepsWhatHomeportDoesNotKnowVerbatim() throws Exception {
        Tunnel tunnel = cloudflare.createTunnel(unique("homeport-web-2"));
        assertThat(cloudflare.configuration(tunnel.id()).config().isNull()).isTrue();
        JsonNode dashboard = JSON.readTree("""
                {"ingress": [
                   {"hostname": "wiki.example.org", "service": "http://wiki:8080",
                    "originRequest": {"noTLSVerify": true, "someFutureField": {"x": [1, 2, {"y": null}]}},
                    "x-dashboard-note": "added by hand"},
                   {"hostname": "*.lab.example.org", "path": "^/api/.*$", "service": "https://10.0.0.5:8443"},
                   {"service": "http_status:404"}],
                 "warp-routing": {"enabled": true},
                 "originRequest": {"connectTimeout": 30, "keepAliveConnections": 100},
                 "futureTopLevel": ["kept", 7, false]}""");
        api.putConfigurationOutOfBand(tunnel.id(), dashboard);

        TunnelConfiguration read = cloudflare.configuration(tunnel.id());
        assertThat(read.config()).isEqualTo(dashboard);
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.tunnelId()).isEqualTo(tunnel.id());
        ObjectNode changed = read.config().deepCopy();
        ((ArrayNode) changed.get("ingress")).insert(0,
                JSON.createObjectNode().put("hostname", "app.example.org").put("service", "http://app:80"));
        TunnelConfiguration written = cloudflare.putConfiguration(tunnel.id(), changed);

        ObjectNode expected = dashboard.deepCopy();
        ((ArrayNode) expected.get("ingress")).insert(0, JSON.readTree(
                "{\"hostname\": \"app.example.org\", \"service\": \"http://app:80\"}"));
        assertThat(api.configuration(tunnel.id())).isEqualTo(expected);
        assertThat(written.version()).isEqualTo(2);
        assertThat(written.ingress()).hasSize(4);
        assertThat(JSON.readTree(api.writes().get(api.writes().size() - 1).body()))
                .isEqualTo(JSON.createObjectNode().set("config", expected));

        ObjectNode noCatchAll = JSON.createObjectNode();
        noCatchAll.putArray("ingress").addObject().put("hostname", "a.example.org").put("service", "http://a");
        CloudflareRefusedException refused = catchThrowableOfType(CloudflareRefusedException.class,
                () -> cloudflare.putConfiguration(tunnel.id(), noCatchAll));
        assertThat(refused.hasError(CloudflareApiStandIn.INVALID_INGRESS)).isTrue();
        assertThat(api.configurationVersion(tunnel.id())).isEqualTo(2);
    }

    @Test
    void dnsRecordsAreCreatedFoundUpdatedAndDeleted() {
        String domain = unique("dns.example");
        String zoneId = api.seedZone(domain);
        String byHand = api.createDnsRecordOutOfBand(zoneId, record("TXT", "_verify." + domain, "verification"));
        String tunnelId = UUID.randomUUID().toString();

        DnsRecord created = cloudflare.createDnsRecord(zoneId,
                DnsRecordRequest.tunnelCname("app." + domain, tunnelId, "homeport: app"));

        assertThat(created.id()).isNotBlank();
        assertThat(created.content()).isEqualTo(tunnelId + ".cfargotunnel.com");
        assertThat(created.proxied()).isTrue();
        assertThat(created.ttl()).isEqualTo(1);
        assertThat(created.createdOn()).isNotNull();
        assertThat(cloudflare.dnsRecords(zoneId, "app." + domain, "CNAME")).containsExactly(created);
        assertThat(cloudflare.dnsRecords(zoneId, "app." + domain, "TXT")).isEmpty();
        assertThat(cloudflare.dnsRecords(zoneId, null, "TXT")).extracting(DnsRecord::id).containsExactly(byHand);
        assertThat(cloudflare.dnsRecords(zoneId, null, null)).hasSize(2);

        DnsRecord updated = cloudflare.updateDnsRecord(zoneId, created.id(),
                new DnsRecordRequest(null, null, null, null, null, "homeport: app (moved)"));
        assertThat(updated.comment()).isEqualTo("homeport: app (moved)");
        assertThat(updated.content()).isEqualTo(created.content());
        assertThat(updated.modifiedOn()).isAfterOrEqualTo(created.modifiedOn());

        cloudflare.deleteDnsRecord(zoneId, created.id());
        assertThat(api.dnsRecords(zoneId)).extracting(r -> r.path("id").asText()).containsExactly(byHand);
        CloudflareRefusedException gone = catchThrowableOfType(CloudflareRefusedException.class,
                () -> cloudflare.deleteDnsRecord(zoneId, created.id()));
        assertThat(gone.notFound()).isTrue();
        assertThat(gone.hasError(CloudflareApiStandIn.DNS_RECORD_NOT_FOUND)).isTrue();
    }

    @Test
    void accessApplicationsAndPoliciesAreManagedAndUnknownFieldsSurviveAnUpdate() throws Exception {
        String domain = unique("private.example.org");
        AccessPolicy policy = cloudflare.createAccessPolicy(AccessPolicy.of("homeport " + domain, "allow",
                List.of(JSON.readTree("{\"email\": {\"email\": \"ada@example.org\"}}"))));
        AccessApp app = cloudflare.createAccessApp(AccessApp.selfHosted("homeport " + domain, domain, "12h",
                List.of(new PolicyRef(policy.id(), 1))));

        assertThat(policy.id()).isNotBlank();
        assertThat(policy.include()).hasSize(1);
        assertThat(app.id()).isNotBlank();
        assertThat(app.type()).isEqualTo("self_hosted");
        assertThat(app.policies()).containsExactly(new PolicyRef(policy.id(), 1));
        assertThat(cloudflare.accessApps()).extracting(AccessApp::id).contains(app.id());
        assertThat(cloudflare.accessPolicies()).extracting(AccessPolicy::id).contains(policy.id());

        // someone sets fields Homeport does not model in the dashboard
        ObjectNode edited = (ObjectNode) api.accessApps().stream()
                .filter(a -> a.path("id").asText().equals(app.id())).findFirst().orElseThrow();
        edited.putArray("allowed_idps").add("0f3d6b9e-idp");
        edited.put("custom_deny_message", "Ask Ada");
        given().header("Authorization", "Bearer " + API_TOKEN).contentType("application/json").body(edited.toString())
                .put(api.url() + "/accounts/" + ACCOUNT_ID + "/access/apps/" + app.id()).then().statusCode(200);

        AccessPolicy second = cloudflare.createAccessPolicy(AccessPolicy.of("homeport admins", "allow",
                List.of(JSON.readTree("{\"everyone\": {}}"))));
        AccessApp current = cloudflare.accessApps().stream().filter(a -> a.id().equals(app.id())).findFirst()
                .orElseThrow();
        assertThat(current.other()).containsKeys("allowed_idps", "custom_deny_message", "aud");
        cloudflare.updateAccessApp(app.id(),
                current.withPolicies(List.of(new PolicyRef(policy.id(), 1), new PolicyRef(second.id(), 2))));

        JsonNode stored = api.accessApps().stream().filter(a -> a.path("id").asText().equals(app.id()))
                .findFirst().orElseThrow();
        assertThat(stored.path("allowed_idps")).isEqualTo(JSON.readTree("[\"0f3d6b9e-idp\"]"));
        assertThat(stored.path("custom_deny_message").asText()).isEqualTo("Ask Ada");
        assertThat(stored.path("policies").size()).isEqualTo(2);
        assertThat(stored.has("other")).isFalse();

        AccessPolicy renamed = cloudflare.updateAccessPolicy(second.id(), new AccessPolicy(second.id(),
                "homeport operators", second.decision(), second.include(), second.exclude(), second.require(),
                null, null, second.other()));
        assertThat(renamed.name()).isEqualTo("homeport operators");

        CloudflareRefusedException inUse = catchThrowableOfType(CloudflareRefusedException.class,
                () -> cloudflare.deleteAccessPolicy(policy.id()));
        assertThat(inUse.hasError(CloudflareApiStandIn.ACCESS_POLICY_IN_USE)).isTrue();
        cloudflare.deleteAccessApp(app.id());
        cloudflare.deleteAccessPolicy(policy.id());
        cloudflare.deleteAccessPolicy(second.id());
        assertThat(api.accessApps()).noneMatch(a -> a.path("id").asText().equals(app.id()));
        assertThat(api.accessPolicies()).noneMatch(p -> p.path("id").asText().equals(policy.id()));
    }

    @Test
    void aRateLimitStormIsWaitedOutAndTheWriteHappensOnce() {
        String domain = unique("storm.example");
        String zoneId = api.seedZone(domain);
        api.clearCalls();
        api.failNext(3, 429, 1);
        long started = System.nanoTime();

        DnsRecord created = cloudflare.createDnsRecord(zoneId,
                DnsRecordRequest.tunnelCname("app." + domain, UUID.randomUUID().toString(), "homeport"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(api.writes()).hasSize(4);
        assertThat(api.dnsRecords(zoneId)).singleElement()
                .satisfies(r -> assertThat(r.path("id").asText()).isEqualTo(created.id()));
    }

    @Test
    void serverErrorsAreRetriedAndWhenTheyPersistTheCallerIsToldClearly() {
        String name = unique("homeport-5xx");
        api.failNext(2, 502, null);
        Tunnel tunnel = cloudflare.createTunnel(name);
        assertThat(api.writes()).hasSize(3);
        assertThat(api.tunnels()).filteredOn(t -> t.path("name").asText().equals(name)).singleElement()
                .satisfies(t -> assertThat(t.path("id").asText()).isEqualTo(tunnel.id()));

        api.clearCalls();
        api.failNext(100, 503, null);
        CloudflareUnavailableException unavailable = catchThrowableOfType(CloudflareUnavailableException.class,
                () -> cloudflare.tunnels(name));
        api.clearCalls();
        failures.add(unavailable);
        assertThat(unavailable).hasMessageContaining("list tunnels").hasMessageContaining("HTTP 503")
                .hasMessageContaining("[" + CloudflareApiStandIn.INTERNAL_ERROR + "] Internal server error");
        assertThat(unavailable.status()).isEqualTo(503);
        assertNoSecretIn(failures);
    }

    @Test
    void aRefusalIsNotRetriedAndNamesCloudflaresError() {
        String zoneId = api.seedZone(unique("refusal.example"));
        api.clearCalls();

        CloudflareRefusedException refused = catchThrowableOfType(CloudflareRefusedException.class,
                () -> cloudflare.createDnsRecord(zoneId,
                        new DnsRecordRequest("BOGUS", "x", "y", false, 1L, null)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errors()).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo(CloudflareApiStandIn.INVALID_REQUEST));
        assertThat(refused).hasMessageContaining("create DNS record BOGUS x").hasMessageContaining("HTTP 400")
                .hasMessageContaining("[" + CloudflareApiStandIn.INVALID_REQUEST + "] DNS record type");
        assertThat(api.calls()).hasSize(1);
        failures.add(refused);
        assertNoSecretIn(failures);
    }

    @Test
    void aWrongTokenIsAnAuthenticationErrorWithoutTheToken() {
        String wrongToken = "cfWrong_" + "x".repeat(32);
        Cloudflare wrong = new Cloudflare(config(Map.of("cloudflare-api-url", api.url().toString(),
                "cloudflare-api-token", wrongToken, "cloudflare-account-id", ACCOUNT_ID)));

        CloudflareRefusedException refused = catchThrowableOfType(CloudflareRefusedException.class,
                wrong::zones);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.hasError(CloudflareApiStandIn.AUTHENTICATION_ERROR)).isTrue();
        assertThat(refused).hasMessageContaining("Authentication error").hasMessageNotContaining(wrongToken);
        assertThat(api.calls()).singleElement().satisfies(call -> {
            assertThat(call.auth()).isEqualTo(Auth.INVALID);
            assertThat(call.toString()).doesNotContain(wrongToken);
        });
    }

    @Test
    void anUnreachableApiIsReportedAsUnavailable() {
        Cloudflare unreachable = new Cloudflare(config(Map.of("cloudflare-api-url", "http://127.0.0.1:1/client/v4",
                "cloudflare-api-token", API_TOKEN, "cloudflare-account-id", ACCOUNT_ID)));

        assertThatThrownBy(() -> unreachable.tunnels(null))
                .isInstanceOf(CloudflareUnavailableException.class) // what @Retry retries
                .hasMessageContaining("http://127.0.0.1:1/client/v4 could not be reached")
                .hasMessageNotContaining(API_TOKEN);
    }

    @Test
    void withoutATokenCloudflareIsNotUsedAndCallsSaySo() {
        Cloudflare unconfigured = new Cloudflare(config(Map.of("cloudflare-api-url", api.url().toString(),
                "cloudflare-account-id", ACCOUNT_ID)));

        assertThat(unconfigured.configured()).isFalse();
        assertThat(cloudflare.configured()).isTrue();
        assertThatThrownBy(() -> unconfigured.createTunnel("x"))
                .isInstanceOf(CloudflareNotConfiguredException.class)
                .hasMessageContaining("HOMEPORT_TUNNEL_CLOUDFLARE_API_TOKEN");
        assertThat(api.calls()).isEmpty();
    }

    @Test
    void neitherTheApiTokenNorATunnelTokenIsEverLogged() throws Exception {
        Tunnel tunnel = cloudflare.createTunnel(unique("homeport-logged"));
        TunnelToken token = cloudflare.tunnelToken(tunnel.id());
        api.failNext(1, 400, null);
        failures.add(catchThrowableOfType(CloudflareException.class, () -> cloudflare.tunnel(tunnel.id())));
        cloudflare.deleteTunnel(tunnel.id());

        assertThat(api.calls()).isNotEmpty().allSatisfy(call -> assertThat(call.auth()).isEqualTo(Auth.OK));
        String log = Files.readString(Path.of("target/tunnel-manager-test.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("Created Cloudflare tunnel " + tunnel.name())
                .contains("Deleted Cloudflare tunnel " + tunnel.name())
                .doesNotContain(API_TOKEN).doesNotContain(token.value());
        assertNoSecretIn(failures);
    }

    private static void assertNoSecretIn(List<Throwable> failures) {
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(API_TOKEN);
            }
        }
    }

    private static JsonNode record(String type, String name, String content) {
        return JSON.createObjectNode().put("type", type).put("name", name).put("content", content).put("ttl", 1);
    }

    private static String unique(String name) {
        return UUID.randomUUID().toString().substring(0, 8) + "-" + name;
    }

    /** Settings as Quarkus would read them from {@code homeport.tunnel.*}. */
    private static TunnelConfig config(Map<String, String> tunnel) {
        Map<String, String> properties = new HashMap<>();
        tunnel.forEach((key, value) -> properties.put("homeport.tunnel." + key, value));
        return new SmallRyeConfigBuilder()
                .withMapping(TunnelConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build()
                .getConfigMapping(TunnelConfig.class);
    }
}
