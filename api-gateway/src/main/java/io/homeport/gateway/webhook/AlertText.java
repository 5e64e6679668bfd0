package io.homeport.gateway.webhook;

import io.homeport.events.alert.AlertRaised;
import java.util.Locale;

/** What the chat formats say about an alert, worded once for all of them. */
final class AlertText {

    private AlertText() {
    }

    static boolean critical(AlertRaised alert) {
        return "critical".equalsIgnoreCase(alert.severity());
    }

    /** e.g. "CRITICAL host-lost: host/1f0… (web-1)". */
    static String title(AlertRaised alert) {
        return alert.severity().toUpperCase(Locale.ROOT) + " " + alert.rule() + ": " + alert.subject();
    }

    static String footer(AlertRaised alert) {
        return "Homeport alert " + alert.rule() + " on " + alert.subject() + " at " + alert.at();
    }

    /** At most {@code max} characters, with an ellipsis when cut. */
    static String cut(String text, int max) {
        if (text == null || max <= 0) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
