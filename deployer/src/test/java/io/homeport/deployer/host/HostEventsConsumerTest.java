package io.homeport.deployer.host;

import static io.homeport.testkit.ServiceCalls.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.host.HostRegistered;
import io.homeport.testkit.EventWriter;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class HostEventsConsumerTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    @Test
    void aRegisteredHostBecomesAPlacementHostWithItsLabels() {
        UUID hostId = UUID.randomUUID();
        Instant registeredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CloudEvent event = EventCodec.create(EventTypes.HOST_REGISTERED, URI.create("/homeport/provisioner"),
                hostId.toString(), new HostRegistered(hostId, "gpu-1", "192.0.2.50", 22,
                        Map.of("gpu", "true"), registeredAt), Clock.systemUTC());

        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(Topics.HOSTS, event);
            writer.publish(Topics.HOSTS, event); // redelivered: still one host, no error
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/placement/hosts/" + hostId)
                .then().statusCode(200)
                .body("name", equalTo("gpu-1"))
                .body("labels.gpu", equalTo("true")));
    }

    @Test
    void anUnknownHostIsA404Problem() {
        given().get("/api/v1/placement/hosts/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
