package io.homeport.gateway.alert;

import io.homeport.events.EventTypes;
import io.homeport.events.alert.AlertRaised;
import io.homeport.gateway.alert.FiringState.Decision;
import io.homeport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Applies one observation to a rule's state and raises the alert when {@link FiringState} says so: the state change
 * and the {@code alert.raised} event (through the outbox, key = the alert's subject) commit together.
 */
@ApplicationScoped
public class Alerts {

    private final AlertStates states;
    private final Outbox outbox;

    Alerts(AlertStates states, Outbox outbox) {
        this.states = states;
        this.outbox = outbox;
    }

    /**
     * @param key         what the rule watches (an alert subject, or a subject and a mount point)
     * @param active      whether the observation shows the rule's condition
     * @param refireAfter see {@link FiringState#decide}
     * @param alert       the alert to raise, built only when one is raised
     * @return whether the rule is firing for {@code key} afterwards
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean observe(String rule, String key, boolean active, Instant at, Duration refireAfter,
            Supplier<AlertRaised> alert) {
        FiringState current = states.lock(rule, key, active);
        Decision decision = FiringState.decide(current, active, at, refireAfter);
        switch (decision) {
            case RAISE -> {
                AlertRaised raised = alert.get();
                states.raised(rule, key, at, raised.cause());
                outbox.emit(EventTypes.ALERT_RAISED, raised.subject(), raised);
                return true;
            }
            case CLEAR -> {
                states.cleared(rule, key, at);
                return false;
            }
            default -> {
                return current != null && current.firing();
            }
        }
    }
}
