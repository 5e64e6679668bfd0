package io.homeport.deployer.stack;

import static io.homeport.testkit.ServiceCalls.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.homeport.testkit.ServiceCalls;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class StackResourceTest {

    private static final String THREE_SERVICES = """
            services:
              web:
                image: local/web:1
                depends_on: [api]
                ports: ["8080:80"]
              api:
                image: local/api:1
                depends_on: [db]
              db:
                image: postgres:16
                volumes: [data:/var/lib/postgresql/data]
            volumes:
              data:
            """;

    /** RestAssured encodes strings only for types it knows; a compose file goes as its UTF-8 bytes. */
    private static byte[] yaml(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Only the gateway and other services, with a valid service token, may call the deployer directly. */
    @Test
    void itsApiAnswersOnlyCallsWithAValidServiceToken() {
        ServiceCalls.assertOnlyValidServiceTokensPass("/api/v1/apps", 200);
    }

    @Test
    void aComposeFilePreviewsAsAppsInStartOrder() {
        given().contentType("application/yaml").body(yaml(THREE_SERVICES))
                .post("/api/v1/stacks/preview?name=shop")
                .then().statusCode(200)
                .body("name", equalTo("shop"))
                .body("apps.name", contains("shop-db", "shop-api", "shop-web"))
                .body("apps[0].volumes[0].mode", equalTo("shared"))
                .body("apps[2].ports[0].hostPort", equalTo(8080))
                .body("apps[2].network.aliases", contains("web"))
                .body("apps[2].failover", equalTo("manual"));
    }

    @Test
    void unsupportedKeysAndInvalidValuesAreAllListed() {
        String compose = """
                name: shop
                services:
                  web:
                    image: Not/An:Image:Ref
                    privileged: true
                    deploy: {replicas: 50}
                    ports: ["80:80", "80:8080"]
                """;
        given().contentType("text/yaml").body(compose).post("/api/v1/stacks/preview")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", startsWith("1 compose key(s) cannot be deployed as they are"))
                .body("errors.field", contains("services.web.privileged"));
        given().contentType("text/yaml").body(compose.replace("    privileged: true\n", ""))
                .post("/api/v1/stacks/preview")
                .then().statusCode(422)
                .body("errors.field", containsInAnyOrder("services.web.replicas", "services.web.image",
                        "services.web.ports[1].hostPort"));
    }

    @Test
    void whatIsNoComposeFileIsRefusedWithTheReason() {
        given().contentType("application/yaml").body(yaml("services: [unclosed")).post("/api/v1/stacks/preview?name=x")
                .then().statusCode(422).body("errors[0].message", startsWith("not YAML"));
        given().contentType("application/yaml").body(yaml("")).post("/api/v1/stacks/preview?name=x")
                .then().statusCode(400);
        given().contentType("application/json").body("{}").post("/api/v1/stacks/preview?name=x")
                .then().statusCode(415);
    }
}
