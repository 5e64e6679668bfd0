package io.homeport.tunnel.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.homeport.agent.protocol.ContainerState;
import io.homeport.agent.protocol.HostFacts;
import io.homeport.events.EventCodec;
import io.homeport.events.EventType;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.agent.AgentConnected;
import io.homeport.events.agent.AgentReported;
import io.homeport.events.tunnel.ExposureRejected;
import io.homeport.events.tunnel.RouteExposed;
import io.homeport.testkit.CloudflareApiStandIn;
import io.homeport.testkit.CloudflareApiTestResource;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.EventWriter;
import io.homeport.testkit.InjectCloudflareApi;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.homeport.testkit.ServiceCalls;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The tunnel-manager end to end inside one service: agent reports and hellos published on the real Kafka broker as
 * the hub relays them, routes kept in the real PostgreSQL, and every Cloudflare call made to the Cloudflare API
 * stand-in, which records them, so each test asserts exactly which writes happened. (The connector is placed through
 * the deployer, which does not run here: {@code manage-connectors} is off; the e2e suite runs that path.)
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(CloudflareApiTestResource.class)
class TunnelReconcileTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectKafkaBroker
    KafkaBroker broker;

    @InjectCloudflareApi
    CloudflareApiStandIn api;

    @Inject
    ReconcileQueue queue;

    // ---------------------------------------------------------------------------------------------------------

    /** Only the gateway and other services, with a valid service token, may call the tunnel-manager directly. */
    @Test
    void itsApiAnswersOnlyCallsWithAValidServiceToken() {
        ServiceCalls.assertOnlyValidServiceTokensPass("/api/v1/routes", 200);
    }

    @Test
    void aLabelledContainerGetsItsRuleAndProxiedCnameAndSeveralHostnamesWithPathsToo() {
        String zone = unique("example.com");
        String zoneId = api.seedZone(zone);
        UUID host = UUID.randomUUID();
        String tunnel = connect(host, "alpha-" + host.toString().substring(0, 6));
        try (EventReader tunnels = new EventReader(broker.bootstrapServers(), Topics.TUNNELS)) {
            report(host, true, running("web", Map.of("dockflare.enable", "true", "dockflare.hostname", "www." + zone,
                    "dockflare.service", "http://web:80")),
                    running("api", Map.of("dockflare.enable", "true",
                            "dockflare.0.hostname", "api." + zone, "dockflare.0.service", "http://api:8080",
                            "dockflare.0.path", "/v1",
                            "dockflare.1.hostname", "admin." + zone, "dockflare.1.service", "https://api:8443",
                            "dockflare.1.no_tls_verify", "true")));

            await().atMost(WAIT).untilAsserted(() -> assertThat(rules(tunnel)).containsExactly(
                    "admin." + zone + " -> https://api:8443", "api." + zone + "/v1 -> http://api:8080",
                    "www." + zone + " -> http://web:80", "* -> http_status:404"));
            JsonNode admin = ingress(tunnel).get(0);
            assertThat(admin.path("originRequest").path("noTLSVerify").asBoolean()).isTrue();
            await().atMost(WAIT).untilAsserted(() -> assertThat(cnames(zoneId)).containsOnly(
                    Map.entry("www." + zone, tunnel + ".cfargotunnel.com"),
                    Map.entry("api." + zone, tunnel + ".cfargotunnel.com"),
                    Map.entry("admin." + zone, tunnel + ".cfargotunnel.com")));
            assertThat(api.dnsRecords(zoneId)).allSatisfy(record -> {
                assertThat(record.path("proxied").asBoolean()).isTrue();
                assertThat(record.path("comment").asText()).isEqualTo("homeport:managed owner=homeport");
            });
            RouteExposed exposed = next(tunnels, EventTypes.ROUTE_EXPOSED, e -> e.hostname().equals("api." + zone));
            assertThat(exposed.path()).isEqualTo("/v1");
            assertThat(exposed.tunnelId()).isEqualTo(tunnel);
            assertThat(exposed.hostId()).isEqualTo(host);
        }
    }

    @Test
    void rulesAndRecordsHomeportDoesNotOwnSurviveEveryReconcileAndDriftIsRepaired() throws Exception {
        String zone = unique("example.net");
        String zoneId = api.seedZone(zone);
        UUID host = UUID.randomUUID();
        String tunnel = connect(host, "beta-" + host.toString().substring(0, 6));
        JsonNode theirs = JSON.readTree("{\"hostname\": \"nas." + zone + "\", \"service\": \"http://10.0.0.5:5000\", "
                + "\"originRequest\": {\"connectTimeout\": \"10s\", \"x-unknown\": [1, 2]}}");
        api.putConfigurationOutOfBand(tunnel, JSON.readTree("{\"ingress\": [" + theirs + ", {\"service\": "
                + "\"http_status:404\"}], \"warp-routing\": {\"enabled\": true}}"));
        String theirRecord = api.createDnsRecordOutOfBand(zoneId, JSON.readTree("{\"type\": \"A\", \"name\": \"nas."
                + zone + "\", \"content\": \"192.0.2.10\", \"proxied\": false, \"ttl\": 300}"));
        String theirCname = api.createDnsRecordOutOfBand(zoneId, JSON.readTree("{\"type\": \"CNAME\", \"name\": "
                + "\"blog." + zone + "\", \"content\": \"someone-else.cfargotunnel.com\", \"proxied\": true}"));

        report(host, true, running("shop", Map.of("dockflare.enable", "true", "dockflare.hostname", "shop." + zone,
                "dockflare.service", "http://shop:80")), running("blog", Map.of("homeport.expose.enable", "true",
                "homeport.expose.hostname", "blog." + zone, "homeport.expose.service", "http://blog:2368")));

        await().atMost(WAIT).untilAsserted(() -> assertThat(rules(tunnel)).contains("shop." + zone
                + " -> http://shop:80"));
        assertThat(ingress(tunnel).get(0)).as("their rule, verbatim and first").isEqualTo(theirs);
        assertThat(api.configuration(tunnel).path("warp-routing").path("enabled").asBoolean()).isTrue();
        await().atMost(WAIT).untilAsserted(() -> assertThat(cnames(zoneId)).containsEntry("shop." + zone,
                tunnel + ".cfargotunnel.com"));
        assertThat(record(zoneId, theirRecord).path("content").asText()).isEqualTo("192.0.2.10");
        assertThat(record(zoneId, theirCname).path("content").asText()).as("someone else's CNAME is left alone")
                .isEqualTo("someone-else.cfargotunnel.com");
        assertThat(api.writes()).noneMatch(call -> call.path().contains(theirRecord)
                || call.path().contains(theirCname));

        // someone edits Homeport's rule in the dashboard: the drift check puts it back, and keeps theirs
        JsonNode edited = api.configuration(tunnel).deepCopy();
        StreamSupport.stream(edited.path("ingress").spliterator(), false)
                .filter(rule -> rule.path("hostname").asText().equals("shop." + zone))
                .forEach(rule -> ((com.fasterxml.jackson.databind.node.ObjectNode) rule).put("service",
                        "http://evil:80"));
        api.putConfigurationOutOfBand(tunnel, edited);
        queue.allDue();
        await().atMost(WAIT).untilAsserted(() -> assertThat(rules(tunnel)).contains("shop." + zone
                + " -> http://shop:80").doesNotContain("shop." + zone + " -> http://evil:80"));
        assertThat(ingress(tunnel).get(0)).isEqualTo(theirs);

        // steady state: a drift check reads and writes nothing
        await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
        api.clearCalls();
        queue.allDue();
        await().atMost(WAIT).until(() -> api.calls().stream().anyMatch(call -> call.path().contains(tunnel)
                && call.path().endsWith("/configurations")));
        await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
        assertThat(api.writes()).as("writes at steady state").isEmpty();
    }

    @Test
    void aStoppedContainersRouteLeavesAfterTheGracePeriodUnlessItRestartsWithinIt() {
        String zone = unique("example.org");
        String zoneId = api.seedZone(zone);
        UUID host = UUID.randomUUID();
        String tunnel = connect(host, "gamma-" + host.toString().substring(0, 6));
        Map<String, String> labels = Map.of("dockflare.enable", "true", "dockflare.hostname", "wiki." + zone,
                "dockflare.service", "http://wiki:3000");
        report(host, true, running("wiki", labels));
        await().atMost(WAIT).untilAsserted(() -> assertThat(cnames(zoneId)).containsKey("wiki." + zone));

        // stopped, then started again within the grace period (3 s in tests): nothing is removed
        report(host, false, container("wiki", "exited", labels));
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
        report(host, false, running("wiki", labels));
        await().pollDelay(Duration.ofSeconds(4)).atMost(WAIT).until(() -> true);
        assertThat(rules(tunnel)).contains("wiki." + zone + " -> http://wiki:3000");
        assertThat(cnames(zoneId)).containsKey("wiki." + zone);

        // stopped for good: gone after the grace period, rule and record
        try (EventReader tunnels = new EventReader(broker.bootstrapServers(), Topics.TUNNELS)) {
            report(host, false, container("wiki", "exited", labels));
            next(tunnels, EventTypes.ROUTE_REMOVAL_SCHEDULED, e -> e.hostname().equals("wiki." + zone));
            assertThat(rules(tunnel)).as("still served during the grace period").contains("wiki." + zone
                    + " -> http://wiki:3000");
            await().atMost(WAIT).untilAsserted(() -> assertThat(rules(tunnel)).containsExactly(
                    "* -> http_status:404"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(cnames(zoneId)).doesNotContainKey("wiki." + zone));
            next(tunnels, EventTypes.ROUTE_REMOVED, e -> e.hostname().equals("wiki." + zone));
        }
    }

    @Test
    void anAppThatMovesTakesItsHostnameToTheNewHostsTunnelAndItsCnameIsRepointed() {
        String zone = unique("example.io");
        String zoneId = api.seedZone(zone);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String tunnelA = connect(a, "delta-a-" + a.toString().substring(0, 6));
        String tunnelB = connect(b, "delta-b-" + b.toString().substring(0, 6));
        Map<String, String> labels = Map.of("dockflare.enable", "true", "dockflare.hostname", "notes." + zone,
                "dockflare.service", "http://notes:80");
        report(a, true, running("hp-notes-0", labels));
        await().atMost(WAIT).untilAsserted(() -> assertThat(cnames(zoneId)).containsEntry("notes." + zone,
                tunnelA + ".cfargotunnel.com"));
        String recordId = api.dnsRecords(zoneId).stream().filter(r -> r.path("name").asText().equals("notes." + zone))
                .findFirst().orElseThrow().path("id").asText();

        try (EventReader tunnels = new EventReader(broker.bootstrapServers(), Topics.TUNNELS)) {
            report(a, true); // host A no longer runs it
            report(b, true, running("hp-notes-0", labels));
            await().atMost(WAIT).untilAsserted(() -> assertThat(rules(tunnelB)).contains("notes." + zone
                    + " -> http://notes:80"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(rules(tunnelA)).containsExactly(
                    "* -> http_status:404"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(cnames(zoneId)).containsEntry("notes." + zone,
                    tunnelB + ".cfargotunnel.com"));
            assertThat(api.dnsRecords(zoneId)).extracting(r -> r.path("id").asText())
                    .as("the same record, repointed").contains(recordId);
            RouteExposed moved = next(tunnels, EventTypes.ROUTE_EXPOSED, e -> e.hostname().equals("notes." + zone)
                    && e.hostId().equals(b));
            assertThat(moved.previousHostId()).isEqualTo(a);
        }
    }

    @Test
    void aBurstOfTwentyStartsIsOneConfigurationWritePerTunnel() {
        String zone = unique("example.dev");
        String zoneId = api.seedZone(zone);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String tunnelA = connect(a, "burst-a-" + a.toString().substring(0, 6));
        String tunnelB = connect(b, "burst-b-" + b.toString().substring(0, 6));
        long versionA = api.configurationVersion(tunnelA);
        long versionB = api.configurationVersion(tunnelB);
        api.clearCalls();
        List<CloudEvent> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID host = i % 2 == 0 ? a : b;
            burst.add(reportEvent(host, false, running("app" + i, Map.of("dockflare.enable", "true",
                    "dockflare.hostname", "app" + i + "." + zone, "dockflare.service", "http://app" + i + ":80"))));
        }
        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            burst.forEach(event -> writer.publish(Topics.AGENT_REPORTS, event));
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(cnames(zoneId)).hasSize(20));
        await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
        assertThat(rules(tunnelA)).hasSize(11);
        assertThat(rules(tunnelB)).hasSize(11);
        assertThat(configurationPuts(tunnelA)).as("PUTs of tunnel A's configuration").isEqualTo(1);
        assertThat(configurationPuts(tunnelB)).as("PUTs of tunnel B's configuration").isEqualTo(1);
        assertThat(api.configurationVersion(tunnelA)).isEqualTo(versionA + 1);
        assertThat(api.configurationVersion(tunnelB)).isEqualTo(versionB + 1);
    }

    @Test
    void aStormOf429sIsWaitedOutAndNoRouteIsLost() {
        String zone = unique("example.app");
        String zoneId = api.seedZone(zone);
        UUID host = UUID.randomUUID();
        String tunnel = connect(host, "storm-" + host.toString().substring(0, 6));
        api.failNext(8, 429, 1);
        report(host, true, running("one", Map.of("dockflare.enable", "true", "dockflare.hostname", "one." + zone,
                "dockflare.service", "http://one:80")), running("two", Map.of("dockflare.enable", "true",
                "dockflare.hostname", "two." + zone, "dockflare.service", "http://two:80")));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(rules(tunnel)).containsExactly("one." + zone + " -> http://one:80",
                    "two." + zone + " -> http://two:80", "* -> http_status:404");
            assertThat(cnames(zoneId)).containsOnlyKeys("one." + zone, "two." + zone);
        });
        assertThat(api.dnsRecords(zoneId)).as("each record made once, however often a call was retried")
                .hasSize(2);
        assertThat(api.calls()).as("the storm was met").anyMatch(call -> call.method().equals("GET"));
    }

    @Test
    void invalidLabelsAreReportedAndApplyNothingWhileOtherContainersAreServed() {
        String zone = unique("example.biz");
        String zoneId = api.seedZone(zone);
        UUID host = UUID.randomUUID();
        String tunnel = connect(host, "invalid-" + host.toString().substring(0, 6));
        try (EventReader tunnels = new EventReader(broker.bootstrapServers(), Topics.TUNNELS)) {
            report(host, true, running("broken", Map.of("dockflare.enable", "true", "dockflare.hostname",
                    "ok." + zone, "dockflare.service", "http://broken:80", "dockflare.1.hostname", "bad_host!." + zone,
                    "dockflare.1.service", "ftp://broken:21")), running("fine", Map.of("dockflare.enable", "true",
                    "dockflare.hostname", "fine." + zone, "dockflare.service", "http://fine:80")));

            ExposureRejected rejected = next(tunnels, EventTypes.EXPOSURE_REJECTED, e -> e.container().equals("broken")
                    && e.hostId().equals(host));
            assertThat(rejected.problems()).extracting(ExposureRejected.Problem::label)
                    .contains("dockflare.1.hostname", "dockflare.1.service");
            await().atMost(WAIT).untilAsserted(() -> assertThat(rules(tunnel)).containsExactly(
                    "fine." + zone + " -> http://fine:80", "* -> http_status:404"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(cnames(zoneId)).containsOnlyKeys("fine." + zone));
        }
    }

    @Test
    void routesAskingForAccessGetAnAccessApplicationWithTheirPolicyWhichLeavesWithTheRoute() {
        String zone = unique("example.tech");
        api.seedZone(zone);
        UUID host = UUID.randomUUID();
        String tunnel = connect(host, "access-" + host.toString().substring(0, 6));
        Map<String, String> admin = Map.of("dockflare.enable", "true", "dockflare.hostname", "admin." + zone,
                "dockflare.service", "http://admin:80", "dockflare.access.policy", "authenticate",
                "dockflare.access.session_duration", "12h", "dockflare.access.name", "Admin panel");
        report(host, true, running("admin", admin), running("status", Map.of("dockflare.enable", "true",
                "dockflare.hostname", "status." + zone, "dockflare.service", "http://status:80",
                "dockflare.access.policy", "bypass")), running("open", Map.of("dockflare.enable", "true",
                "dockflare.hostname", "open." + zone, "dockflare.service", "http://open:80")));

        await().atMost(WAIT).untilAsserted(() -> assertThat(accessApp("admin." + zone)).isPresent());
        JsonNode adminApp = accessApp("admin." + zone).orElseThrow();
        assertThat(adminApp.path("name").asText()).isEqualTo("Admin panel");
        assertThat(adminApp.path("type").asText()).isEqualTo("self_hosted");
        assertThat(adminApp.path("session_duration").asText()).isEqualTo("12h");
        JsonNode policy = policyOf(adminApp);
        assertThat(policy.path("name").asText()).isEqualTo("homeport-authenticate");
        assertThat(policy.path("decision").asText()).isEqualTo("allow");
        await().atMost(WAIT).untilAsserted(() -> assertThat(accessApp("status." + zone)).isPresent());
        assertThat(policyOf(accessApp("status." + zone).orElseThrow()).path("decision").asText())
                .isEqualTo("bypass");
        assertThat(accessApp("open." + zone)).as("a public route has no Access application").isEmpty();
        assertThat(rules(tunnel)).hasSize(4);

        // steady state: nothing is written again
        await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
        api.clearCalls();
        queue.allDue();
        await().atMost(WAIT).until(() -> api.calls().stream().anyMatch(call -> call.path().contains("/access/apps")));
        await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
        assertThat(api.writes()).as("writes at steady state").isEmpty();

        // the admin container stops for good: after its grace period, its Access application goes with its route
        report(host, false, container("admin", "exited", admin));
        await().atMost(WAIT).untilAsserted(() -> assertThat(accessApp("admin." + zone)).isEmpty());
        assertThat(accessApp("status." + zone)).isPresent();
    }

    @Test
    void theApiTokenIsNeverLogged() throws Exception {
        Path log = Path.of("target/tunnel-manager-test.log");
        assertThat(log).exists();
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).doesNotContain(CloudflareApiTestResource.API_TOKEN);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The host's agent says hello; answers the id of the tunnel the tunnel-manager then made for it. */
    private String connect(UUID host, String name) {
        HostFacts facts = new HostFacts(name, "debian", "12", "Debian 12", "6.1", 2, 1L << 31, List.of(), "20.10",
                Optional.empty());
        publish(EventTypes.AGENT_CONNECTED, host, new AgentConnected(host, "hub-1", facts, null, Instant.now()));
        String tunnelName = "homeport-" + name;
        return await().atMost(WAIT).until(() -> api.tunnels().stream()
                .filter(t -> t.path("name").asText().equals(tunnelName)).map(t -> t.path("id").asText())
                .findFirst().orElse(null), id -> id != null && api.configuration(id) != null);
    }

    private void report(UUID host, boolean full, ContainerState... containers) {
        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(Topics.AGENT_REPORTS, reportEvent(host, full, containers));
        }
    }

    private static CloudEvent reportEvent(UUID host, boolean full, ContainerState... containers) {
        return EventCodec.create(EventTypes.AGENT_REPORTED, URI.create("/homeport/api-gateway"), host.toString(),
                new AgentReported(host, full, List.of(containers), Instant.now()), Clock.systemUTC());
    }

    private <T> void publish(EventType<T> type, UUID key, T payload) {
        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(Topics.AGENT_REPORTS, EventCodec.create(type, URI.create("/homeport/api-gateway"),
                    key.toString(), payload, Clock.systemUTC()));
        }
    }

    private static ContainerState running(String name, Map<String, String> labels) {
        return container(name, "running", labels);
    }

    private static ContainerState container(String name, String state, Map<String, String> labels) {
        return new ContainerState("id-" + name, name, "local/" + name + ":1", state, null, false, null, null, null,
                Instant.now(), labels);
    }

    private JsonNode ingress(String tunnel) {
        JsonNode config = api.configuration(tunnel);
        return config == null ? JSON.createArrayNode() : config.path("ingress");
    }

    /** The tunnel's ingress as {@code hostname[path] -> service}, in order; {@code *} for the catch-all. */
    private List<String> rules(String tunnel) {
        List<String> rules = new ArrayList<>();
        for (JsonNode rule : ingress(tunnel)) {
            String hostname = rule.path("hostname").asText("");
            rules.add((hostname.isEmpty() ? "*" : hostname) + rule.path("path").asText("") + " -> "
                    + rule.path("service").asText());
        }
        return rules;
    }

    /** The zone's CNAMEs Homeport owns: name → target. */
    private Map<String, String> cnames(String zoneId) {
        Map<String, String> cnames = new LinkedHashMap<>();
        api.dnsRecords(zoneId).stream().filter(r -> r.path("type").asText().equals("CNAME")
                && r.path("comment").asText().startsWith("homeport:managed"))
                .forEach(r -> cnames.put(r.path("name").asText(), r.path("content").asText()));
        return cnames;
    }

    private JsonNode record(String zoneId, String id) {
        return api.dnsRecords(zoneId).stream().filter(r -> r.path("id").asText().equals(id)).findFirst()
                .orElseThrow();
    }

    private Optional<JsonNode> accessApp(String domain) {
        return api.accessApps().stream().filter(app -> app.path("domain").asText().equals(domain)).findFirst();
    }

    /** The one reusable policy an Access application uses. */
    private JsonNode policyOf(JsonNode app) {
        assertThat(app.path("policies").size()).isEqualTo(1);
        String id = app.path("policies").get(0).path("id").asText();
        return api.accessPolicies().stream().filter(policy -> policy.path("id").asText().equals(id)).findFirst()
                .orElseThrow();
    }

    private long configurationPuts(String tunnel) {
        return api.writes().stream().filter(call -> call.method().equals("PUT")
                && call.path().endsWith("/cfd_tunnel/" + tunnel + "/configurations")).count();
    }

    private static <T> T next(EventReader reader, EventType<T> type, Predicate<T> wanted) {
        return reader.readUntil(e -> e.getType().equals(type.type()) && wanted.test(EventCodec.payload(e, type)),
                WAIT).stream().map(r -> r.value()).filter(e -> e.getType().equals(type.type()))
                .map(e -> EventCodec.payload(e, type)).filter(wanted).reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no " + type.type() + " as wanted within " + WAIT));
    }

    private static String unique(String domain) {
        return UUID.randomUUID().toString().substring(0, 8) + "-" + domain;
    }
}
