package io.homeport.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.homeport.events.host.HostRegistered;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    private final HostRegistered payload = new HostRegistered(UUID.randomUUID(), "web-1", "10.0.0.5", 22,
            Map.of("zone", "home"), Instant.parse("2026-11-25T09:59:59Z"));

    @Test
    void writesStructuredJsonWithEveryRequiredAttributeAndThePayloadAsJson() throws Exception {
        CloudEvent event = EventCodec.create(EventTypes.HOST_REGISTERED, URI.create("/homeport/provisioner"),
                payload.hostId().toString(), payload, CLOCK);

        JsonNode json = new ObjectMapper().readTree(new String(EventCodec.write(event), StandardCharsets.UTF_8));

        assertThat(json.path("specversion").asText()).isEqualTo("1.0");
        assertThat(json.path("type").asText()).isEqualTo("io.homeport.host.registered.v1");
        assertThat(json.path("source").asText()).isEqualTo("/homeport/provisioner");
        assertThat(json.path("subject").asText()).isEqualTo(payload.hostId().toString());
        assertThat(json.path("time").asText()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(json.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(UUID.fromString(json.path("id").asText())).isNotNull();
        // data is embedded JSON, not base64
        assertThat(json.path("data").path("address").asText()).isEqualTo("10.0.0.5");
        assertThat(json.path("data").path("registeredAt").asText()).isEqualTo("2026-11-25T09:59:59Z");
    }

    @Test
    void readsBackTheSameEventAndTypedPayload() {
        CloudEvent event = EventCodec.create(EventTypes.HOST_REGISTERED, URI.create("/homeport/provisioner"),
                payload.hostId().toString(), payload, CLOCK);

        CloudEvent read = EventCodec.read(EventCodec.write(event));

        assertThat(read.getId()).isEqualTo(event.getId());
        assertThat(EventCodec.payload(read, EventTypes.HOST_REGISTERED)).isEqualTo(payload);
    }

    @Test
    void refusesToReadAPayloadAsTheWrongType() {
        CloudEvent event = EventCodec.create(EventTypes.HOST_REGISTERED, URI.create("/homeport/provisioner"),
                "x", payload, CLOCK);
        CloudEvent other = io.cloudevents.core.builder.CloudEventBuilder.v1(event)
                .withType("io.homeport.host.lost.v1").build();

        assertThatThrownBy(() -> EventCodec.payload(other, EventTypes.HOST_REGISTERED))
                .hasMessageContaining("io.homeport.host.lost.v1");
    }

    @Test
    void rejectsBytesThatAreNoCloudEvent() {
        assertThatThrownBy(() -> EventCodec.read("{\"hello\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void readsTheTypeOfAnEventWithoutItsData() {
        byte[] written = EventCodec.write(EventCodec.create(EventTypes.HOST_REGISTERED,
                URI.create("/homeport/provisioner"), "x", payload, CLOCK));
        String json = new String(written, StandardCharsets.UTF_8);

        assertThat(EventCodec.typeOf(written)).isEqualTo("io.homeport.host.registered.v1");
        // what makes it cheap: the type comes before the (possibly large) data
        assertThat(json.indexOf("\"type\"")).isLessThan(json.indexOf("\"data\""));
        assertThat(EventCodec.typeOf("{\"data\":{\"type\":\"inner\",\"a\":[1,{}]},\"type\":\"outer\"}"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo("outer");
        assertThat(EventCodec.typeOf("{\"hello\":1}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(EventCodec.typeOf("{\"type\":7}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(EventCodec.typeOf("not json".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(EventCodec.typeOf(null)).isNull();
    }

    @Test
    void eventTypeNamesFollowTheConvention() {
        assertThatThrownBy(() -> new EventType<>("homeport.host.registered", Topics.HOSTS, HostRegistered.class))
                .hasMessageContaining("io.homeport.<aggregate>.<event>.v<N>");
    }
}
