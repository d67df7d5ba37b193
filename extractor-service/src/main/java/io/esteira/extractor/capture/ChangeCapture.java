package io.esteira.extractor.capture;

import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.ChangeBatch.Cursor;
import io.esteira.contracts.ChangeBatch.Op;
import io.esteira.contracts.RowData;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.catalog.SourceMapping;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.contracts.mirror.BookkeepingColumns;
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
import java.util.Collection;
import java.util.LinkedHashMap;
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
    private final Predicate<String> carryingAll;
    /**
     * The columns of each entity that carries every column of its table, as the source's catalog listed them
     * at its latest read (after the entity's previous page): what its next page query selects.
     */
    private final Map<String, List<String>> carried = new ConcurrentHashMap<>();
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
        this(oltp, dialect, fetchSize, mirrored, name -> false);
    }

    /**
     * @param mirrored whether an entity is a mirror entity, whose batches carry their column types
     * @param carryingAll whether a mirror entity carries every column of its source table ({@link
     *     io.esteira.contracts.catalog.EntityCatalog#carriesAllColumns}), as the source's catalog lists them
     */
    public ChangeCapture(
            DataSource oltp,
            CaptureDialect dialect,
            int fetchSize,
            Predicate<String> mirrored,
            Predicate<String> carryingAll) {
        JdbcTemplate template = new JdbcTemplate(oltp);
        template.setFetchSize(fetchSize);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(oltp));
        this.readOnly.setReadOnly(true);
        this.dialect = dialect;
        this.mirrored = mirrored;
        this.carryingAll = name -> mirrored.test(name) && carryingAll.test(name);
    }

    /**
     * A mirror entity's columns, key first, with their neutral types as the source's catalog has them now
     * ({@code source-columns.sql}); null for an entity of the star, whose batches carry none. An entity that
     * carries every column of its table gets every column the table has now but its change-order column, in
     * the table's order, and its next page reads them.
     *
     * @throws IllegalStateException naming the column when a declared column is gone from the source, has
     *     a type mirror tables do not carry, or has the name of a bookkeeping column of raw tables ({@link
     *     BookkeepingColumns})
     */
    public List<ChangeBatch.Column> columns(EntityDefinition entity) {
        if (!mirrored.test(entity.name())) {
            return null;
        }
        Map<String, SourceColumn> source = sourceColumns(entity);
        if (carryingAll.test(entity.name())) {
            List<String> current = carried(entity, source);
            carried.put(entity.name(), current);
            return typed(entity, current, source);
        }
        return typed(entity, entity.columns(), source);
    }

    /**
     * The columns of a batch made of {@code page}, as {@link #columns(EntityDefinition)}, read after the page:
     * for an entity that carries every column of its table, the columns the page's rows carry (a column added
     * since the page was read arrives with the next one, which this read makes read it), or every current
     * column for a page of deletes alone.
     *
     * @throws IllegalStateException naming the column when one the page carries is gone from the source, or
     *     has a type or a name mirror tables do not carry
     */
    public List<ChangeBatch.Column> columns(EntityDefinition entity, List<ChangeBatch.Row> page) {
        if (!carryingAll.test(entity.name())) {
            return columns(entity);
        }
        Map<String, SourceColumn> source = sourceColumns(entity);
        List<String> current = carried(entity, source);
        carried.put(entity.name(), current);
        List<String> read = page.stream()
                .filter(row -> row.op() == Op.upsert)
                .findFirst()
                .map(row -> List.copyOf(row.data().keySet()))
                .orElse(current);
        return typed(entity, read, source);
    }

    /** The current source columns of the entity's table, by lower-case name, in the table's order. */
    private Map<String, SourceColumn> sourceColumns(EntityDefinition entity) {
        Vendor vendor = dialect.sql().vendor();
        Map<String, SourceColumn> source = new LinkedHashMap<>();
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
                    source.put(name.toLowerCase(Locale.ROOT), new SourceColumn(name, dataType, type));
                });
        return source;
    }

    /** A column of the source's catalog; {@code type} null when mirror tables do not carry its type. */
    private record SourceColumn(String name, String dataType, ColumnType type) {}

    /**
     * The contract columns of an entity that carries every column of its table: its key, then each other
     * column of the table as the source spells it, but the change-order column (it travels as each row's
     * version). Kept apart from the source's catalog so that it can be tested without one.
     */
    static List<String> carried(EntityDefinition entity, Collection<String> sourceColumns) {
        String key = entity.source().keyColumn();
        String changeOrder = entity.source().changeOrderColumn();
        List<String> columns = new ArrayList<>();
        columns.add(entity.keyColumn());
        for (String column : sourceColumns) {
            if (!column.equalsIgnoreCase(key) && !column.equalsIgnoreCase(changeOrder)) {
                columns.add(column);
            }
        }
        return columns;
    }

    private static List<String> carried(EntityDefinition entity, Map<String, SourceColumn> source) {
        return carried(entity, source.values().stream().map(SourceColumn::name).toList());
    }

    /** {@code columns} (contract names, key first) with their types in {@code source}. */
    private List<ChangeBatch.Column> typed(
            EntityDefinition entity, List<String> columns, Map<String, SourceColumn> source) {
        boolean all = carryingAll.test(entity.name());
        List<ChangeBatch.Column> typed = new ArrayList<>();
        for (String declared : columns) {
            // The source's name of the column (an operator's mapping may rename it); the batch keeps the contract's.
            String sourceName = declared.equals(entity.keyColumn())
                    ? entity.source().keyColumn()
                    : all ? declared : entity.source().column(declared);
            if (BookkeepingColumns.isReserved(declared)) {
                throw new IllegalStateException("Column " + entity.source().table() + "." + sourceName
                        + (sourceName.equals(declared) ? "" : " (carried as " + declared + ")") + " (mirror entity "
                        + entity.name() + ") has the name of a bookkeeping column of raw." + entity.name() + " ("
                        + BookkeepingColumns.listed()
                        + "; docs/data-contract.md, Mirror tables); "
                        + (all
                                ? "list the columns to carry in the entity's columns in the entity catalog file,"
                                        + " without it, or rename it in the source."
                                : "take it out of columns in the entity catalog file, carry it under another name"
                                        + " (columns: {<name>: " + sourceName + "}), or rename it in the source."));
            }
            SourceColumn column = source.get(sourceName.toLowerCase(Locale.ROOT));
            if (column == null) {
                throw new IllegalStateException("Column " + entity.source().table() + "." + declared
                        + " (mirror entity " + entity.name() + ") is no longer in the source table; a dropped column"
                        + " stops the entity: "
                        + (all
                                ? "the next page is read without it and the loader refuses every batch that lacks a"
                                        + " column raw." + entity.name() + " has (docs/runbook.md, Mirror drift), or"
                                        + " restore it in the source."
                                : "take it out of columns in the entity catalog file (the warehouse keeps it,"
                                        + " docs/runbook.md, Mirror drift), or restore it in the source."));
            }
            if (column.type() == null) {
                throw new IllegalStateException("Column " + entity.source().table() + "." + declared
                        + " (mirror entity " + entity.name() + ") is of type " + column.dataType() + ", which mirror"
                        + " tables do not carry (docs/data-contract.md, Mirror tables); "
                        + (all
                                ? "list the columns to carry in the entity's columns in the entity catalog file,"
                                        + " without it, or change its type in the source."
                                : "take it out of columns in the entity catalog file, or change its type in the"
                                        + " source."));
            }
            typed.add(new ChangeBatch.Column(declared, column.type().neutral()));
        }
        return typed;
    }

    /**
     * Up to {@code maxRows} rows of the range, in change order (version, then key), all below the capture
     * bound read just before, in a statement of its own (see {@link CaptureDialect}).
     */
    public List<ChangeBatch.Row> page(EntityDefinition entity, CaptureRange range, int maxRows) {
        if (!carryingAll.test(entity.name())) {
            return read(entity, range, maxRows);
        }
        List<String> columns = carried.get(entity.name());
        if (columns == null) {
            columns = currentColumns(entity);
        }
        List<ChangeBatch.Row> rows;
        try {
            rows = read(asCarried(entity, columns), range, maxRows);
        } catch (RuntimeException e) {
            // A column dropped since the latest read of the catalog fails the query: read the table as it is now,
            // once. The batch then lacks the column, and the loader refuses it (docs/adr/0015-mirror-tables.md).
            List<String> now = currentColumns(entity);
            if (now.equals(columns)) {
                throw e;
            }
            return read(asCarried(entity, now), range, maxRows);
        }
        if (rows.isEmpty()) {
            return rows; // an idle entity costs no catalog query
        }
        // A column added since the latest read of the catalog: read the page again with it, so that the rows
        // changed after it was added carry its values from this batch on.
        List<String> now = currentColumns(entity);
        return now.equals(columns) ? rows : read(asCarried(entity, now), range, maxRows);
    }

    /** The columns an entity that carries every column of its table carries now; its next page reads them. */
    private List<String> currentColumns(EntityDefinition entity) {
        List<String> columns = carried(entity, sourceColumns(entity));
        carried.put(entity.name(), columns);
        return columns;
    }

    /**
     * The entity with {@code columns} (its key first, named as the source spells them) as its own: what the
     * page query of an entity that carries every column of its table selects. The source's table, key,
     * change-order column and tombstone table stay as mapped.
     */
    static EntityDefinition asCarried(EntityDefinition entity, List<String> columns) {
        SourceMapping source = entity.source();
        Map<String, String> mapped = new LinkedHashMap<>();
        columns.forEach(c -> mapped.put(c, c.equals(entity.keyColumn()) ? source.keyColumn() : c));
        return new EntityDefinition(
                entity.name(),
                entity.table(),
                entity.keyColumn(),
                columns,
                entity.changeOrderColumn(),
                entity.tombstoneTable(),
                entity.references(),
                new SourceMapping(
                        source.table(),
                        source.keyColumn(),
                        mapped,
                        source.changeOrderColumn(),
                        source.tombstoneTable(),
                        source.tombstoneColumns()));
    }

    private List<ChangeBatch.Row> read(EntityDefinition entity, CaptureRange range, int maxRows) {
        String sql = queries.computeIfAbsent(
                entity.name() + "|" + range.windowColumn() + "|" + entity.columns(),
                k -> dialect.capturePage(entity, range.windowColumn()));
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
            boolean mirror = mirrored.test(entity.name());
            return readOnly.execute(status ->
                    jdbc.query(sql, params, (ResultSetExtractor<List<ChangeBatch.Row>>) rs -> toRows(rs, mirror)));
        } catch (RuntimeException e) {
            // A column dropped from a mirror entity's source table fails the capture query: say which one
            // ({@link #columns} names it), else the query's own error. (An entity that carries every column
            // reads the table again instead: page.)
            if (!carryingAll.test(entity.name())) {
                columns(entity);
            }
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
     *
     * @param mirror a mirror entity's page, whose instants stay instants ({@link ColumnValue#of})
     */
    private static List<ChangeBatch.Row> toRows(ResultSet rs, boolean mirror) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        String[] names = new String[meta.getColumnCount() - FIRST_DATA_COLUMN + 1];
        ColumnValue[] reads = new ColumnValue[names.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = meta.getColumnLabel(FIRST_DATA_COLUMN + i);
            reads[i] = ColumnValue.of(meta.getColumnTypeName(FIRST_DATA_COLUMN + i), mirror);
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
                    values[i] = reads[i] == null
                            ? jsonValue(rs.getObject(FIRST_DATA_COLUMN + i))
                            : reads[i].read(rs, FIRST_DATA_COLUMN + i);
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
