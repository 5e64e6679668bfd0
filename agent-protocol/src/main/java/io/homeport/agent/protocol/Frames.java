package io.homeport.agent.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Writes and reads {@link Frame}s. Both ends use this, so they agree on every detail of the JSON. */
public final class Frames {

    /** The protocol version this code speaks; agents announce theirs in {@link Frame.Hello}. */
    public static final int PROTOCOL_VERSION = 1;
    /**
     * The WebSocket close code for an agent whose host was replaced or decommissioned (its credential is revoked for
     * good): it must stop everything Homeport placed on the host, and never gets a desired state again.
     */
    public static final int CLOSE_RETIRED = 4410;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // an older peer ignores fields a newer one added; the protocol version guards breaking changes
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public static String write(Frame frame) {
        try {
            return JSON.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write frame " + frame.getClass().getSimpleName(), e);
        }
    }

    /** @throws MalformedFrameException naming what is wrong, for the close reason */
    public static Frame read(String text) {
        try {
            Frame frame = JSON.readValue(text, Frame.class);
            if (frame == null) {
                throw new MalformedFrameException("empty frame");
            }
            return frame;
        } catch (JsonProcessingException e) {
            throw new MalformedFrameException(e.getOriginalMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedFrameException(String.valueOf(e.getMessage()));
        }
    }

    private Frames() {
    }
}
