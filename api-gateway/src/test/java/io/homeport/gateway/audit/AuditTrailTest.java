package io.homeport.gateway.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.homeport.gateway.security.RoleMatrixTest;
import io.homeport.gateway.storage.StorageManagerStandIn;
import io.homeport.gateway.tunnel.TunnelManagerStandIn;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every mutating endpoint of the gateway leaves an audit entry with the right actor, action, target and outcome.
 * The endpoints come from the role matrix ({@link RoleMatrixTest}'s rows), and the gateway's OpenAPI document
 * proves the matrix lists every mutating endpoint there is: a new one without a row fails here.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(StorageManagerStandIn.class)
@QuarkusTestResource(TunnelManagerStandIn.class)
class AuditTrailTest {

    private static final Set<String> MUTATIONS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private record Call(String method, String template, String role, int status) {
    }

    private record Made(Call call, String user, String target, int anonymousStatus) {
    }

    @Test
    void everyMutationIsAuditedWithItsActorActionTargetAndOutcome() throws Exception {
        Set<String> mutatingRoutes = mutatingRoutes();
        List<Call> calls = new ArrayList<>();
        for (String[] row : RoleMatrixTest.rows()) {
            if (MUTATIONS.contains(row[0])) {
                calls.add(new Call(row[0], row[1], row[2], Integer.parseInt(row[3])));
            }
        }
        Set<String> covered = new TreeSet<>();
        calls.forEach(call -> covered.add(call.method() + " " + routeOf(call.method(), call.template(), mutatingRoutes)));
        assertThat(covered).as("the role matrix has a row for every mutating endpoint (else add one)")
                .containsAll(mutatingRoutes);

        Instant from = Instant.now().minusSeconds(1);
        List<Made> made = new ArrayList<>();
        for (Call call : calls) {
            String url = RoleMatrixTest.concrete(call.template());
            String user = "auditee-" + call.role() + "-" + UUID.randomUUID().toString().substring(0, 8);
            RoleMatrixTest.request(url).auth().oauth2(OidcWiremockTestResource.getAccessToken(user,
                    Set.of(call.role()))).request(call.method(), url).then().statusCode(call.status());
            int anonymous = RoleMatrixTest.request(url).request(call.method(), url).statusCode();
            made.add(new Made(call, user, url.replaceFirst("\\?.*", ""), anonymous));
        }

        String admin = OidcWiremockTestResource.getAccessToken("auditor", Set.of("admin"));
        for (Made m : made) {
            String action = m.call().method() + " " + routeOf(m.call().method(), m.call().template(), mutatingRoutes);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(admin)
                    .queryParam("actor", m.user()).queryParam("target", m.target())
                    .get("/api/v1/audit").then().statusCode(200)
                    .body("$", hasSize(1))
                    .body("[0].action", equalTo(action))
                    .body("[0].target", equalTo(m.target()))
                    .body("[0].status", equalTo(m.call().status()))
                    .body("[0].actorKind", equalTo("user")));
            // the same call without a token: denied, and audited as anonymous (an agent's enroll: its key)
            String anonymous = m.call().template().equals("/api/v1/agents/enroll") ? "enrollment key" : "anonymous";
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(admin)
                    .queryParam("actor", anonymous).queryParam("target", m.target())
                    .queryParam("from", from.toString())
                    .get("/api/v1/audit").then().statusCode(200)
                    .body("findAll { it.action == '" + action + "' && it.status == " + m.anonymousStatus()
                            + " }", not(empty())));
        }
    }

    @Test
    void anApiTokensActsAreAuditedUnderItsNameAndTheLogIsFilteredAndPaged() {
        String admin = OidcWiremockTestResource.getAccessToken("ada", Set.of("admin"));
        String name = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        String token = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"role\":\"operator\"}").post("/api/v1/api-tokens").then()
                .statusCode(201).extract().path("token");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"value\":\"never-in-the-log\"}")
                    .put("/api/v1/secrets/s" + i).then().statusCode(503);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(admin)
                .queryParam("actor", "token:" + name).get("/api/v1/audit").then().statusCode(200)
                .body("$", hasSize(3))
                .body("actorKind", everyItem(equalTo("api-token")))
                .body("action", everyItem(equalTo("PUT /api/v1/secrets/{name}")))
                // newest first
                .body("target", equalTo(List.of("/api/v1/secrets/s2", "/api/v1/secrets/s1", "/api/v1/secrets/s0"))));

        Response first = given().auth().oauth2(admin).queryParam("actor", "token:" + name).queryParam("limit", 2)
                .get("/api/v1/audit");
        first.then().statusCode(200).body("$", hasSize(2)).header("Link", containsString("rel=\"next\""));
        String next = first.header("Link").replaceFirst("^<([^>]+)>.*$", "$1");
        // the link is already encoded
        given().urlEncodingEnabled(false).auth().oauth2(admin).get(next).then().statusCode(200).body("$", hasSize(1))
                .body("[0].target", equalTo("/api/v1/secrets/s0"));

        given().auth().oauth2(admin).queryParam("actor", "token:" + name)
                .queryParam("from", Instant.now().plusSeconds(60).toString()).get("/api/v1/audit").then()
                .statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(admin).queryParam("target", "/api/v1/secrets/s1").queryParam("actor", "token:" + name)
                .get("/api/v1/audit").then().statusCode(200).body("$", hasSize(1));
        String all = given().auth().oauth2(admin).queryParam("limit", 1000).get("/api/v1/audit").asString();
        assertThat(all).doesNotContain("never-in-the-log").doesNotContain(token);
    }

    @Test
    void badQueriesAre400() {
        String admin = OidcWiremockTestResource.getAccessToken("ada", Set.of("admin"));
        given().auth().oauth2(admin).queryParam("from", "yesterday").get("/api/v1/audit").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().auth().oauth2(admin).queryParam("limit", 0).get("/api/v1/audit").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(admin).queryParam("limit", 1001).get("/api/v1/audit").then().statusCode(400);
        given().auth().oauth2(admin).queryParam("from", "2026-11-27T00:00:00Z").queryParam("to",
                "2026-11-26T00:00:00Z").get("/api/v1/audit").then().statusCode(400)
                .body("detail", startsWith("from"));
    }

    /** {@code POST /api/v1/hosts/{id}/preflight} and the like: every mutating operation in the OpenAPI document. */
    private static Set<String> mutatingRoutes() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString()).get("paths");
        Set<String> routes = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (MUTATIONS.contains(method.toUpperCase())) {
                    routes.add(method.toUpperCase() + " " + path.getKey());
                }
            });
        }
        assertThat(routes).as("the OpenAPI document lists the gateway's mutations").contains("DELETE /api/v1/hosts/{id}");
        return routes;
    }

    /** The route template of the OpenAPI document that a matrix row's method and path stand for. */
    private static String routeOf(String method, String rowPath, Set<String> routes) {
        String path = rowPath.replaceFirst("\\?.*", "");
        List<String> templates = routes.stream().filter(route -> route.startsWith(method + " "))
                .map(route -> route.substring(method.length() + 1)).toList();
        if (templates.contains(path)) {
            return path;
        }
        return templates.stream().filter(t -> path.matches(t.replaceAll("\\{[^}]+}", "[^/]+"))).findFirst()
                .orElse(path);
    }
}
