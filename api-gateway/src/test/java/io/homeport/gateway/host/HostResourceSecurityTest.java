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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the gateway decides by itself: who may call, and whether the body is acceptable. No provisioner runs here,
 * so a request that passes both reaches the client layer and gets a 503 problem; the end-to-end suite covers the
 * rest of the way.
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

    /** Every host and provisioning endpoint × role: 403 for a role not allowed, else the way on (a 503 here). */
    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @CsvSource({
            "DELETE, /api/v1/hosts/{id},                              viewer,   403",
            "DELETE, /api/v1/hosts/{id},                              operator, 403",
            "DELETE, /api/v1/hosts/{id},                              admin,    503",
            "POST,   /api/v1/hosts/{id}/preflight,                    viewer,   403",
            "POST,   /api/v1/hosts/{id}/preflight,                    operator, 503",
            "POST,   /api/v1/hosts/{id}/preflight,                    admin,    503",
            "POST,   /api/v1/hosts/{id}/provisioning-runs,            viewer,   403",
            "POST,   /api/v1/hosts/{id}/provisioning-runs,            operator, 503",
            "POST,   /api/v1/hosts/{id}/provisioning-runs,            admin,    503",
            "GET,    /api/v1/hosts/{id}/provisioning-runs,            viewer,   503",
            "GET,    /api/v1/hosts/{id}/provisioning-runs/{id},       viewer,   503",
            "DELETE, /api/v1/hosts/{id}/provisioning-runs/{id},       viewer,   403",
            "DELETE, /api/v1/hosts/{id}/provisioning-runs/{id},       operator, 503",
    })
    void hostEndpointsAnswerByRole(String method, String path, String role, int status) {
        String url = path.replace("{id}", UUID.randomUUID().toString());
        given().auth().oauth2(token("user-" + role, role)).request(method, url)
                .then().statusCode(status).contentType("application/problem+json");
        given().request(method, url).then().statusCode(401);
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
