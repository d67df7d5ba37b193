package io.esteira.contracts.catalog;

import io.esteira.contracts.Identifiers;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One replicated OLTP table: the entity name used in queues, control tables and batches, and where
 * its rows live. Every name is a plain identifier ({@link Identifiers#PLAIN}), so dialects can quote it
 * safely. Declared in the catalog file ({@link EntityCatalogFile}).
 *
 * @param name entity name, e.g. {@code orders}
 * @param table the contract's table, schema-qualified, e.g. {@code core.orders}: its name in the reference
 *     schema, what batches name as their source table; the source's own is {@link SourceMapping#table()}
 * @param keyColumn the bigint primary key, e.g. {@code order_id}; one of {@code columns}
 * @param columns the columns a change batch carries (contract names), key first; not the change-order column, which
 *     travels as the row's version
 * @param changeOrderColumn the source column capture orders changes by: a trigger-stamped {@code xid8} on
 *     PostgreSQL, a {@code rowversion} on SQL Server ({@code row_version} in the reference schema)
 * @param tombstoneTable where the source table's hard-delete trigger writes ({@code table_name}, {@code row_key},
 *     {@code row_version}), e.g. {@code core.deleted_rows}
 * @param references the columns that hold another entity's key, column → entity (the entity itself for a
 *     hierarchy such as {@code categories.parent_id}), in declaration order
 * @param source where the rows live in the source, by the source's names ({@code table}, {@code keyColumn}
 *     and {@code columns} are the contract's); null: the identity mapping. Its change-order column and
 *     tombstone table are the two above, which only the source has
 */
public record EntityDefinition(
        String name,
        String table,
        String keyColumn,
        List<String> columns,
        String changeOrderColumn,
        String tombstoneTable,
        Map<String, String> references,
        SourceMapping source) {

    /** The change-order column of the reference schema, and the default of the catalog file. */
    public static final String DEFAULT_CHANGE_ORDER_COLUMN = "row_version";

    /** The tombstone table's name in the entity table's schema, the default of the catalog file. */
    public static final String DEFAULT_TOMBSTONE_TABLE = "deleted_rows";

    public EntityDefinition {
        Identifiers.requirePlain(name, "Entity name");
        Identifiers.requireQualified(table, "Table of entity " + name);
        Identifiers.requirePlain(keyColumn, "Key column of entity " + name);
        Identifiers.requirePlain(changeOrderColumn, "Change-order column of entity " + name);
        Identifiers.requireQualified(tombstoneTable, "Tombstone table of entity " + name);
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("Entity " + name + " has no columns; list at least its key column.");
        }
        columns = List.copyOf(columns);
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            Identifiers.requirePlain(column, "Column of entity " + name);
            if (!seen.add(column)) {
                throw new IllegalArgumentException(
                        "Entity " + name + " lists column " + column + " twice; list each column once.");
            }
        }
        if (!seen.contains(keyColumn)) {
            throw new IllegalArgumentException("Entity " + name + " key column " + keyColumn
                    + " is not among its columns; add it to the column list.");
        }
        if (seen.contains(changeOrderColumn)) {
            throw new IllegalArgumentException("Entity " + name + " lists its change-order column " + changeOrderColumn
                    + " among its columns; take it out of the column list (it travels as each row's version).");
        }
        Map<String, String> referenced = new LinkedHashMap<>();
        if (references != null) {
            references.forEach((column, entity) -> {
                if (!seen.contains(column)) {
                    throw new IllegalArgumentException("Entity " + name + " references " + entity + " by column "
                            + column + ", which is not among its columns; add the column or remove the reference.");
                }
                referenced.put(column, Identifiers.requirePlain(entity, "Entity referenced by " + name + "." + column));
            });
        }
        references = Collections.unmodifiableMap(referenced);
        if (source == null) {
            source = SourceMapping.identity(table, keyColumn, columns, changeOrderColumn, tombstoneTable);
        } else if (!source.columns().keySet().equals(seen)
                || !source.column(keyColumn).equals(source.keyColumn())
                || !source.changeOrderColumn().equals(changeOrderColumn)
                || !source.tombstoneTable().equals(tombstoneTable)) {
            throw new IllegalArgumentException("Entity " + name + " maps columns " + source.columns()
                    + " onto its source, not its own columns " + columns + " (key " + keyColumn
                    + ", change order " + changeOrderColumn + ", tombstones " + tombstoneTable
                    + "); map exactly the entity's columns.");
        }
    }

    /** An entity whose source uses the contract's names ({@link SourceMapping#identity}). */
    public EntityDefinition(
            String name,
            String table,
            String keyColumn,
            List<String> columns,
            String changeOrderColumn,
            String tombstoneTable,
            Map<String, String> references) {
        this(name, table, keyColumn, columns, changeOrderColumn, tombstoneTable, references, null);
    }

    /**
     * An entity with the reference schema's change-order column ({@value #DEFAULT_CHANGE_ORDER_COLUMN}) and
     * tombstone table ({@value #DEFAULT_TOMBSTONE_TABLE} in the table's schema), referencing nothing.
     */
    public EntityDefinition(String name, String table, String keyColumn, List<String> columns) {
        this(name, table, keyColumn, columns, DEFAULT_CHANGE_ORDER_COLUMN, defaultTombstoneTable(table), Map.of());
    }

    /** {@value #DEFAULT_TOMBSTONE_TABLE} in the schema of {@code table} (unqualified when it is). */
    public static String defaultTombstoneTable(String table) {
        int dot = table == null ? -1 : table.indexOf('.');
        return dot < 0 ? DEFAULT_TOMBSTONE_TABLE : table.substring(0, dot + 1) + DEFAULT_TOMBSTONE_TABLE;
    }

    /** The schema part of {@link #table()}, or null when the table is not qualified. */
    public String tableSchema() {
        int dot = table.indexOf('.');
        return dot < 0 ? null : table.substring(0, dot);
    }

    /** {@link #table()} without its schema. */
    public String tableName() {
        return table.substring(table.indexOf('.') + 1);
    }
}
