package io.homeport.platform.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A NUL character would reach PostgreSQL, which refuses it with an error the caller would see as a 500. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class NulCharactersTest {

    @Test
    void aNulInAPathOrQueryIsA400() {
        given().urlEncodingEnabled(false).post("/sample/hosts/a%00b")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The path must not contain the NUL character (U+0000)"));
        given().urlEncodingEnabled(false).post("/sample/hosts/ab?suffix=%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("suffix"));
        given().post("/sample/hosts/ab?suffix=c").then().statusCode(200);
    }

    @Test
    void aNulInAJsonOrYamlBodyIsA400NamingTheField() {
        given().contentType("application/json").body("{\"name\":\"a\\u0000b\"}").post("/sample/hosts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("NUL"));
        given().contentType("application/yaml").body("name: \"a\\0b\"\n".getBytes(StandardCharsets.UTF_8))
                .post("/sample/hosts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        given().contentType("application/json").body("{\"name\":\"ab\"}").post("/sample/hosts").then().statusCode(200);
    }
}
