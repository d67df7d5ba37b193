package io.esteira.contracts.catalog;

import io.esteira.contracts.Identifiers;
import io.esteira.contracts.dialect.SqlDialect;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where an entity's rows live in the source, by the source's own names: the one mapping every reader of
 * the OLTP uses (capture, its start-up check, the quality service's OLTP-side queries, the local tools).
 * The entity ({@link EntityDefinition}) keeps the contract names that batches, the warehouse and everything
 * downstream use; readers select {@code source AS contract}, so nothing after the extractor sees a source
 * name. For the reference schema, and for any entity declared with its source's names, the mapping is the
 * identity ({@link #identity}).
 *
 * @param table the source table, schema-qualified, e.g. {@code dbo.Clientes}
 * @param keyColumn the source's name of the key column, e.g. {@code IdCliente}
 * @param columns contract column → source column, for every contract column (the key first), in the
 *     entity's order
 * @param changeOrderColumn the source column capture orders changes by
 * @param tombstoneTable where the table's hard-delete trigger writes
 * @param tombstoneColumns the tombstone table's columns, {@link #TOMBSTONE_COLUMNS} → the source's names
 */
public record SourceMapping(
        String table,
        String keyColumn,
        Map<String, String> columns,
        String changeOrderColumn,
        String tombstoneTable,
        Map<String, String> tombstoneColumns) {

    /** The tombstone table's column that holds the table name, without its schema. */
    public static final String TOMBSTONE_TABLE_NAME = "table_name";

    /** The tombstone table's column that holds the deleted row's key. */
    public static final String TOMBSTONE_ROW_KEY = "row_key";

    /** The tombstone table's column that holds the deleting transaction's change order. */
    public static final String TOMBSTONE_ROW_VERSION = "row_version";

    /** The tombstone table's column that holds when the row was deleted (time-window replays). */
    public static final String TOMBSTONE_DELETED_AT = "deleted_at";

    /** The columns capture reads from a tombstone table, by their reference names. */
    public static final List<String> TOMBSTONE_COLUMNS =
            List.of(TOMBSTONE_TABLE_NAME, TOMBSTONE_ROW_KEY, TOMBSTONE_ROW_VERSION, TOMBSTONE_DELETED_AT);

    public SourceMapping {
        Identifiers.requireQualified(table, "Source table");
        Identifiers.requirePlain(keyColumn, "Source key column of " + table);
        Identifiers.requirePlain(changeOrderColumn, "Source change-order column of " + table);
        Identifiers.requireQualified(tombstoneTable, "Tombstone table of " + table);
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("Source table " + table + " maps no columns; map at least its key.");
        }
        Set<String> sourceNames = new HashSet<>();
        Map<String, String> mapped = new LinkedHashMap<>();
        columns.forEach((contract, source) -> {
            Identifiers.requirePlain(contract, "Column of " + table);
            Identifiers.requirePlain(source, "Source column of " + table + " for " + contract);
            if (!sourceNames.add(source.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Source column " + table + "." + source
                        + " is mapped from two columns; map each column onto its own source column.");
            }
            mapped.put(contract, source);
        });
        if (!mapped.containsValue(keyColumn)) {
            throw new IllegalArgumentException("Source key column " + table + "." + keyColumn
                    + " is not among the mapped columns; map the key column onto it.");
        }
        if (sourceNames.contains(changeOrderColumn.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Source change-order column " + table + "." + changeOrderColumn
                    + " is mapped from a column; it travels as each row's version, so map no column onto it.");
        }
        columns = Collections.unmodifiableMap(mapped);
        Map<String, String> tombstone = new LinkedHashMap<>();
        for (String column : TOMBSTONE_COLUMNS) {
            String source = tombstoneColumns == null ? null : tombstoneColumns.get(column);
            tombstone.put(
                    column,
                    Identifiers.requirePlain(
                            source == null ? column : source, "Tombstone column " + column + " of " + tombstoneTable));
        }
        if (tombstoneColumns != null) {
            tombstoneColumns.keySet().forEach(column -> {
                if (!TOMBSTONE_COLUMNS.contains(column)) {
                    throw new IllegalArgumentException("Tombstone column " + column + " of " + tombstoneTable
                            + " is not one capture reads; map only " + String.join(", ", TOMBSTONE_COLUMNS) + ".");
                }
            });
        }
        tombstoneColumns = Collections.unmodifiableMap(tombstone);
    }

    /** The source under the contract's names: every column as it is called, the reference tombstone columns. */
    public static SourceMapping identity(
            String table, String keyColumn, List<String> columns, String changeOrderColumn, String tombstoneTable) {
        Map<String, String> same = new LinkedHashMap<>();
        columns.forEach(column -> same.put(column, column));
        return new SourceMapping(table, keyColumn, same, changeOrderColumn, tombstoneTable, Map.of());
    }

    /**
     * The source's name of a contract column.
     *
     * @throws IllegalArgumentException naming the mapped columns when {@code contractColumn} is not one
     */
    public String column(String contractColumn) {
        String source = columns.get(contractColumn);
        if (source == null) {
            throw new IllegalArgumentException("Column '" + contractColumn + "' is not a column of " + table
                    + "; use one of " + String.join(", ", columns.keySet()) + ".");
        }
        return source;
    }

    /**
     * The source's name of a tombstone column.
     *
     * @param column one of {@link #TOMBSTONE_COLUMNS}
     */
    public String tombstoneColumn(String column) {
        String source = tombstoneColumns.get(column);
        if (source == null) {
            throw new IllegalArgumentException("'" + column + "' is not a tombstone column; use one of "
                    + String.join(", ", TOMBSTONE_COLUMNS) + ".");
        }
        return source;
    }

    /** True when every name is the contract's (the reference schema's case). */
    public boolean isIdentityOf(EntityDefinition entity) {
        return table.equals(entity.table())
                && columns.entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue()))
                && tombstoneColumns.entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue()));
    }

    /**
     * The source table under the contract's names, for a reader that writes its query in contract names
     * ({@code FROM <this> o}): the quoted table itself when the mapping is the identity, else a derived
     * table that selects each source column as its contract column, and the change-order column as {@value
     * EntityDefinition#DEFAULT_CHANGE_ORDER_COLUMN}. Both vendors fold such a derived table into the outer
     * query, so it reads the table's own indexes.
     */
    public String asContract(SqlDialect sql) {
        boolean same = columns.entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue()))
                && changeOrderColumn.equals(EntityDefinition.DEFAULT_CHANGE_ORDER_COLUMN);
        if (same) {
            return sql.quoteQualifiedName(table);
        }
        Map<String, String> selected = new LinkedHashMap<>(columns);
        selected.put(EntityDefinition.DEFAULT_CHANGE_ORDER_COLUMN, changeOrderColumn);
        return derived(sql, selected, table);
    }

    /**
     * The tombstone table under the reference names ({@link #TOMBSTONE_COLUMNS}), as {@link
     * #asContract} does for the table.
     */
    public String tombstonesAsContract(SqlDialect sql) {
        if (tombstoneColumns.entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue()))) {
            return sql.quoteQualifiedName(tombstoneTable);
        }
        return derived(sql, tombstoneColumns, tombstoneTable);
    }

    private static String derived(SqlDialect sql, Map<String, String> contractToSource, String table) {
        return contractToSource.entrySet().stream()
                .map(e -> sql.quoteIdentifier(e.getValue()) + " AS " + sql.quoteIdentifier(e.getKey()))
                .collect(Collectors.joining(", ", "(SELECT ", " FROM " + sql.quoteQualifiedName(table) + ")"));
    }

    /** The schema part of {@link #table()}, or null when the table is not qualified. */
    public String tableSchema() {
        return schemaOf(table);
    }

    /** {@link #table()} without its schema: what the tombstone table's {@code table_name} holds. */
    public String tableName() {
        return nameOf(table);
    }

    /** The schema part of {@link #tombstoneTable()}, or null when it is not qualified. */
    public String tombstoneTableSchema() {
        return schemaOf(tombstoneTable);
    }

    /** {@link #tombstoneTable()} without its schema. */
    public String tombstoneTableName() {
        return nameOf(tombstoneTable);
    }

    private static String schemaOf(String qualified) {
        int dot = qualified.indexOf('.');
        return dot < 0 ? null : qualified.substring(0, dot);
    }

    private static String nameOf(String qualified) {
        return qualified.substring(qualified.indexOf('.') + 1);
    }
}
