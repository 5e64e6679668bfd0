package io.homeport.gateway.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.homeport.gateway.storage.StorageManagerStandIn;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Per-caller token buckets: one caller past its rate gets 429 + Retry-After, others are not affected. */
@QuarkusTest
@TestProfile(RateLimitTest.Slow.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(StorageManagerStandIn.class)
class RateLimitTest {

    static final int BURST = 5;

    /** 1 request a second, bursts of 5: slow enough to exhaust in a test, fast enough to refill in one. */
    public static class Slow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("homeport.gateway.rate-limit.rate", "1",
                    "homeport.gateway.rate-limit.burst", Integer.toString(BURST));
        }
    }

    private static String apiToken(String role) {
        String admin = OidcWiremockTestResource.getAccessToken("rate-admin-" + UUID.randomUUID(), Set.of("admin"));
        return given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"rate-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"role\":\"" + role
                        + "\"}")
                .post("/api/v1/api-tokens").then().statusCode(201).extract().path("token");
    }

    @Test
    void aTokenPastItsRateIsToldWhenToComeBackAndOthersAreServed() throws InterruptedException {
        String busy = apiToken("viewer");
        String other = apiToken("viewer");
        // the bucket refills as time goes (1 a second), so a slow machine may get one or two more through
        int served = 0;
        Response refused = null;
        while (refused == null && served <= BURST + 3) {
            Response answer = given().auth().oauth2(busy).get("/api/v1/volumes");
            if (answer.statusCode() == 429) {
                refused = answer;
            } else {
                answer.then().statusCode(200);
                served++;
            }
        }
        assertThat(served).as("requests served before the first 429").isBetween(BURST, BURST + 3);
        assertThat(refused).isNotNull();
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429)).body("detail", containsString("1 requests per second"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isEqualTo(1L);

        given().auth().oauth2(other).get("/api/v1/volumes").then().statusCode(200);
        // an OIDC user is counted by subject, apart from every token
        String user = OidcWiremockTestResource.getAccessToken("rita-" + UUID.randomUUID(), Set.of("viewer"));
        given().auth().oauth2(user).get("/api/v1/volumes").then().statusCode(200);

        Thread.sleep(retryAfter * 1000);
        given().auth().oauth2(busy).get("/api/v1/volumes").then().statusCode(200);
    }

    @Test
    void anonymousCallersAreCountedByAddressButHealthIsNeverLimited() {
        int status = 0;
        for (int i = 0; i <= BURST * 2 && status != 429; i++) {
            status = given().get("/api/v1/volumes").statusCode();
        }
        assertThat(status).as("anonymous requests from one address run out").isEqualTo(429);
        for (int i = 0; i < BURST * 2; i++) {
            given().get("/q/health/live").then().statusCode(200);
        }
    }

    @Test
    void aMutationRefusedForItsRateIsAudited() {
        String busy = apiToken("operator");
        String name = given().auth().oauth2(OidcWiremockTestResource.getAccessToken("rate-auditor-"
                + UUID.randomUUID(), Set.of("admin"))).get("/api/v1/api-tokens").then().statusCode(200)
                .extract().path("find { it.lastUsedAt == null && it.role == 'operator' }.name");
        int status = 0;
        for (int i = 0; i <= BURST * 2 && status != 429; i++) {
            status = given().auth().oauth2(busy).contentType(ContentType.JSON).body("{\"value\":\"x\"}")
                    .put("/api/v1/secrets/rate").statusCode();
        }
        assertThat(status).isEqualTo(429);
        String auditor = OidcWiremockTestResource.getAccessToken("rate-auditor-" + UUID.randomUUID(),
                Set.of("admin"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> given()
                .auth().oauth2(auditor).queryParam("actor", "token:" + name).get("/api/v1/audit").then()
                .statusCode(200).body("status", hasItem(429))
                .body("action", hasItem("PUT /api/v1/secrets/rate")));
    }
}
