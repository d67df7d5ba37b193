package io.esteira.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One JSON message carrying many changed rows of one entity ({@code esteira.change-batch/1}).
 *
 * @param schema always {@link #SCHEMA}
 * @param batchId deterministic from entity, watermark range and replay id ({@link BatchIds}); also the
 *     Artemis duplicate-detection id, so a re-sent batch is recognised
 * @param entity catalog name, e.g. {@code orders}
 * @param source where the rows were read
 * @param extractedAt when the extractor read the rows
 * @param watermark the cursor range the rows cover, exclusive {@code from}, inclusive {@code to}
 * @param replay null for live extraction; the replay request id for a window replay
 * @param rows at least one, at most {@link ContractLimits#MAX_ROWS_PER_BATCH}
 */
public record ChangeBatch(
        String schema,
        String batchId,
        String entity,
        Source source,
        Instant extractedAt,
        Watermark watermark,
        String replay,
        List<Row> rows) {

    public static final String SCHEMA = "esteira.change-batch/1";

    public ChangeBatch {
        rows = List.copyOf(rows);
    }

    public boolean isReplay() {
        return replay != null;
    }

    /** Where rows were read: the source system (e.g. {@code oltp}) and table ({@code core.orders}). */
    public record Source(String system, String table) {}

    /** A position in an entity's change order: the row version, ties broken by the key. */
    public record Cursor(long version, long key) implements Comparable<Cursor> {
        public static final Cursor START = new Cursor(0, 0);

        @Override
        public int compareTo(Cursor other) {
            int byVersion = Long.compare(version, other.version);
            return byVersion != 0 ? byVersion : Long.compare(key, other.key);
        }
    }

    /** The cursor range a batch covers: rows after {@code from}, up to and including {@code to}. */
    public record Watermark(Cursor from, Cursor to) {}

    public enum Op {
        upsert,
        delete
    }

    /**
     * One changed row.
     *
     * @param op upsert (insert, update or soft delete, which carries {@code deleted_at}) or delete (hard)
     * @param key the row's primary-key value
     * @param version the row's change-order value (xid8 on PostgreSQL, rowversion on SQL Server)
     * @param data column name to value; for a delete, may be empty
     */
    public record Row(Op op, long key, long version, Map<String, Object> data) {
        public Row {
            data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
        }
    }
}
