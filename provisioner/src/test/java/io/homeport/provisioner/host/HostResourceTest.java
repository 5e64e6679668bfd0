package io.homeport.provisioner.host;

import static io.homeport.testkit.ServiceCalls.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.host.HostRegistered;
import io.homeport.testkit.EventReader;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.homeport.testkit.ServiceCalls;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class HostResourceTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    /** Only the gateway and other services, with a valid service token, may call the provisioner directly. */
    @Test
    void itsApiAnswersOnlyCallsWithAValidServiceToken() {
        ServiceCalls.assertOnlyValidServiceTokensPass("/api/v1/hosts", 200);
    }

    @Test
    void registeringAHostStoresItAndPublishesHostRegistered() {
        String id = given().contentType(ContentType.JSON)
                .body("{\"name\":\"web-1\",\"address\":\"192.0.2.10\",\"labels\":{\"zone\":\"home\"}}")
                .post("/api/v1/hosts")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/hosts/"))
                .body("name", equalTo("web-1"))
                .body("port", equalTo(22))
                .body("user", equalTo("root"))
                .body("state", equalTo("NEW"))
                .extract().path("id");

        given().get("/api/v1/hosts/" + id).then().statusCode(200)
                .body("address", equalTo("192.0.2.10")).body("labels.zone", equalTo("home"));
        given().get("/api/v1/hosts").then().statusCode(200).body("id", hasItem(id));

        try (EventReader reader = new EventReader(broker.bootstrapServers(), Topics.HOSTS)) {
            CloudEvent event = reader.readUntil(e -> id.equals(e.getSubject()), Duration.ofSeconds(30)).stream()
                    .map(r -> r.value()).filter(e -> id.equals(e.getSubject())).findFirst()
                    .orElseThrow(() -> new AssertionError("no host.registered event for " + id));
            assertThat(event.getType()).isEqualTo("io.homeport.host.registered.v1");
            assertThat(event.getSource().toString()).isEqualTo("/homeport/provisioner");
            HostRegistered payload = EventCodec.payload(event, EventTypes.HOST_REGISTERED);
            assertThat(payload.hostId()).isEqualTo(UUID.fromString(id));
            assertThat(payload.labels()).containsEntry("zone", "home");
        }
    }

    @Test
    void theNameDefaultsToTheAddressAndMustBeUnique() {
        given().contentType(ContentType.JSON).body("{\"address\":\"Db.Example.org\"}")
                .post("/api/v1/hosts").then().statusCode(201).body("name", equalTo("db-example-org"));

        given().contentType(ContentType.JSON).body("{\"address\":\"192.0.2.99\",\"name\":\"db-example-org\"}")
                .post("/api/v1/hosts").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("db-example-org"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"name\":\"x\"}                                   | address | is required",
        "{\"address\":\"not an address!\"}                  | address | must be a DNS name",
        "{\"address\":\"192.0.2.1\",\"port\":70000}         | port    | between 1 and 65535",
        "{\"address\":\"192.0.2.1\",\"port\":\"ssh\"}       | port    | must be of type number",
        "{\"address\":\"192.0.2.1\",\"name\":\"Web_1\"}     | name    | lower-case",
        "{\"address\":\"192.0.2.1\",\"labels\":[1]}         | labels  | must be of type object",
        "{\"address\":\"192.0.2.1\",\"password\":\"x\"}     | password | is not a known field",
    })
    void badInputIsRefusedWithAProblemNamingTheField(String body, String field, String message) {
        given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/hosts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field))
                .body("detail", containsString(message))
                .body(not(containsString("at io.homeport")));
    }

    @Test
    void malformedJsonIsAProblemToo() {
        given().contentType(ContentType.JSON).body("{\"address\": ")
                .post("/api/v1/hosts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed request body"));
    }

    @Test
    void anUnknownHostIsA404Problem() {
        given().get("/api/v1/hosts/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Not found"));
        given().get("/api/v1/hosts/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }
}
