package io.homeport.provisioner.liveness;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Table {@code host_liveness}, in plain SQL: heartbeats are frequent, and a whole batch of them is one statement
 * that never moves a host's last heartbeat backwards.
 */
@ApplicationScoped
class LivenessTable {

    /** A row as read or locked. */
    record Row(UUID hostId, Instant lastHeartbeatAt, LivenessStatus status, Instant since, long version) {
        HostLiveness view() {
            return new HostLiveness(status, lastHeartbeatAt, since);
        }
    }

    private static final String COLUMNS = "host_id, last_heartbeat_at, status, status_since, version";

    // Rows come in host id order, so concurrent batches lock rows in the same order. A duplicate or older heartbeat
    // writes nothing and returns nothing. New rows are UNKNOWN until the same transaction decides their status.
    private static final String HEARD = """
            INSERT INTO host_liveness AS l (host_id, last_heartbeat_at, status, status_since)
            SELECT h.host_id, h.at, 'UNKNOWN', h.at
            FROM unnest(?::uuid[], ?::timestamptz[]) AS h(host_id, at)
            ORDER BY h.host_id
            ON CONFLICT (host_id) DO UPDATE SET last_heartbeat_at = excluded.last_heartbeat_at
            WHERE excluded.last_heartbeat_at > l.last_heartbeat_at
            RETURNING""" + " " + COLUMNS;

    // The rule's verdict in SQL, only to find candidates; each is judged again under its lock.
    private static final String DUE = """
            SELECT host_id FROM host_liveness
            WHERE status <> CASE WHEN last_heartbeat_at < ? THEN 'LOST'
                                 WHEN last_heartbeat_at < ? THEN 'SUSPECT'
                                 ELSE 'ONLINE' END""";

    private static final String LOCK = "SELECT " + COLUMNS
            + " FROM host_liveness WHERE host_id = ? FOR UPDATE SKIP LOCKED";

    private static final String CHANGE = """
            UPDATE host_liveness SET status = ?, status_since = ?, version = version + 1
            WHERE host_id = ? AND version = ?""";

    private static final String FIND = "SELECT " + COLUMNS + " FROM host_liveness WHERE host_id = ANY (?::uuid[])";

    private final DataSource dataSource;

    LivenessTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records heartbeats (in the caller's transaction), keeping each host's latest.
     *
     * @return the rows whose last heartbeat moved forward (or that are new), locked until the transaction ends
     */
    List<Row> heard(Map<UUID, Instant> latest) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(HEARD)) {
            List<Map.Entry<UUID, Instant>> entries = new ArrayList<>(latest.entrySet());
            insert.setArray(1, textArray(connection, entries.stream().map(e -> e.getKey().toString()).toList()));
            insert.setArray(2, textArray(connection, entries.stream().map(e -> e.getValue().toString()).toList()));
            return rows(insert);
        }
    }

    /** Hosts whose stored status differs from the rule's verdict at {@code now}. */
    List<UUID> due(Instant suspectBefore, Instant lostBefore) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(DUE)) {
            select.setTimestamp(1, Timestamp.from(lostBefore));
            select.setTimestamp(2, Timestamp.from(suspectBefore));
            List<UUID> due = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    due.add(rs.getObject(1, UUID.class));
                }
            }
            return due;
        }
    }

    /** The row, locked for the caller's transaction; empty when another transaction holds it (or it is absent). */
    Optional<Row> lock(UUID hostId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(LOCK)) {
            select.setObject(1, hostId);
            return rows(select).stream().findFirst();
        }
    }

    /** @return false when the row changed since it was read */
    boolean change(Row row, LivenessStatus status, Instant since) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(CHANGE)) {
            update.setString(1, status.name());
            update.setTimestamp(2, Timestamp.from(since));
            update.setObject(3, row.hostId());
            update.setLong(4, row.version());
            return update.executeUpdate() == 1;
        }
    }

    Map<UUID, Row> find(Collection<UUID> hostIds) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(FIND)) {
            select.setArray(1, textArray(connection, hostIds.stream().map(UUID::toString).toList()));
            Map<UUID, Row> found = new HashMap<>();
            rows(select).forEach(row -> found.put(row.hostId(), row));
            return found;
        }
    }

    private static Array textArray(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private static List<Row> rows(PreparedStatement statement) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        LivenessStatus.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(), rs.getLong(5)));
            }
        }
        return rows;
    }
}
