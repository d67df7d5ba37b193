package io.esteira.extractor.capture;

import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.ChangeBatch.Cursor;
import io.esteira.contracts.ChangeBatch.Op;
import io.esteira.contracts.RowData;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.contracts.mirror.ColumnType;
import io.esteira.extractor.dialect.CaptureDialect;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads one page of an entity's committed changes from the OLTP, in change order. Stateless apart
 * from a cache of rendered queries; the caller owns the cursor.
 */
public class ChangeCapture {

    /** The capture query's first column of row data, after esteira_op, esteira_key and esteira_version. */
    private static final int FIRST_DATA_COLUMN = 4;

    private final NamedParameterJdbcTemplate jdbc;
    private final CaptureDialect dialect;
    private final Map<String, String> queries = new ConcurrentHashMap<>();
    private final Predicate<String> mirrored;
    /**
     * The page query runs in a read-only transaction of its own: outside one, PostgreSQL's driver reads the
     * whole result before it returns the first row, ignoring the fetch size; inside, it reads {@code
     * fetchSize} rows at a time, so a page is held once (as rows) rather than twice (driver buffers and rows).
     */
    private final TransactionTemplate readOnly;

    public ChangeCapture(DataSource oltp, CaptureDialect dialect, int fetchSize) {
        this(oltp, dialect, fetchSize, name -> false);
    }

    /** @param mirrored whether an entity is a mirror entity, whose batches carry their column types */
    public ChangeCapture(DataSource oltp, CaptureDialect dialect, int fetchSize, Predicate<String> mirrored) {
        JdbcTemplate template = new JdbcTemplate(oltp);
        template.setFetchSize(fetchSize);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(oltp));
        this.readOnly.setReadOnly(true);
        this.dialect = dialect;
        this.mirrored = mirrored;
    }

    /**
     * A mirror entity's columns, key first, with their neutral types as the source's catalog has them now
     * ({@code source-columns.sql}); null for an entity of the star, whose batches carry none.
     *
     * @throws IllegalStateException naming the column when a declared column is gone from the source, or
     *     has a type mirror tables do not carry
     */
    public List<ChangeBatch.Column> columns(EntityDefinition entity) {
        if (!mirrored.test(entity.name())) {
            return null;
        }
        Vendor vendor = dialect.sql().vendor();
        Map<String, ChangeBatch.Column> source = new HashMap<>();
        Map<String, String> unsupported = new HashMap<>();
        jdbc.query(
                dialect.sourceColumns(),
                new MapSqlParameterSource()
                        .addValue("schema_name", entity.source().tableSchema())
                        .addValue("table_name", entity.source().tableName()),
                rs -> {
                    String name = rs.getString("column_name");
                    String dataType = rs.getString("data_type");
                    ColumnType type = ColumnType.ofSource(
                            vendor,
                            dataType,
                            rs.getObject("type_length", Integer.class),
                            rs.getObject("type_precision", Integer.class),
                            rs.getObject("type_scale", Integer.class));
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (type == null) {
                        unsupported.put(lower, dataType);
                    } else {
                        source.put(lower, new ChangeBatch.Column(name, type.neutral()));
                    }
                });
        List<ChangeBatch.Column> columns = new ArrayList<>();
        for (String declared : entity.columns()) {
            // The source's name of the column (an operator's mapping may rename it); the batch keeps the contract's.
            String lower = (declared.equals(entity.keyColumn())
                            ? entity.source().keyColumn()
                            : entity.source().column(declared))
                    .toLowerCase(Locale.ROOT);
            if (unsupported.containsKey(lower)) {
                throw new IllegalStateException("Column " + entity.source().table() + "." + declared
                        + " (mirror entity "
                        + entity.name() + ") is of type " + unsupported.get(lower) + ", which mirror tables do not"
                        + " carry (docs/data-contract.md, Mirror tables); take it out of columns in the entity"
                        + " catalog file, or change its type in the source.");
            }
            ChangeBatch.Column column = source.get(lower);
            if (column == null) {
                throw new IllegalStateException("Column " + entity.source().table() + "." + declared
                        + " (mirror entity "
                        + entity.name() + ") is no longer in the source table; a dropped column stops the entity:"
                        + " take it out of columns in the entity catalog file (the warehouse keeps it, docs/runbook.md,"
                        + " Mirror drift), or restore it in the source.");
            }
            columns.add(new ChangeBatch.Column(declared, column.type()));
        }
        return columns;
    }

    /**
     * Up to {@code maxRows} rows of the range, in change order (version, then key), all below the capture
     * bound read just before, in a statement of its own (see {@link CaptureDialect}).
     */
    public List<ChangeBatch.Row> page(EntityDefinition entity, CaptureRange range, int maxRows) {
        String sql = queries.computeIfAbsent(
                entity.name() + "|" + range.windowColumn(), k -> dialect.capturePage(entity, range.windowColumn()));
        Long bound = jdbc.getJdbcTemplate().queryForObject(dialect.captureBound(), Long.class);
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("bound", bound)
                .addValue("from_version", range.from().version())
                .addValue("from_key", range.from().key())
                .addValue("to_version", range.to().version())
                .addValue("to_key", range.to().key())
                .addValue("table_name", tableName(entity))
                .addValue("max_rows", maxRows);
        if (range.windowColumn() != null) {
            params.addValue("window_from", Timestamp.valueOf(range.windowFrom()));
            params.addValue("window_to", Timestamp.valueOf(range.windowTo()));
        }
        try {
            return readOnly.execute(status ->
                    jdbc.query(sql, params, (ResultSetExtractor<List<ChangeBatch.Row>>) ChangeCapture::toRows));
        } catch (RuntimeException e) {
            // A column dropped from a mirror entity's source table fails the capture query: say which one
            // ({@link #columns} names it), else the query's own error.
            columns(entity);
            throw e;
        }
    }

    /** The cursor of the last row of a non-empty page. */
    public static Cursor cursorOf(ChangeBatch.Row row) {
        return new Cursor(row.version(), row.key());
    }

    /** The tombstone table's {@code table_name}: the source table without its schema. */
    static String tableName(EntityDefinition entity) {
        return entity.source().tableName();
    }

    /**
     * The page's rows; their data shares one array of column names ({@link RowData}), read from the result's
     * metadata once: a page is thousands of rows, each held until the broker confirmed the batch.
     */
    private static List<ChangeBatch.Row> toRows(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        String[] names = new String[meta.getColumnCount() - FIRST_DATA_COLUMN + 1];
        for (int i = 0; i < names.length; i++) {
            names[i] = meta.getColumnLabel(FIRST_DATA_COLUMN + i);
        }
        RowData.Columns columns = RowData.columns(names);
        List<ChangeBatch.Row> rows = new ArrayList<>();
        while (rs.next()) {
            Op op = Op.valueOf(rs.getString("esteira_op"));
            long key = rs.getLong("esteira_key");
            long version = rs.getLong("esteira_version");
            RowData data = RowData.empty();
            if (op == Op.upsert) {
                Object[] values = new Object[names.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = jsonValue(rs.getObject(FIRST_DATA_COLUMN + i));
                }
                data = RowData.of(columns, values);
            }
            rows.add(new ChangeBatch.Row(op, key, version, data));
        }
        return rows;
    }

    /** JDBC value → a value Jackson writes as the contract expects (timestamps as ISO-8601 UTC text). */
    static Object jsonValue(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Long
                || value instanceof Integer
                || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Short s) {
            return s.intValue();
        }
        if (value instanceof Timestamp ts) {
            return ts.toLocalDateTime().toString();
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.toString();
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toLocalDateTime().toString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return value.toString();
    }
}
