package io.homeport.gateway.webhook;

import io.homeport.events.EventTypes;
import java.util.Locale;

/** What a webhook's body looks like. The chat formats carry alerts only, rendered for people. */
public enum WebhookFormat {
    /** The CloudEvent in structured JSON mode, any type. */
    CLOUDEVENTS,
    /** A Slack incoming-webhook message. */
    SLACK,
    /** A Discord webhook message. */
    DISCORD,
    /** An ntfy notification, POSTed to the topic URL. */
    NTFY;

    public static WebhookFormat of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether an event of this type is delivered in this format. */
    public boolean carries(String type) {
        return this == CLOUDEVENTS || EventTypes.ALERT_RAISED.type().equals(type);
    }
}
