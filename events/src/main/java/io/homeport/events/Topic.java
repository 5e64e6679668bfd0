package io.homeport.events;

/**
 * A Kafka topic of the catalogue. Records on a topic are keyed by the aggregate id, so all events of one
 * aggregate keep their order.
 *
 * @param name      the Kafka topic name
 * @param compacted whether the topic is log-compacted (it then holds the latest value per key)
 * @param purpose   one line on what flows through it, mirrored in {@code asyncapi.yaml}
 */
public record Topic(String name, boolean compacted, String purpose) {
}
