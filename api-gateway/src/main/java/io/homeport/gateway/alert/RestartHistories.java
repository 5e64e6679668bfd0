package io.homeport.gateway.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** The {@code container_restarts} table: each container's {@link RestartHistory}, once it restarted. */
@ApplicationScoped
public class RestartHistories {

    private static final String LOCK = """
            SELECT last_count, seen_at, restarts FROM container_restarts WHERE host_id = ? AND container = ?
            FOR UPDATE""";
    private static final String SAVE = """
            INSERT INTO container_restarts (host_id, container, last_count, seen_at, restarts) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (host_id, container) DO UPDATE
            SET last_count = EXCLUDED.last_count, seen_at = EXCLUDED.seen_at, restarts = EXCLUDED.restarts""";
    private static final String FORGET = "DELETE FROM container_restarts WHERE host_id = ? AND container = ?";

    private final DataSource dataSource;

    RestartHistories(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The container's history, locked until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RestartHistory> lock(UUID hostId, String container) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setObject(1, hostId);
            lock.setString(2, container);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String restarts = row.getString(3);
                List<Instant> instants = restarts.isBlank() ? List.of()
                        : Arrays.stream(restarts.split(" ")).map(Instant::parse).toList();
                return Optional.of(new RestartHistory(row.getInt(1), row.getTimestamp(2).toInstant(), instants));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the restarts of " + container, e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(UUID hostId, String container, RestartHistory history) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement save = connection.prepareStatement(SAVE)) {
            save.setObject(1, hostId);
            save.setString(2, container);
            save.setInt(3, history.lastCount());
            save.setTimestamp(4, Timestamp.from(history.seenAt()));
            save.setString(5, history.restarts().stream().map(Instant::toString).collect(Collectors.joining(" ")));
            save.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the restarts of " + container, e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(UUID hostId, String container) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement forget = connection.prepareStatement(FORGET)) {
            forget.setObject(1, hostId);
            forget.setString(2, container);
            forget.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot forget the restarts of " + container, e);
        }
    }
}
