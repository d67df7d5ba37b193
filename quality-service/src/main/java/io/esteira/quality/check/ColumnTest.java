package io.esteira.quality.check;

import io.esteira.quality.dialect.QualityDialect;
import java.util.HashMap;
import java.util.Map;

/**
 * What a generic column test (dbt's not_null, unique, accepted_values, relationships and Soda's ranges)
 * looks at, with every name resolved against the catalog and quoted, and its SQL rendered per vendor.
 * Every test lists its failing rows as {@code (row_key, tested_value)}.
 *
 * @param kind which test
 * @param table the tested table, as the catalog stores it
 * @param column the tested column, as stored
 * @param key the column that names a failing row in samples: the first primary-key column, else {@code column}
 * @param parent relationships only: the referenced table (else null)
 * @param parentColumn relationships only: the referenced column (else null)
 */
public record ColumnTest(
        CheckKind kind, Catalog.Table table, String column, String key, Catalog.Table parent, String parentColumn) {

    /** The statement that lists the failing rows, in {@code dialect}'s SQL. */
    public String sql(QualityDialect dialect) {
        Map<String, String> names = new HashMap<>();
        names.put("table", quote(dialect, table));
        names.put("column", dialect.quoteIdentifier(column));
        names.put("key", dialect.quoteIdentifier(key));
        if (kind == CheckKind.RELATIONSHIPS) {
            names.put("parent", quote(dialect, parent));
            names.put("parent_column", dialect.quoteIdentifier(parentColumn));
        }
        return dialect.sql("column-" + kind.id(), names);
    }

    /** How many rows fail. */
    public String countSql(QualityDialect dialect) {
        return "SELECT COUNT(*) FROM (" + sql(dialect) + ") failing";
    }

    /** The failing rows, duplicates side by side, for the sample. */
    public String sampleSql(QualityDialect dialect) {
        return sql(dialect) + " ORDER BY tested_value, row_key";
    }

    /** One failing row as the sample shows it: {@code core.orders.status=lost (order_id=7)}. */
    String describe(String rowKey, String value) {
        String row = table + "." + column + "=" + value + (key.equals(column) ? "" : " (" + key + "=" + rowKey + ")");
        return switch (kind) {
            case UNIQUE -> row + ": value not unique";
            case RELATIONSHIPS -> row + ": no row in " + parent + " with " + parentColumn + "=" + value;
            default -> row;
        };
    }

    private static String quote(QualityDialect dialect, Catalog.Table table) {
        return dialect.quoteIdentifier(table.schema()) + "." + dialect.quoteIdentifier(table.name());
    }
}
