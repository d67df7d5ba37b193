package io.esteira.contracts;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One JSON message carrying many changed rows of one entity ({@code esteira.change-batch/1}).
 *
 * <p>Read and write it with {@link ContractCodec}; its JSON Schema is {@code schemas/change-batch-1.json}.
 *
 * @param schema always {@link #SCHEMA} (null becomes {@link #SCHEMA})
 * @param batchId deterministic from entity, watermark range and replay id ({@link BatchIds}); also the
 *     Artemis duplicate-detection id, so a re-sent batch is recognised
 * @param entity catalog name, e.g. {@code orders}
 * @param source where the rows were read
 * @param extractedAt when the extractor read the rows
 * @param watermark the cursor range the rows cover, exclusive {@code from}, inclusive {@code to}
 * @param replay null for live extraction; the replay request id for a window replay
 * @param rows at least one, at most {@link ContractLimits#MAX_ROWS_PER_BATCH}
 * @param columns mirror entities only: each column the rows carry, key first, with its neutral type
 *     ({@link io.esteira.contracts.mirror.ColumnType}); null for the star's entities
 */
@JsonAutoDetect(isGetterVisibility = Visibility.NONE) // isReplay() is derived, not a JSON field
public record ChangeBatch(
        String schema,
        String batchId,
        String entity,
        Source source,
        Instant extractedAt,
        Watermark watermark,
        String replay,
        List<Row> rows,
        List<Column> columns) {

    public static final String SCHEMA = "esteira.change-batch/1";

    public ChangeBatch {
        schema = schema == null ? SCHEMA : schema;
        rows = rows == null ? List.of() : List.copyOf(rows);
        columns = columns == null ? null : List.copyOf(columns);
    }

    /** A batch of a star entity, which carries no column types. */
    public ChangeBatch(
            String schema,
            String batchId,
            String entity,
            Source source,
            Instant extractedAt,
            Watermark watermark,
            String replay,
            List<Row> rows) {
        this(schema, batchId, entity, source, extractedAt, watermark, replay, rows, null);
    }

    /** A column of a mirror entity's batch and its neutral type, e.g. {@code amount}, {@code decimal(12,2)}. */
    public record Column(String name, String type) {}

    /** True when the batch belongs to a window replay rather than live extraction. */
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
     * @param data column name to scalar value, in column order; for a delete, may be empty. Integer,
     *     Short and Byte values are widened to Long; {@link ContractCodec} reads String, Long, BigInteger,
     *     BigDecimal, Boolean or null
     */
    public record Row(Op op, long key, long version, Map<String, Object> data) {
        public Row {
            // Compact and immutable, values widened (RowData): a batch holds thousands of these.
            data = data == null ? RowData.empty() : RowData.copyOf(data);
        }
    }
}
