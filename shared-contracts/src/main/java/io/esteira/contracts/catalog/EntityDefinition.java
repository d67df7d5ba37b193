package io.esteira.contracts.catalog;

import io.esteira.contracts.Identifiers;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One replicated OLTP table: the entity name used in queues, control tables and batches, and where
 * its rows live. Every name is a plain identifier ({@link Identifiers#PLAIN}), so dialects can quote it
 * safely.
 *
 * @param name entity name, e.g. {@code orders}
 * @param table source table, schema-qualified, e.g. {@code core.orders}
 * @param keyColumn the bigint primary key, e.g. {@code order_id}; one of {@code columns}
 * @param columns the columns a change batch carries, key first; not {@code row_version}, which travels as
 *     the row's version
 */
public record EntityDefinition(String name, String table, String keyColumn, List<String> columns) {

    public EntityDefinition {
        Identifiers.requirePlain(name, "Entity name");
        Identifiers.requireQualified(table, "Table of entity " + name);
        Identifiers.requirePlain(keyColumn, "Key column of entity " + name);
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
