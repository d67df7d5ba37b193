package io.esteira.alerting.delivery;

import io.esteira.alerting.dispatch.NotifiedAlert;
import io.esteira.contracts.sql.SqlResources;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code audit.alert_log}: one row per alert of a notification per delivery attempt, with
 * its outcome ({@code sent}, {@code failed}, {@code dead}, {@code suppressed}), response code and
 * latency. The table belongs to the loader's DW migrations; {@link #verifyTable()} checks at start-up
 * that it is there with the contract's columns.
 */
public class AlertLog {

    public enum Outcome {
        sent,
        failed,
        dead,
        suppressed
    }

    /** One attempt at one receiver. */
    public record Attempt(
            String receiver, int attempt, Outcome outcome, Integer responseCode, Long latencyMs, String error) {}

    static final List<String> COLUMNS = List.of(
            "alert_log_id",
            "event_id",
            "fingerprint",
            "event_status",
            "receiver",
            "attempt",
            "outcome",
            "response_code",
            "latency_ms",
            "error",
            "logged_at");

    private static final int MAX_ERROR = 1000;
    /** audit.alert_log.event_id is varchar(100); the contract allows ids up to 200 characters. */
    private static final int MAX_EVENT_ID = 100;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String insert;

    public AlertLog(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.insert = SqlResources.in("sql").statement("alert-log-insert");
    }

    /** Throws when {@code audit.alert_log} or one of its contract columns is missing. */
    public void verifyTable() {
        Set<String> found = new HashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String[] names : List.of(new String[] {"audit", "alert_log"}, new String[] {"AUDIT", "ALERT_LOG"})) {
                try (ResultSet columns = meta.getColumns(null, names[0], names[1], null)) {
                    while (columns.next()) {
                        found.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot read the columns of audit.alert_log in esteira.dw: " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("Table audit.alert_log is missing in esteira.dw: run the loader-service DW"
                    + " migrations (they create it) before starting the alerting service");
        }
        List<String> missing = new ArrayList<>(COLUMNS);
        missing.removeAll(found);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Table audit.alert_log in esteira.dw lacks columns " + missing
                    + ": migrate the DW to the current loader-service schema");
        }
    }

    /** Records the attempt for every alert of the notification, in one batch. */
    public void record(List<NotifiedAlert> alerts, Attempt attempt) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        String error = attempt.error() == null
                ? null
                : attempt.error()
                        .substring(0, Math.min(MAX_ERROR, attempt.error().length()));
        jdbc.batchUpdate(insert, alerts, alerts.size(), (ps, alert) -> {
            ps.setString(1, clip(alert.event().id(), MAX_EVENT_ID));
            ps.setString(2, alert.event().fingerprint());
            ps.setString(3, alert.event().status().name());
            ps.setString(4, attempt.receiver());
            ps.setInt(5, attempt.attempt());
            ps.setString(6, attempt.outcome().name());
            if (attempt.responseCode() == null) {
                ps.setNull(7, Types.INTEGER);
            } else {
                ps.setInt(7, attempt.responseCode());
            }
            if (attempt.latencyMs() == null) {
                ps.setNull(8, Types.BIGINT);
            } else {
                ps.setLong(8, attempt.latencyMs());
            }
            ps.setString(9, error);
            ps.setTimestamp(10, now);
        });
    }

    private static String clip(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
