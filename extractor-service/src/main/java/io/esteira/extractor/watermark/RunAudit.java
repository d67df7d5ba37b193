package io.esteira.extractor.watermark;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** One row of {@code audit.etl_run_entity} per extraction run of an entity. */
public class RunAudit {

    public static final String SERVICE = "extractor-service";

    private final JdbcTemplate dw;

    public RunAudit(DataSource dw) {
        this.dw = new JdbcTemplate(dw);
    }

    public void record(String entity, RunOutcome outcome) {
        dw.update(
                "INSERT INTO audit.etl_run_entity (service, entity, batch_id, started_at, ended_at, status, batches,"
                        + " rows_read, rows_inserted, rows_updated, rows_ignored, rows_rejected, duration_ms, error)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?)",
                SERVICE,
                entity,
                outcome.lastBatchId(),
                utc(outcome.startedAt()),
                utc(outcome.endedAt()),
                outcome.status(),
                outcome.batches(),
                outcome.rows(),
                outcome.endedAt().toEpochMilli() - outcome.startedAt().toEpochMilli(),
                WatermarkStore.truncate(outcome.error()));
    }

    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** What one run did. */
    public record RunOutcome(
            Instant startedAt,
            Instant endedAt,
            String status,
            int batches,
            long rows,
            String lastBatchId,
            String error) {}
}
