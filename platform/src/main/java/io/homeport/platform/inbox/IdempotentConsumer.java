package io.homeport.platform.inbox;

import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

/**
 * Applies an event's effect at most once per consumer: the event id is claimed in the same transaction as the
 * effect, so a redelivered event (the relay and Kafka deliver at least once) finds its id taken and is skipped.
 * Failed attempts roll back both and are retried; the Kafka offset is committed only after this returns.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private static final String CLAIM = """
            INSERT INTO processed_event (consumer, event_id, event_type) VALUES (?, ?, ?)
            ON CONFLICT (consumer, event_id) DO NOTHING""";

    private final DataSource dataSource;

    IdempotentConsumer(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code effect} in a new transaction unless this consumer already processed the event.
     *
     * @param consumer the consumer's name (its Kafka group id)
     * @return {@code true} when the effect ran, {@code false} for a duplicate
     */
    @Retry(maxRetries = 10, delay = 100, maxDuration = 60, durationUnit = ChronoUnit.SECONDS)
    @ExponentialBackoff(maxDelay = 5, maxDelayUnit = ChronoUnit.SECONDS)
    public boolean handle(String consumer, CloudEvent event, Consumer<CloudEvent> effect) {
        if (event == null) {
            // The deserializer turned a record that is not a CloudEvent into null; skip it rather than stall.
            LOG.warnf("%s skips a record that is not a structured CloudEvent", consumer);
            return false;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!claim(consumer, event)) {
                LOG.debugf("%s skips event %s (%s): already processed", consumer, event.getId(), event.getType());
                return false;
            }
            effect.accept(event);
            return true;
        });
    }

    private boolean claim(String consumer, CloudEvent event) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setString(1, consumer);
            claim.setString(2, event.getId());
            claim.setString(3, event.getType());
            return claim.executeUpdate() == 1;
        }
    }
}
