package io.esteira.quality.run;

import io.esteira.quality.dialect.QualityDialect;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Sends the alerts of {@code audit.alert_outbox} to {@code dw.alerts}, oldest first, and deletes a row
 * only after the broker confirmed its durable send: at-least-once. A failed send keeps the row (with its
 * attempts and error) and ends the round, so order is kept and the next round retries it; a crash
 * between the send and the delete sends it again, which the alerting service deduplicates by
 * fingerprint and status.
 */
public class AlertOutbox {

    /** Sends one event's JSON and returns only once the broker confirmed it. */
    @FunctionalInterface
    public interface Sender {
        void send(String eventJson) throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(AlertOutbox.class);
    private static final int ERROR_LENGTH = 1000;

    private record Pending(long id, String fingerprint, String json, int attempts) {}

    private final QualityDialect dialect;
    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final Sender sender;

    /** @param batchSize the most rows one round sends */
    public AlertOutbox(DataSource dataSource, QualityDialect dialect, Sender sender, int batchSize) {
        this.dialect = dialect;
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        JdbcTemplate limited = new JdbcTemplate(dataSource);
        limited.setMaxRows(batchSize);
        this.batch = new NamedParameterJdbcTemplate(limited);
        this.sender = sender;
    }

    /**
     * One round: sends the pending alerts until one fails.
     *
     * @return how many were sent and deleted
     */
    public int drain() {
        List<Pending> pending = batch.query(
                dialect.sql("outbox-pending"),
                Map.of(),
                (rs, n) -> new Pending(
                        rs.getLong("outbox_id"),
                        rs.getString("fingerprint"),
                        rs.getString("event_json"),
                        rs.getInt("attempts")));
        int sent = 0;
        for (Pending alert : pending) {
            try {
                sender.send(alert.json());
            } catch (Exception e) {
                String error = CheckRunner.rootMessage(e);
                log.warn(
                        "Could not send alert {} to dw.alerts (attempt {}): {}; it stays in audit.alert_outbox and is"
                                + " sent again when the broker answers",
                        alert.fingerprint(),
                        alert.attempts() + 1,
                        error);
                jdbc.update(
                        dialect.sql("outbox-failed"),
                        Map.of(
                                "outbox_id",
                                alert.id(),
                                "last_error",
                                error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH)));
                return sent;
            }
            jdbc.update(dialect.sql("outbox-delete"), Map.of("outbox_id", alert.id()));
            sent++;
        }
        return sent;
    }
}
