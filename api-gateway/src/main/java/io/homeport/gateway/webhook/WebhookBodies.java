package io.homeport.gateway.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.homeport.events.EventCodec;
import io.homeport.events.EventTypes;
import io.homeport.events.alert.AlertRaised;
import io.homeport.gateway.event.LoggedEvent;
import java.util.Map;

/** The body of an event's delivery in a webhook's format. */
public final class WebhookBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookBodies() {
    }

    public static RenderedBody render(WebhookFormat format, LoggedEvent event) {
        if (format == WebhookFormat.CLOUDEVENTS) {
            return new RenderedBody(EventCodec.CONTENT_TYPE, event.cloudEventJson(), Map.of());
        }
        AlertRaised alert = EventCodec.payload(event.cloudEvent(), EventTypes.ALERT_RAISED);
        return switch (format) {
            case SLACK -> json(SlackRenderer.render(alert));
            case DISCORD -> json(DiscordRenderer.render(alert));
            case NTFY -> NtfyRenderer.render(alert);
            case CLOUDEVENTS -> throw new IllegalStateException("handled above");
        };
    }

    private static RenderedBody json(ObjectNode message) {
        try {
            return new RenderedBody("application/json", JSON.writeValueAsBytes(message), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook message", e);
        }
    }
}
