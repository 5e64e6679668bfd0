package io.homeport.gateway.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

/**
 * The event log: the user-facing events as they came from Kafka, in table {@code event_log}, positioned by
 * {@code seq}.
 *
 * <p>Readers (the stream, the pages) go on from a {@code seq} and must never pass one that commits later. A bigserial
 * is drawn at insert but becomes visible at commit, and concurrent transactions commit in any order; so appends take
 * a transaction-scoped advisory lock before drawing their {@code seq} and hold it to commit: appends (on every
 * replica) commit one at a time, in {@code seq} order. Whatever a reader sees up to the highest visible {@code seq}
 * is then all there will ever be up to it. Events are few (state changes, not reports), so one writer at a time is
 * plenty.
 *
 * <p>The CloudEvent id is unique, so a redelivered event is dropped here: the row itself is the record that the event
 * was processed.
 */
@ApplicationScoped
public class EventLog {

    private static final Logger LOG = Logger.getLogger(EventLog.class);

    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.event_log'))";
    private static final String INSERT = """
            INSERT INTO event_log (event_id, type, subject, source, time, data) VALUES (?, ?, ?, ?, ?, ?::jsonb)
            ON CONFLICT (event_id) DO NOTHING RETURNING seq""";
    private static final String COLUMNS = "seq, event_id, type, subject, source, time, data::text";

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Event<LoggedEvent> logged;

    EventLog(DataSource dataSource, ObjectMapper json, Event<LoggedEvent> logged) {
        this.dataSource = dataSource;
        this.json = json;
        this.logged = logged;
    }

    /** A page of the log and where the next one starts ({@code after}). */
    public record Page(List<LoggedEvent> events, long next) {
    }

    /**
     * Appends an event unless its id is already in the log. Observers of {@link LoggedEvent} (webhook deliveries)
     * run in the same transaction.
     *
     * @return whether it was new
     */
    @Retry(maxRetries = 10, delay = 100, maxDuration = 60, durationUnit = ChronoUnit.SECONDS)
    @ExponentialBackoff(maxDelay = 5, maxDelayUnit = ChronoUnit.SECONDS)
    public boolean append(CloudEvent event) {
        if (event == null) {
            // The deserializer turned a record that is not a structured CloudEvent into null: skip it, not stall.
            LOG.warn("The event log skips a record that is not a structured CloudEvent");
            return false;
        }
        OffsetDateTime time = event.getTime() != null ? event.getTime()
                : OffsetDateTime.now(ZoneOffset.UTC);
        String data = dataAsJson(event);
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Long> seq = insert(event, time, data);
            seq.ifPresent(s -> logged.fire(new LoggedEvent(s, event.getId(), event.getType(), event.getSubject(),
                    event.getSource().toString(), time.withOffsetSameInstant(ZoneOffset.UTC), data)));
            return seq.isPresent();
        });
    }

    private Optional<Long> insert(CloudEvent event, OffsetDateTime time, String data) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                lock.execute();
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, event.getId());
                insert.setString(2, event.getType());
                insert.setString(3, event.getSubject());
                insert.setString(4, event.getSource().toString());
                insert.setObject(5, time);
                insert.setString(6, data);
                try (ResultSet row = insert.executeQuery()) {
                    return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
                }
            }
        }
    }

    /** The data as JSON text: Homeport's events carry JSON; anything else is kept as a JSON string. */
    private String dataAsJson(CloudEvent event) {
        if (event.getData() == null) {
            return null;
        }
        String text = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        try {
            json.readTree(text);
            return text;
        } catch (JsonProcessingException notJson) {
            try {
                return json.writeValueAsString(text);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the data of event " + event.getId() + " as JSON", e);
            }
        }
    }

    /**
     * Up to {@code limit} matching events after {@code after}, oldest first. {@code next} is the last one's
     * {@code seq}, or, when fewer matched, the highest {@code seq} this read covered.
     */
    public Page read(EventFilter filter, long after, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            // Read first, in its own statement: every seq up to it has committed (appends commit in seq order).
            long horizon = head(connection);
            if (horizon <= after) {
                return new Page(List.of(), after);
            }
            StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM event_log WHERE seq > ? AND seq <= ?");
            if (filter.filtersTypes()) {
                sql.append(" AND (type = ANY(?) OR type LIKE ANY(?))");
            }
            if (!filter.subjects().isEmpty()) {
                sql.append(" AND subject = ANY(?)");
            }
            sql.append(" ORDER BY seq LIMIT ?");
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                int i = 1;
                select.setLong(i++, after);
                select.setLong(i++, horizon);
                if (filter.filtersTypes()) {
                    select.setArray(i++, connection.createArrayOf("text", filter.exactTypes().toArray()));
                    select.setArray(i++, connection.createArrayOf("text",
                            filter.typePrefixes().stream().map(EventLog::likePrefix).toArray()));
                }
                if (!filter.subjects().isEmpty()) {
                    select.setArray(i++, connection.createArrayOf("text", filter.subjects().toArray()));
                }
                select.setInt(i, limit);
                List<LoggedEvent> events = rows(select);
                long next = events.size() == limit ? events.get(events.size() - 1).seq() : horizon;
                return new Page(events, next);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event log", e);
        }
    }

    /** The highest {@code seq} in the log (0 when it is empty): where a live-only reader starts. */
    public long head() {
        try (Connection connection = dataSource.getConnection()) {
            return head(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event log", e);
        }
    }

    public Optional<LoggedEvent> bySeq(long seq) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM event_log WHERE seq = ?")) {
            select.setLong(1, seq);
            return rows(select).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event log", e);
        }
    }

    /** Deletes the events logged before {@code cutoff} (their webhook deliveries go with them). */
    public int prune(Instant cutoff) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM event_log WHERE logged_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prune the event log", e);
        }
    }

    private static long head(Connection connection) throws SQLException {
        try (PreparedStatement max = connection.prepareStatement("SELECT COALESCE(max(seq), 0) FROM event_log");
                ResultSet row = max.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<LoggedEvent> rows(PreparedStatement select) throws SQLException {
        List<LoggedEvent> events = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                events.add(new LoggedEvent(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getObject(6, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                        row.getString(7)));
            }
        }
        return events;
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
