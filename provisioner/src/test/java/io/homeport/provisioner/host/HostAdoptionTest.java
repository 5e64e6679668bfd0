package io.homeport.provisioner.host;

import static io.homeport.testkit.ServiceCalls.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.host.HostAdopted;
import io.homeport.testkit.EventReader;
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
class HostAdoptionTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    @Test
    void anAdoptedHostJoinsTheInventoryReadyAndIsAnnouncedLikeAnyNewHost() {
        UUID hostId = UUID.randomUUID();
        CloudEvent adopted = EventCodec.create(EventTypes.HOST_ADOPTED, URI.create("/homeport/api-gateway"),
                hostId.toString(), new HostAdopted(hostId, "Pi-4.lan", Map.of("site", "attic"), UUID.randomUUID(),
                        Instant.now()), Clock.systemUTC());

        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(Topics.HOSTS, adopted);
            writer.publish(Topics.HOSTS, adopted); // redelivery: still one host
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/hosts/" + hostId)
                .then().statusCode(200)
                .body("name", equalTo("pi-4-lan"))
                .body("state", equalTo("READY"))
                .body("origin", equalTo("ADOPTED"))
                .body("labels.site", equalTo("attic")));
        try (EventReader reader = new EventReader(broker.bootstrapServers(), Topics.HOSTS)) {
            assertThat(reader.readUntil(e -> e.getType().equals(EventTypes.HOST_REGISTERED.type())
                            && hostId.toString().equals(e.getSubject()), Duration.ofSeconds(30)))
                    .filteredOn(r -> r.value().getType().equals(EventTypes.HOST_REGISTERED.type())
                            && hostId.toString().equals(r.key()))
                    .hasSize(1);
        }
    }
}
