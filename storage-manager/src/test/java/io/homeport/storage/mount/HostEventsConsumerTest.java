package io.homeport.storage.mount;

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
    void aRegisteredHostGetsAPendingMountAtTheConfiguredPath() {
        UUID hostId = UUID.randomUUID();
        CloudEvent event = EventCodec.create(EventTypes.HOST_REGISTERED, URI.create("/homeport/provisioner"),
                hostId.toString(), new HostRegistered(hostId, "nas-1", "192.0.2.60", 2222, Map.of(), Instant.now()),
                Clock.systemUTC());

        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(Topics.HOSTS, event);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .get("/api/v1/storage/mounts/" + hostId)
                .then().statusCode(200)
                .body("hostName", equalTo("nas-1"))
                .body("mountPath", equalTo("/mnt/homeport"))
                .body("state", equalTo("PENDING")));
    }
}
