package io.homeport.events;

import java.util.regex.Pattern;

/**
 * One kind of event: its CloudEvents {@code type}, the topic it travels on and the record that is its {@code data}.
 *
 * @param type        {@code io.homeport.<aggregate>.<event>.v<N>}
 * @param topic       where it is published
 * @param payloadType the Java record carried as {@code data}
 */
public record EventType<T>(String type, Topic topic, Class<T> payloadType) {

    private static final Pattern NAME = Pattern.compile("io\\.homeport\\.[a-z-]+(\\.[a-z-]+)+\\.v[1-9][0-9]*");

    public EventType {
        if (!NAME.matcher(type).matches()) {
            throw new IllegalArgumentException("event type must read io.homeport.<aggregate>.<event>.v<N>: " + type);
        }
        if (!payloadType.isRecord()) {
            throw new IllegalArgumentException("event payloads are records: " + payloadType.getName());
        }
    }
}
