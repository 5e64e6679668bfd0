package io.homeport.platform.servicetoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.homeport.platform.sample.SampleSelfClient;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.homeport.testkit.ServiceCalls;
import io.homeport.testkit.ServiceTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

/** A service's /api/* wants a valid service token; a REST client with the filter sends one, for the right caller. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ServiceTokenTest {

    @Inject
    @RestClient
    SampleSelfClient client;

    @Test
    void onlyAValidServiceTokenOpensTheApi() {
        ServiceCalls.assertOnlyValidServiceTokensPass("/api/v1/sample/whoami", 200);
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        RestAssured.given().get("/q/health/live").then().statusCode(200);
        RestAssured.given().get("/q/metrics").then().statusCode(200);
        RestAssured.given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void aCallMadeWhileServingARequestSpeaksForThatRequestsCaller() {
        String alice = ServiceTokens.ofApplicationUnderTest().valid("alice", List.of("operator", "viewer"));
        RestAssured.given().auth().oauth2(alice).get("/api/v1/sample/relay").then().statusCode(200)
                .body("subject", equalTo("alice")).body("groups", contains("operator", "viewer"))
                .body("caller", equalTo("platform-test"));
    }

    @Test
    void soDoesACallMadeOnAnIoThread() {
        String olivia = ServiceTokens.ofApplicationUnderTest().valid("olivia", List.of("admin"));
        RestAssured.given().auth().oauth2(olivia).get("/api/v1/sample/relay-later").then().statusCode(200)
                .body("subject", equalTo("olivia")).body("groups", contains("admin"));
    }

    @Test
    void aCallMadeOutsideAnyRequestSpeaksForTheServiceItself() {
        Map<String, Object> answer = client.whoami();
        assertThat(answer).containsEntry("subject", "platform-test").containsEntry("groups", List.of())
                .containsEntry("caller", "platform-test");
    }
}
