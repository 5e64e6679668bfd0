package io.homeport.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps {@code asyncapi.yaml} and the code's catalogue of topics and event types in step. */
class AsyncApiCatalogueTest {

    private static JsonNode spec;

    @BeforeAll
    static void readSpec() throws Exception {
        try (InputStream in = EventTypes.class.getResourceAsStream("/asyncapi.yaml")) {
            spec = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void documentsExactlyTheTopicsOfTheCatalogue() {
        Set<String> documented = new HashSet<>();
        spec.path("channels").forEach(channel -> documented.add(channel.path("address").asText()));
        Set<String> inCode = Topics.ALL.stream().map(Topic::name).collect(Collectors.toSet());
        assertThat(documented).as("channel addresses in asyncapi.yaml").isEqualTo(inCode);
    }

    @Test
    void documentsExactlyTheEventTypesOfTheCatalogue() {
        Map<String, String> documented = documentedTypesToTopics();
        Map<String, String> inCode = EventTypes.ALL.stream()
                .collect(Collectors.toMap(EventType::type, t -> t.topic().name()));
        assertThat(documented).as("event type -> topic in asyncapi.yaml").isEqualTo(inCode);
    }

    @Test
    void documentsEveryPayloadFieldOfEveryEventType() {
        for (EventType<?> type : EventTypes.ALL) {
            JsonNode message = messageNamed(type.type());
            Set<String> documented = new HashSet<>();
            message.path("payload").path("properties").fieldNames().forEachRemaining(documented::add);
            Set<String> inCode = Arrays.stream(type.payloadType().getRecordComponents())
                    .map(RecordComponent::getName).collect(Collectors.toSet());
            assertThat(documented).as("payload fields of " + type.type()).isEqualTo(inCode);
        }
    }

    private static Map<String, String> documentedTypesToTopics() {
        Map<String, String> typeToTopic = new HashMap<>();
        spec.path("channels").forEach(channel -> channel.path("messages").forEach(ref -> {
            String name = resolve(ref).path("name").asText();
            String previous = typeToTopic.put(name, channel.path("address").asText());
            assertThat(previous).as(name + " is documented on one channel only").isNull();
        }));
        return typeToTopic;
    }

    private static JsonNode messageNamed(String type) {
        for (JsonNode message : spec.path("components").path("messages")) {
            if (type.equals(message.path("name").asText())) {
                return message;
            }
        }
        throw new AssertionError(type + " has no message in asyncapi.yaml");
    }

    private static JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        String[] path = node.get("$ref").asText().replaceFirst("^#/", "").split("/");
        JsonNode target = spec;
        for (String part : path) {
            target = target.path(part);
        }
        assertThat(target.isMissingNode()).as("$ref " + node.get("$ref").asText() + " resolves").isFalse();
        return target;
    }
}
