package io.homeport.gateway.storage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URL;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Remotes, volumes, backups and restores through the gateway to the storage-manager (its stand-in): answers pass
 * through unchanged, problems included, and what a call starts is located at the gateway.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(StorageManagerStandIn.class)
class StorageResourceTest {

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void aProblemTheStorageManagerAnsweredReachesTheCallerUnchanged() {
        given().auth().oauth2(token("ada", "admin")).contentType(ContentType.JSON)
                .body("{\"type\": \"ftp\", \"options\": {\"host\": \"files.lan\"}}").put("/api/v1/remotes/box")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid request"))
                .body("detail", equalTo("type must be drive, sftp, webdav or s3, not ftp"))
                .body("errors.field", contains("type"));
        given().auth().oauth2(token("olga", "operator")).post("/api/v1/volumes/notes/cache/backups")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("no host holds the lease of notes/cache"));
        given().auth().oauth2(token("victor", "viewer")).get("/api/v1/volumes/notes/nothing")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("no volume notes/nothing"));
    }

    @Test
    void aStartedBackupIsA202WithTheStorageManagersBodyLocatedAtTheGateway() {
        Response started = given().auth().oauth2(token("olga", "operator")).post("/api/v1/volumes/notes/data/backups");
        started.then().statusCode(202).contentType(ContentType.JSON)
                .body("app", equalTo("notes")).body("volume", equalTo("data")).body("state", equalTo("RUNNING"))
                .body("hostId", equalTo(StorageManagerStandIn.HOLDER.toString())).body("finishedAt", nullValue());
        String id = started.path("id");
        started.then().body("location", equalTo("cloud:homeport/backups/notes/data/" + id))
                .header("Location", equalTo(gateway + "api/v1/volumes/notes/data/backups/" + id));

        given().auth().oauth2(token("olga", "operator")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/volumes/notes/data/backups/" + StorageManagerStandIn.BACKUP + "/restore")
                .then().statusCode(202).body("state", equalTo("RUNNING"))
                .body("backupId", equalTo(StorageManagerStandIn.BACKUP.toString()))
                .header("Location", equalTo(gateway + "api/v1/volumes/notes/data/restores/"
                        + StorageManagerStandIn.RESTORE));
    }

    @Test
    void volumesAndBackupsReadAsTheStorageManagerAnswers() {
        given().auth().oauth2(token("victor", "viewer")).get("/api/v1/volumes").then().statusCode(200)
                .body("name", contains("cache", "data"))
                .body("holderHostId", contains(null, StorageManagerStandIn.HOLDER.toString()));
        given().auth().oauth2(token("victor", "viewer")).get("/api/v1/volumes/notes/data/backups").then()
                .statusCode(200).body("id", contains(StorageManagerStandIn.BACKUP.toString()))
                .body("state", contains("COMPLETED"));
    }

    @Test
    void aRemoteDefinedIs201AndOneReplacedIs200WithoutItsCredentials() {
        String definition = "{\"type\": \"sftp\", \"options\": {\"host\": \"nas.lan\", \"pass\": \"s3cret-pass\"}}";
        given().auth().oauth2(token("ada", "admin")).contentType(ContentType.JSON).body(definition)
                .put("/api/v1/remotes/offsite").then().statusCode(201).body("name", equalTo("offsite"))
                .body("credentials", contains("pass")).body("options.pass", nullValue());
        given().auth().oauth2(token("ada", "admin")).contentType(ContentType.JSON).body(definition)
                .put("/api/v1/remotes/nas").then().statusCode(200).body("roles", hasItem("SHARED"));
        given().auth().oauth2(token("ada", "admin")).delete("/api/v1/remotes/old-nas").then().statusCode(204);
    }

    @Test
    void badInputIsRefusedAtTheGatewayNamingTheField() {
        given().auth().oauth2(token("olga", "operator")).contentType(ContentType.JSON)
                .body("{\"enabled\": true, \"intervalMinutes\": 1, \"keepLast\": 7, \"maxAgeDays\": 30}")
                .put("/api/v1/volumes/notes/data/backup-policy").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("intervalMinutes"));
        given().auth().oauth2(token("ada", "admin")).contentType(ContentType.JSON).body("{\"type\": \"sftp\"}")
                .put("/api/v1/remotes/Not_A_Name").then().statusCode(400).contentType("application/problem+json");
    }

    private static String token(String user, String role) {
        return OidcWiremockTestResource.getAccessToken(user, Set.of(role));
    }
}
