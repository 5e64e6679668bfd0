package io.homeport.gateway.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.homeport.gateway.storage.StorageManagerStandIn;
import io.homeport.platform.secret.SecretTokens;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An API token's life: created (shown once), used within its role, listed without its secret, revoked, expired. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(StorageManagerStandIn.class)
class ApiTokenTest {

    private static String admin() {
        return OidcWiremockTestResource.getAccessToken("ada", Set.of("admin"));
    }

    private static ValidatableResponse create(String body) {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/api-tokens").then();
    }

    @Test
    void aTokenIsUsedWithinItsRoleListedWithoutItsSecretAndRevoked() {
        String name = "ci-" + UUID.randomUUID().toString().substring(0, 8);
        ValidatableResponse created = create("{\"name\":\"" + name + "\",\"role\":\"operator\",\"validFor\":\"P7D\"}")
                .statusCode(201)
                .header("Location", containsString("/api/v1/api-tokens/"))
                .body("token", matchesPattern("hpt_[A-Za-z0-9_-]{43}"))
                .body("role", equalTo("operator"))
                .body("createdBy", equalTo("ada"))
                .body("lastUsedAt", nullValue());
        String token = created.extract().path("token");
        String id = created.extract().path("id");
        Instant expiresAt = Instant.parse(created.extract().path("expiresAt"));
        assertThat(expiresAt).isBetween(Instant.now().plus(7, ChronoUnit.DAYS).minusSeconds(60),
                Instant.now().plus(7, ChronoUnit.DAYS));
        created.header("Location", endsWith("/api/v1/api-tokens/" + id));

        // an operator may set a backup policy (the storage-manager's stand-in answers) but not define a remote
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"enabled\": true, \"intervalMinutes\": 60, \"keepLast\": 7, \"maxAgeDays\": 30}")
                .put("/api/v1/volumes/notes/data/backup-policy").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"type\": \"sftp\", \"options\": {\"host\": \"nas.lan\"}}")
                .put("/api/v1/remotes/nas").then().statusCode(403).contentType("application/problem+json");
        // nor manage API tokens, which is for admins
        given().auth().oauth2(token).get("/api/v1/api-tokens").then().statusCode(403);

        given().auth().oauth2(admin()).get("/api/v1/api-tokens").then().statusCode(200)
                .body("name", hasItem(name))
                .body("token", not(hasItem(token)))
                .body("find { it.id == '" + id + "' }.token", nullValue())
                .body("find { it.id == '" + id + "' }.lastUsedAt", notNullValue())
                .body("find { it.id == '" + id + "' }.createdBy", equalTo("ada"));
        given().auth().oauth2(admin()).get("/api/v1/api-tokens/" + id).then().statusCode(200)
                .body("name", equalTo(name)).body("token", nullValue());
        assertThat(QuarkusTransaction.requiringNew().call(() -> ApiToken.<ApiToken>findById(UUID.fromString(id))
                .tokenHash)).isEqualTo(SecretTokens.hash(token)).doesNotContain(token.substring(4));

        String revokedAt = given().auth().oauth2(admin()).delete("/api/v1/api-tokens/" + id).then().statusCode(200)
                .body("revokedAt", notNullValue()).extract().path("revokedAt");
        given().auth().oauth2(token).get("/api/v1/volumes").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("detail", equalTo("The API token was revoked at " + Instant.parse(revokedAt)));
    }

    @Test
    void anAdminTokenManagesTokensAndItsActsAreItsOwn() {
        String name = "admin-bot-" + UUID.randomUUID().toString().substring(0, 8);
        String token = create("{\"name\":\"" + name + "\",\"role\":\"admin\"}").statusCode(201)
                .extract().path("token");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"made-by-" + name
                + "\",\"role\":\"viewer\"}").post("/api/v1/api-tokens").then().statusCode(201)
                .body("createdBy", equalTo("token:" + name));
    }

    @Test
    void anExpiredTokenIsRefusedSayingWhen() {
        String name = "old-" + UUID.randomUUID().toString().substring(0, 8);
        ValidatableResponse created = create("{\"name\":\"" + name + "\",\"role\":\"viewer\",\"validFor\":\"PT1H\"}")
                .statusCode(201);
        String token = created.extract().path("token");
        UUID id = UUID.fromString(created.extract().path("id"));
        given().auth().oauth2(token).get("/api/v1/volumes").then().statusCode(200);
        Instant past = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MICROS);
        QuarkusTransaction.requiringNew().run(() -> ApiToken.update("expiresAt = ?1 where id = ?2", past, id));
        given().auth().oauth2(token).get("/api/v1/volumes").then().statusCode(401)
                .contentType("application/problem+json")
                .body("detail", equalTo("The API token expired at " + past));
    }

    @Test
    void anUnknownTokenIsNotValidAndOidcTokensKeepWorking() {
        given().auth().oauth2(SecretTokens.generate("hpt_")).get("/api/v1/volumes").then().statusCode(401)
                .contentType("application/problem+json").body("detail", equalTo("The API token is not valid"));
        given().auth().oauth2(OidcWiremockTestResource.getAccessToken("vera", Set.of("viewer")))
                .get("/api/v1/volumes").then().statusCode(200);
        given().auth().oauth2("not-a-jwt").get("/api/v1/volumes").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"role":"viewer"}                                    | name
            {"name":"","role":"viewer"}                          | name
            {"name":"Has Spaces","role":"viewer"}                | name
            {"name":"x"}                                         | role
            {"name":"x","role":"root"}                           | role
            {"name":"x","role":"viewer","validFor":"-P1D"}       | validFor
            {"name":"x","role":"viewer","validFor":"PT0S"}       | validFor
            {"name":"x","role":"viewer","validFor":"P366D"}      | validFor
            {"name":"x","role":"viewer","validFor":"a week"}     | validFor
            {"name":"x","role":"viewer","secret":"hpt_mine"}     | secret
            """)
    void aBadBodyIs400NamingTheField(String body, String field) {
        create(body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("detail", containsString(field));
    }

    @Test
    void aSecondLiveTokenWithTheSameNameIsAConflict() {
        String name = "twice-" + UUID.randomUUID().toString().substring(0, 8);
        String id = create("{\"name\":\"" + name + "\",\"role\":\"viewer\"}").statusCode(201).extract().path("id");
        create("{\"name\":\"" + name + "\",\"role\":\"viewer\"}").statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(admin()).delete("/api/v1/api-tokens/" + id).then().statusCode(200);
        create("{\"name\":\"" + name + "\",\"role\":\"viewer\"}").statusCode(201);
        given().auth().oauth2(admin()).get("/api/v1/api-tokens/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
