package io.esteira.extractor.watermark;

import io.esteira.contracts.ChangeBatch.Cursor;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The extractor's watermarks in {@code ctl.etl_control} (DW). A watermark moves only forward and
 * only from the value the caller read: two extractors that raced on one entity cannot both move
 * it, and the loser stops (its batches carry the same ids, which the broker drops).
 */
public class WatermarkStore {

    private final JdbcTemplate dw;
    private final Clock clock;

    public WatermarkStore(DataSource dw, Clock clock) {
        this.dw = new JdbcTemplate(dw);
        this.clock = clock;
    }

    public ControlRow control(String entity) {
        List<ControlRow> rows = dw.query(
                "SELECT entity, enabled, watermark_version, watermark_key, batch_size FROM ctl.etl_control WHERE entity = ?",
                (rs, n) -> new ControlRow(
                        rs.getString(1), rs.getBoolean(2), new Cursor(rs.getLong(3), rs.getLong(4)), rs.getInt(5)),
                entity);
        if (rows.isEmpty()) {
            // An entity added in the entity catalog file (the DW migrations seed only the shipped ones): its
            // control row starts with the table's defaults, watermark 0 (everything), as the seeded rows did.
            try {
                dw.update("INSERT INTO ctl.etl_control (entity) VALUES (?)", entity);
            } catch (DuplicateKeyException another) {
                // another extractor created it meanwhile
            }
            return control(entity);
        }
        return rows.get(0);
    }

    /**
     * Moves the watermark from {@code expected} to {@code next}.
     *
     * @return false when the stored watermark is no longer {@code expected} (another extractor moved it)
     */
    public boolean advance(String entity, Cursor expected, Cursor next) {
        if (next.compareTo(expected) <= 0) {
            throw new IllegalArgumentException(
                    "Watermark of " + entity + " would move backwards: " + expected + " → " + next);
        }
        return dw.update(
                        "UPDATE ctl.etl_control SET watermark_version = ?, watermark_key = ?, updated_at = ?"
                                + " WHERE entity = ? AND watermark_version = ? AND watermark_key = ?",
                        next.version(),
                        next.key(),
                        now(),
                        entity,
                        expected.version(),
                        expected.key())
                == 1;
    }

    /** Records the outcome of a run on the entity's control row. */
    public void recordRun(String entity, boolean success, String error) {
        Timestamp now = now();
        if (success) {
            dw.update(
                    "UPDATE ctl.etl_control SET last_run_at = ?, last_success_at = ?, last_status = 'success',"
                            + " last_error = NULL WHERE entity = ?",
                    now,
                    now,
                    entity);
        } else {
            dw.update(
                    "UPDATE ctl.etl_control SET last_run_at = ?, last_status = 'failed', last_error = ? WHERE entity = ?",
                    now,
                    truncate(error),
                    entity);
        }
    }

    private Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(clock));
    }

    static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
