package io.homeport.gateway.secret;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who may read and store secrets through the gateway. No deployer runs here, so a request the gateway lets through
 * reaches the deployer client and gets its 503 problem; the deployer's tests and the e2e suite cover the rest.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class SecretResourceSecurityTest {

    private static final String VALUE = "{\"value\":\"hunter2-at-the-gateway\"}";

    @Test
    void anyRoleMayListButOnlyAdminsAndOperatorsMayStoreOrRemove() {
        given().get("/api/v1/secrets").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(token("victor", "viewer")).get("/api/v1/secrets").then().statusCode(503);
        given().auth().oauth2(token("victor", "viewer")).contentType(ContentType.JSON).body(VALUE)
                .put("/api/v1/secrets/db").then().statusCode(403);
        given().auth().oauth2(token("victor", "viewer")).delete("/api/v1/secrets/db").then().statusCode(403);
        for (String role : new String[] {"operator", "admin"}) {
            String answer = given().auth().oauth2(token("olga", role)).contentType(ContentType.JSON).body(VALUE)
                    .put("/api/v1/secrets/db").then().statusCode(503).contentType("application/problem+json")
                    .extract().asString();
            assertThat(answer).doesNotContain("hunter2");
        }
    }

    @Test
    void aBadNameOrAnEmptyValueIsRefusedAtTheGatewayWithoutEchoingTheValue() {
        String answer = given().auth().oauth2(token("olga", "operator")).contentType(ContentType.JSON).body(VALUE)
                .put("/api/v1/secrets/Not_A_Name").then().statusCode(400).extract().asString();
        assertThat(answer).doesNotContain("hunter2");
        given().auth().oauth2(token("olga", "operator")).contentType(ContentType.JSON).body("{\"value\":\"\"}")
                .put("/api/v1/secrets/db").then().statusCode(400);
    }

    private static String token(String user, String role) {
        return OidcWiremockTestResource.getAccessToken(user, Set.of(role));
    }
}
