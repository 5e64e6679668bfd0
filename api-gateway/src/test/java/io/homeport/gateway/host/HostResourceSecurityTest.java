package io.homeport.gateway.host;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the gateway decides by itself: who may call, and whether the body is acceptable. No provisioner runs here,
 * so a request that passes both reaches the client layer and gets a 503 problem; the end-to-end suite covers the
 * rest of the way. Every endpoint × role is in {@link io.homeport.gateway.security.RoleMatrixTest}.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class HostResourceSecurityTest {

    private static final String VALID_HOST = "{\"address\":\"192.0.2.10\"}";

    @Test
    void withoutATokenTheAnswerIs401ProblemJson() {
        given().contentType(ContentType.JSON).body(VALID_HOST).post("/api/v1/hosts")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("title", equalTo("Authentication required"));
        given().get("/api/v1/hosts/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() {
        String forged = Jwt.preferredUserName("mallory").groups(Set.of("admin"))
                .issuer("https://server.example.com").audience("https://service.example.com")
                .jws().keyId("1").sign(rsaKeyNotTrustedByTheGateway());
        given().auth().oauth2(forged).contentType(ContentType.JSON).body(VALID_HOST).post("/api/v1/hosts")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anExpiredTokenIs401() {
        String expired = Jwt.preferredUserName("alice").groups(Set.of("admin"))
                .issuer("https://server.example.com").audience("https://service.example.com")
                .issuedAt(1_000_000L).expiresAt(1_000_060L).sign();
        given().auth().oauth2(expired).get("/api/v1/hosts").then().statusCode(401);
    }

    @Test
    void aViewerMayNotRegisterHosts() {
        given().auth().oauth2(token("victor", "viewer")).contentType(ContentType.JSON).body(VALID_HOST)
                .post("/api/v1/hosts")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void badInputIsRefusedAtTheGatewayNamingTheField() {
        given().auth().oauth2(token("olga", "operator")).contentType(ContentType.JSON)
                .body("{\"address\":\"192.0.2.10\",\"port\":0}").post("/api/v1/hosts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("port"));
        given().auth().oauth2(token("olga", "operator")).contentType(ContentType.JSON)
                .body("{\"address\":").post("/api/v1/hosts")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token("olga", "operator")).contentType(ContentType.JSON)
                .body("{\"port\":22}").post("/api/v1/hosts")
                .then().statusCode(400).body("errors.field", hasItem("address"));
    }

    @Test
    void aProvisionerThatCannotBeReachedIsA503ProblemNotAStackTrace() {
        given().auth().oauth2(token("ada", "admin")).contentType(ContentType.JSON).body(VALID_HOST)
                .post("/api/v1/hosts")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("5"));
    }

    @Test
    void theProgressStreamNeedsAToken() {
        given().get("/api/v1/hosts/" + UUID.randomUUID() + "/provisioning-runs/" + UUID.randomUUID() + "/steps")
                .then().statusCode(401);
    }

    private static String token(String user, String role) {
        return OidcWiremockTestResource.getAccessToken(user, Set.of(role));
    }

    private static java.security.PrivateKey rsaKeyNotTrustedByTheGateway() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
