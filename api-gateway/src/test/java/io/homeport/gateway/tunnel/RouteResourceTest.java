package io.homeport.gateway.tunnel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.homeport.api.auth.ServiceToken;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tunnels and routes through the gateway from the tunnel-manager (its stand-in): answers and problems unchanged. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TunnelManagerStandIn.class)
class RouteResourceTest {

    TunnelManagerStandIn tunnelManager;

    @Test
    void theTunnelManagerIsCalledWithAServiceTokenThatSpeaksForTheCaller() {
        given().auth().oauth2(token()).get("/api/v1/tunnels").then().statusCode(200);
        ServiceToken.Claims caller = tunnelManager.lastCaller();
        assertThat(caller.subject()).isEqualTo("victor");
        assertThat(caller.groups()).containsExactly("viewer");
        assertThat(caller.caller()).isEqualTo("api-gateway");
        assertThat(caller.audience()).isEqualTo(ServiceToken.AUDIENCE);
        assertThat(Duration.between(caller.issuedAt(), caller.expiresAt())).isEqualTo(ServiceToken.LIFETIME);
    }

    @Test
    void routesReadAsTheTunnelManagerAnswersThemFilteredByHostname() {
        given().auth().oauth2(token()).get("/api/v1/routes").then().statusCode(200)
                .body("hostname", contains("app.example.com", "app.example.com", "old.example.com",
                        "taken.example.com"))
                .body("state", contains("ACTIVE", "ACTIVE", "GRACE", "CONFLICT"));
        given().auth().oauth2(token()).queryParam("hostname", "old.example.com").get("/api/v1/routes").then()
                .statusCode(200).body("hostname", contains("old.example.com"))
                .body("removeAt", contains("2026-11-20T09:00:00Z"));
        given().auth().oauth2(token()).get("/api/v1/routes/app.example.com").then().statusCode(200)
                .body("path", contains(null, "/api")).body("service", contains("http://web:80", "http://web:3000"))
                .body("hostId[0]", equalTo(TunnelManagerStandIn.HOST.toString()));
        given().auth().oauth2(token()).get("/api/v1/tunnels").then().statusCode(200)
                .body("hostName", contains("web-1")).body("connectorDeployed", contains(true));
    }

    @Test
    void aHostnameWithoutRoutesIsTheTunnelManagers404() {
        given().auth().oauth2(token()).get("/api/v1/routes/none.example.com").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("no routes for none.example.com"));
    }

    private static String token() {
        return OidcWiremockTestResource.getAccessToken("victor", Set.of("viewer"));
    }
}
