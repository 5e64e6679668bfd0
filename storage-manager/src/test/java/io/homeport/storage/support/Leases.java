package io.homeport.storage.support;

import static io.homeport.testkit.ServiceCalls.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.homeport.events.EventTypes;
import io.homeport.events.Topics;
import io.homeport.events.storage.VolumeRequested;
import io.homeport.testkit.EventWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Volumes leased to a host the way the deployer asks for them. */
public final class Leases {

    public static void grant(String bootstrapServers, String app, String volume, String mode, UUID hostId) {
        try (EventWriter writer = new EventWriter(bootstrapServers)) {
            writer.publish(Topics.STORAGE, Events.from("deployer", EventTypes.VOLUME_REQUESTED,
                    VolumeRequested.key(app, volume), new VolumeRequested(app, volume, mode, hostId, Instant.now())));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/volumes/" + app + "/"
                + volume).then().statusCode(200).body("holderHostId", equalTo(hostId.toString())));
    }

    private Leases() {
    }
}
