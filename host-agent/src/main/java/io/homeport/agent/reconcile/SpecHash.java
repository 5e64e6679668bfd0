package io.homeport.agent.reconcile;

import io.homeport.agent.protocol.ContainerOptions;
import io.homeport.agent.protocol.ContainerSpec;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fingerprint of everything that, when changed, requires the container to be recreated. Computed over a
 * canonical JSON form (map keys sorted), so it is the same on every host and across agent restarts.
 */
public final class SpecHash {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public static String of(ContainerSpec spec) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("image", spec.image());
        content.put("command", spec.command());
        content.put("env", spec.env());
        content.put("labels", spec.labels());
        content.put("ports", spec.ports());
        content.put("restartPolicy", spec.restartPolicy());
        ContainerOptions options = spec.options().content();
        if (!options.isEmpty()) {
            content.put("options", options); // absent when unused: older containers keep their hash
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(content));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the spec of " + spec.containerName(), e);
        }
    }

    private SpecHash() {
    }
}
