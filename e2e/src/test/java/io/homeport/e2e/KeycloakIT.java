package io.homeport.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.homeport.launcher.ControlPlane;
import io.homeport.launcher.Service;
import io.homeport.testkit.KeycloakServer;
import io.homeport.testkit.ServiceTokens;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway with a real OIDC provider: Keycloak from its Maven Central distribution, with the realm Homeport ships
 * ({@code deploy/keycloak/homeport-realm.json}) imported at start, plus what only a test may have: users with
 * passwords, the password grant, a client whose tokens are not meant for Homeport and one whose tokens expire in
 * seconds. Users' tokens go to the gateway; the gateway calls the provisioner with a service token. No Docker.
 */
class KeycloakIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REALM = "homeport";
    private static final String PASSWORD = "e2e-only-password";
    /** Long enough for one call through the gateway on a busy machine, short enough to wait out. */
    private static final long SHORT_LIFESPAN_SECONDS = 20;

    private static KeycloakServer keycloak;
    private static ControlPlane controlPlane;

    @BeforeAll
    static void start() throws IOException {
        keycloak = KeycloakServer.start(List.of(testRealm()));
        System.out.printf("keycloak ready in %d ms (unpacked, started, realm imported)%n",
                keycloak.startup().toMillis());
        controlPlane = new ControlPlane(Files.createTempDirectory("homeport-e2e"), Path.of(".."),
                ControlPlane.Ports.free())
                .oidcProvider(Map.of("HOMEPORT_OIDC_URL", keycloak.issuer(REALM)))
                .onReady((name, took) -> System.out.printf("%s ready in %d ms%n", name, took.toMillis()));
        controlPlane.startInfrastructure();
        controlPlane.startServices(List.of(Service.PROVISIONER, Service.API_GATEWAY), Map.of());
    }

    @AfterAll
    static void stop() {
        if (controlPlane != null) {
            controlPlane.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void aPasswordGrantTokenReachesTheProvisionerThroughTheGatewayWithItsRoles() {
        String operator = keycloak.passwordGrant(REALM, "homeport", "olivia", PASSWORD);
        assertThat(KeycloakServer.claims(operator).path("aud").toString()).contains("\"homeport\"");
        assertThat(KeycloakServer.claims(operator).path("groups").toString()).contains("\"operator\"");
        String hosts = gateway() + "/api/v1/hosts";
        given().auth().oauth2(operator).get(hosts).then().statusCode(200);
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body("{\"name\":\"kc-1\",\"address\":\"192.0.2.41\"}").post(hosts).then().statusCode(201);

        String viewer = keycloak.passwordGrant(REALM, "homeport", "vera", PASSWORD);
        given().auth().oauth2(viewer).get(hosts).then().statusCode(200);
        given().auth().oauth2(viewer).contentType(ContentType.JSON)
                .body("{\"name\":\"kc-2\",\"address\":\"192.0.2.42\"}").post(hosts).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String other = keycloak.passwordGrant(REALM, "other-app", "olivia", PASSWORD);
        assertThat(KeycloakServer.claims(other).path("aud").toString()).doesNotContain("\"homeport\"");
        assertThat(KeycloakServer.claims(other).path("groups").toString()).contains("\"operator\"");
        given().auth().oauth2(other).get(gateway() + "/api/v1/hosts").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String shortLived = keycloak.passwordGrant(REALM, "homeport-short-lived", "olivia", PASSWORD);
        Instant expiry = Instant.ofEpochSecond(KeycloakServer.claims(shortLived).path("exp").asLong());
        String hosts = gateway() + "/api/v1/hosts";
        given().auth().oauth2(shortLived).get(hosts).then().statusCode(200);
        await().atMost(Duration.ofSeconds(SHORT_LIFESPAN_SECONDS + 30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().auth().oauth2(shortLived).get(hosts).statusCode() == 401);
        assertThat(Instant.now()).isAfter(expiry);
        given().auth().oauth2(shortLived).get(hosts).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aServiceBehindTheGatewayTakesOnlyServiceTokens() {
        String provisioner = controlPlane.url(Service.PROVISIONER) + "/api/v1/hosts";
        given().get(provisioner).then().statusCode(401).contentType("application/problem+json");
        // a user's token means nothing to a service: only the gateway may let a user in
        String operator = keycloak.passwordGrant(REALM, "homeport", "olivia", PASSWORD);
        given().auth().oauth2(operator).get(provisioner).then().statusCode(401);
        ServiceTokens.forMasterKey(controlPlane.masterKey()).given().get(provisioner).then().statusCode(200);
    }

    private static String gateway() {
        return controlPlane.url(Service.API_GATEWAY);
    }

    /**
     * The shipped realm, and for this test only: the password grant on {@code homeport}, two users with passwords
     * (Keycloak's password grant wants an email and a full name), a client without the audience mapper, and a copy of
     * {@code homeport} whose tokens last {@value #SHORT_LIFESPAN_SECONDS} s.
     */
    private static String testRealm() throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(Path.of("../deploy/keycloak/homeport-realm.json").toFile());
        ArrayNode clients = (ArrayNode) realm.get("clients");
        ObjectNode homeport = (ObjectNode) clients.get(0);
        assertThat(homeport.path("clientId").asText()).isEqualTo("homeport");
        homeport.put("directAccessGrantsEnabled", true);

        ObjectNode shortLived = homeport.deepCopy();
        shortLived.put("clientId", "homeport-short-lived");
        ((ObjectNode) shortLived.get("attributes")).put("access.token.lifespan",
                Long.toString(SHORT_LIFESPAN_SECONDS));
        clients.add(shortLived);

        ObjectNode other = homeport.deepCopy();
        other.put("clientId", "other-app");
        ArrayNode mappers = JSON.createArrayNode();
        other.get("protocolMappers").forEach(m -> {
            if (!m.path("protocolMapper").asText().equals("oidc-audience-mapper")) {
                mappers.add(m);
            }
        });
        other.set("protocolMappers", mappers);
        clients.add(other);

        ArrayNode users = realm.putArray("users");
        users.add(user("olivia", "Olivia", "operator"));
        users.add(user("vera", "Vera", "viewer"));
        return JSON.writeValueAsString(realm);
    }

    private static ObjectNode user(String name, String firstName, String role) {
        ObjectNode user = JSON.createObjectNode();
        user.put("username", name).put("enabled", true).put("emailVerified", true)
                .put("email", name + "@example.invalid").put("firstName", firstName).put("lastName", "Tester");
        user.putArray("realmRoles").add(role);
        user.putArray("credentials").addObject().put("type", "password").put("value", PASSWORD)
                .put("temporary", false);
        return user;
    }
}
