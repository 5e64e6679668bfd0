package io.homeport.gateway.stack;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who may deploy a stack through the gateway. No deployer runs here, so a request the gateway lets through reaches
 * the deployer client and gets its 503 problem; the deployer's own tests cover the deploy.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class StackResourceSecurityTest {

    private static final byte[] COMPOSE = "services:\n  web: {image: nginx:1.27}\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void deployingAStackTakesAnAdminOrAnOperator() {
        given().contentType("application/yaml").body(COMPOSE).post("/api/v1/stacks?name=shop")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(token("victor", "viewer")).contentType("application/yaml").body(COMPOSE)
                .post("/api/v1/stacks?name=shop")
                .then().statusCode(403).contentType("application/problem+json");
        for (String role : new String[] {"operator", "admin"}) {
            given().auth().oauth2(token("olga", role)).contentType("application/yaml").body(COMPOSE)
                    .post("/api/v1/stacks?name=shop")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", equalTo("5"));
        }
    }

    @Test
    void anEmptyComposeFileIsRefusedAtTheGateway() {
        given().auth().oauth2(token("olga", "operator")).contentType("application/yaml").body(new byte[0])
                .post("/api/v1/stacks?name=shop")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static String token(String user, String role) {
        return OidcWiremockTestResource.getAccessToken(user, Set.of(role));
    }
}
