package io.homeport.gateway.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The {@code alert_state} table: one row per rule and thing it watches, locked while a rule decides, so that replicas
 * and redeliveries cannot raise one alert twice. Runs on the connection enlisted in the caller's transaction.
 */
@ApplicationScoped
public class AlertStates {

    private static final String ENSURE = """
            INSERT INTO alert_state (rule, state_key, firing, changed_at) VALUES (?, ?, FALSE, 'epoch')
            ON CONFLICT (rule, state_key) DO NOTHING""";
    private static final String LOCK = """
            SELECT firing, raised_at, changed_at FROM alert_state WHERE rule = ? AND state_key = ? FOR UPDATE""";
    private static final String RAISED = """
            UPDATE alert_state SET firing = TRUE, raised_at = ?, changed_at = ?, cause = ?
            WHERE rule = ? AND state_key = ?""";
    private static final String CLEARED = """
            UPDATE alert_state SET firing = FALSE, changed_at = ? WHERE rule = ? AND state_key = ?""";

    private final DataSource dataSource;

    AlertStates(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The state of {@code rule} for {@code key}, locked until the transaction ends; null when there is none.
     *
     * @param create make a row (not firing) first, so that concurrent deciders queue on its lock
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public FiringState lock(String rule, String key, boolean create) {
        try (Connection connection = dataSource.getConnection()) {
            if (create) {
                try (PreparedStatement ensure = connection.prepareStatement(ENSURE)) {
                    ensure.setString(1, rule);
                    ensure.setString(2, key);
                    ensure.executeUpdate();
                }
            }
            try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                lock.setString(1, rule);
                lock.setString(2, key);
                try (ResultSet row = lock.executeQuery()) {
                    return row.next() ? new FiringState(row.getBoolean(1), instant(row.getTimestamp(2)),
                            instant(row.getTimestamp(3))) : null;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the state of alert rule " + rule, e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void raised(String rule, String key, Instant at, String cause) {
        update(RAISED, rule, key, statement -> {
            statement.setTimestamp(1, Timestamp.from(at));
            statement.setTimestamp(2, Timestamp.from(at));
            statement.setString(3, cause);
            return 4;
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void cleared(String rule, String key, Instant at) {
        update(CLEARED, rule, key, statement -> {
            statement.setTimestamp(1, Timestamp.from(at));
            return 2;
        });
    }

    /** Sets the statement's leading parameters, returning the index of the rule's. */
    @FunctionalInterface
    private interface Parameters {
        int set(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, String rule, String key, Parameters parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = parameters.set(statement);
            statement.setString(next, rule);
            statement.setString(next + 1, key);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the state of alert rule " + rule, e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
