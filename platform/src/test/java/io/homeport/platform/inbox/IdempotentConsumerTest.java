package io.homeport.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.host.HostRegistered;
import io.homeport.platform.sample.SampleEffects;
import io.homeport.testkit.EventWriter;
import io.homeport.testkit.InjectKafkaBroker;
import io.homeport.testkit.KafkaBroker;
import io.homeport.testkit.KafkaTestResource;
import io.homeport.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
class IdempotentConsumerTest {

    @InjectKafkaBroker
    KafkaBroker broker;

    @Inject
    SampleEffects effects;

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() {
        CloudEvent duplicated = hostRegistered();
        CloudEvent marker = hostRegistered();

        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publish(Topics.HOSTS, duplicated);
            writer.publish(Topics.HOSTS, duplicated);
            writer.publish(Topics.HOSTS, marker); // same key, so consumed after both copies
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> effects.applied(marker.getId()) == 1);
        assertThat(effects.applied(duplicated.getId())).as("effects of the event delivered twice").isEqualTo(1);
    }

    @Test
    void aRecordThatIsNoCloudEventIsSkippedAndConsumptionGoesOn() {
        CloudEvent after = hostRegistered();
        try (EventWriter writer = new EventWriter(broker.bootstrapServers())) {
            writer.publishRaw(Topics.HOSTS, after.getSubject(), "not an event");
            writer.publish(Topics.HOSTS, after);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> effects.applied(after.getId()) == 1);
    }

    private static CloudEvent hostRegistered() {
        UUID id = UUID.randomUUID();
        return EventCodec.create(EventTypes.HOST_REGISTERED, URI.create("/homeport/test"), "same-key",
                new HostRegistered(id, "h-" + id, "192.0.2.7", 22, Map.of(), Instant.now()), Clock.systemUTC());
    }
}
