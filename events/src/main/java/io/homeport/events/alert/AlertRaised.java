package io.homeport.events.alert;

import java.time.Instant;
import java.util.Map;

/**
 * An alert rule fired: something an operator should look at. Subject and key: {@code subject}, what the alert is
 * about ({@code host/<id>}, {@code container/<hostId>/<name>}, {@code volume/<app>/<volume>}, ...), so that one
 * subject's alerts keep their order.
 *
 * @param rule     the rule that fired: host-lost, container-crash-looping, mount-degraded, backup-failed,
 *                 provisioning-failed, disk-usage-high
 * @param severity critical or warning
 * @param summary  one line for a human, no secrets
 * @param details  what the rule saw (host id, container, counts, percentages), as strings
 * @param cause    the id of the event the alert was raised on (for crash loops and disk usage: the
 *                 {@code agent.reported} event that showed it), null when none
 */
public record AlertRaised(String rule, String severity, String subject, String summary, Map<String, String> details,
        String cause, Instant at) {

    public AlertRaised {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
