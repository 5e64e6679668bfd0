package io.homeport.platform.outbox;

import io.homeport.events.EventCodec;
import io.homeport.events.kafka.CloudEventSerializer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in commit order and marks them sent. It is woken right after each
 * commit and polls as a backstop. Failures leave the rows in place and are retried with backoff, so an event
 * committed while the broker is down, or just before the process died, is published once the way is clear.
 * Delivery is at least once; consumers are idempotent ({@code IdempotentConsumer}).
 *
 * <p>With several replicas, a PostgreSQL advisory lock lets one relay publish at a time, which keeps the order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox'))";
    private static final String NEXT_BATCH = """
            SELECT seq, topic, message_key, payload FROM outbox_event
            WHERE sent_at IS NULL ORDER BY seq LIMIT ?""";
    private static final String MARK_SENT = "UPDATE outbox_event SET sent_at = now() WHERE seq = ANY (?)";
    private static final String PURGE = "DELETE FROM outbox_event WHERE sent_at < ?";
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final OutboxKafka kafka;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private Instant nextPurge = Instant.EPOCH;

    OutboxRelay(DataSource dataSource, OutboxConfig config, OutboxKafka kafka) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafka = kafka;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relay().enabled()) {
            LOG.warn("Outbox relay is disabled (homeport.outbox.relay.enabled=false): events wait in the outbox");
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (worker != null) {
            wakeUp();
            worker.join(config.relay().sendTimeout().toMillis() + 1000);
        }
    }

    /** Called after a transaction with outbox rows commits. */
    void wakeUp() {
        wakeUps.release();
    }

    private void run() {
        Duration backoff = config.relay().initialBackoff();
        while (running) {
            try {
                kafka.ensureTopics();
                int published = publishBatch();
                purgeWhenDue();
                backoff = config.relay().initialBackoff();
                if (published < config.relay().batchSize()) {
                    wakeUps.tryAcquire(config.relay().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay could not publish, retrying in %d ms: %s", backoff.toMillis(), e.getMessage());
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.relay().maxBackoff()) > 0
                        ? config.relay().maxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    /** @return how many events were published */
    int publishBatch() {
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds()).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!holdsRelayLock(connection)) {
                    return 0;
                }
                List<Long> seqs = new ArrayList<>();
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                try (PreparedStatement next = connection.prepareStatement(NEXT_BATCH)) {
                    next.setInt(1, config.relay().batchSize());
                    try (ResultSet rows = next.executeQuery()) {
                        while (rows.next()) {
                            seqs.add(rows.getLong("seq"));
                            sends.add(kafka.send(toRecord(rows)));
                        }
                    }
                }
                if (seqs.isEmpty()) {
                    return 0;
                }
                awaitAcknowledgements(sends);
                try (PreparedStatement mark = connection.prepareStatement(MARK_SENT)) {
                    mark.setArray(1, connection.createArrayOf("bigint", seqs.toArray()));
                    mark.executeUpdate();
                }
                LOG.debugf("Outbox relay published %d event(s)", seqs.size());
                return seqs.size();
            }
        });
    }

    private static ProducerRecord<String, byte[]> toRecord(ResultSet row) throws SQLException {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                row.getString("topic"), row.getString("message_key"), row.getBytes("payload"));
        record.headers().add(CloudEventSerializer.CONTENT_TYPE_HEADER,
                EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private void awaitAcknowledgements(List<Future<RecordMetadata>> sends) throws Exception {
        kafka.flush();
        long deadline = System.nanoTime() + config.relay().sendTimeout().toNanos();
        for (Future<RecordMetadata> send : sends) {
            // A failure aborts the batch: its rows stay unsent and the whole batch is retried in order.
            send.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private static boolean holdsRelayLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(TRY_LOCK); ResultSet result = lock.executeQuery()) {
            return result.next() && result.getBoolean(1);
        }
    }

    private void purgeWhenDue() {
        if (Instant.now().isBefore(nextPurge)) {
            return;
        }
        nextPurge = Instant.now().plus(PURGE_EVERY);
        int purged = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement purge = connection.prepareStatement(PURGE)) {
                purge.setObject(1, java.sql.Timestamp.from(Instant.now().minus(config.retention())));
                return purge.executeUpdate();
            }
        });
        if (purged > 0) {
            LOG.infof("Outbox relay purged %d published event(s) older than %s", purged, config.retention());
        }
    }

    private int timeoutSeconds() {
        return (int) config.relay().sendTimeout().toSeconds() + 30;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
