package io.homeport.platform.outbox;

import io.cloudevents.CloudEvent;
import io.homeport.events.EventCodec;
import io.homeport.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records events in the same database transaction as the state change that causes them (brief §3). Nothing is
 * sent here: {@link OutboxRelay} publishes committed rows, so an event exists if and only if its change committed.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload)
            VALUES (?, ?, ?, ?, ?)""";

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final URI source;
    private final Clock clock;

    Outbox(DataSource dataSource, TransactionSynchronizationRegistry transactions, OutboxRelay relay,
            @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.relay = relay;
        this.source = URI.create("/homeport/" + serviceName);
        this.clock = Clock.systemUTC();
    }

    /**
     * Adds an event to the current transaction.
     *
     * @param aggregateId the id of the aggregate that changed: the event's subject and its Kafka key
     * @return the event as it will be published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> CloudEvent emit(EventType<T> type, String aggregateId, T payload) {
        CloudEvent event = EventCodec.create(type, source, aggregateId, payload, clock);
        // The connection is the one enlisted in the caller's transaction, so the row commits or rolls back with it.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, UUID.fromString(event.getId()));
            insert.setString(2, type.topic().name());
            insert.setString(3, aggregateId);
            insert.setString(4, type.type());
            insert.setBytes(5, EventCodec.write(event));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record " + type.type() + " in the outbox", e);
        }
        transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
        return event;
    }

    private record WakeRelayOnCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wakeUp();
            }
        }
    }
}
