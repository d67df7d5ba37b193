package io.esteira.quality.check;

import io.esteira.quality.config.QualityProperties.CheckProperties;
import java.math.BigDecimal;
import java.sql.Types;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Builds the generic column tests ({@code not-null}, {@code unique}, {@code accepted-values},
 * {@code range}, {@code relationships}) from their one-line configuration: resolves table and columns
 * against the catalog of the database they read, and prepares their SQL there.
 */
final class ColumnTestFactory {

    private final Database oltp;
    private final Database dw;

    ColumnTestFactory(Database oltp, Database dw) {
        this.oltp = oltp;
        this.dw = dw;
    }

    ColumnTestCheck create(CheckDefinition definition, CheckProperties p) {
        CheckKind kind = definition.kind();
        Database database = database(p.database());
        if (p.table() == null || p.table().isBlank()) {
            throw new IllegalArgumentException("table is not set; name the tested table, e.g. fact.fact_vendas.");
        }
        if (p.column() == null || p.column().isBlank()) {
            throw new IllegalArgumentException("column is not set; name the tested column of " + p.table() + ".");
        }
        Catalog catalog = database.catalog();
        Catalog.Table table = catalog.table(p.table(), "table");
        String column = catalog.requireColumn(table, p.column(), "column");
        String key = catalog.primaryKey(table).stream().findFirst().orElse(column);
        Catalog.Table parent = null;
        String parentColumn = null;
        Map<String, Object> parameters = new HashMap<>();
        String expectation;
        switch (kind) {
            case NOT_NULL -> expectation = "must not be null";
            case UNIQUE -> expectation = "must be unique";
            case ACCEPTED_VALUES -> {
                if (p.values().isEmpty() || p.values().stream().anyMatch(v -> v == null)) {
                    throw new IllegalArgumentException(
                            "values is empty; list the accepted values, e.g. values: [placed, paid, shipped].");
                }
                parameters.put("accepted", p.values());
                expectation = "must be one of " + p.values();
            }
            case RANGE -> {
                if (p.min() == null && p.max() == null) {
                    throw new IllegalArgumentException("min and max are both unset; give at least one bound.");
                }
                if (p.min() != null && p.max() != null && p.min().compareTo(p.max()) > 0) {
                    throw new IllegalArgumentException(
                            "min (" + p.min() + ") is above max (" + p.max() + "); swap them.");
                }
                parameters.put("min", new SqlParameterValue(Types.NUMERIC, p.min()));
                parameters.put("max", new SqlParameterValue(Types.NUMERIC, p.max()));
                expectation = "must be " + bounds(p.min(), p.max());
            }
            case RELATIONSHIPS -> {
                if (p.to() == null || p.to().isBlank()) {
                    throw new IllegalArgumentException(
                            "to is not set; name the parent table the column references, e.g. core.orders.");
                }
                parent = catalog.table(p.to(), "parent table (to)");
                parentColumn = catalog.requireColumn(parent, p.field() == null ? column : p.field(), "field");
                expectation = "must exist in " + parent + "." + parentColumn;
            }
            default -> throw new IllegalStateException(kind.id() + " is not a column test.");
        }
        ColumnTest test = new ColumnTest(kind, table, column, key, parent, parentColumn);
        ColumnTestCheck check =
                new ColumnTestCheck(definition, database, test, parameters, expectation, CheckFactory.threshold(p));
        check.statements().forEach(database::prepare);
        return check;
    }

    private Database database(String database) {
        return switch (database.toLowerCase(Locale.ROOT)) {
            case "dw" -> dw;
            case "oltp" -> oltp;
            default -> throw new IllegalArgumentException("database '" + database + "' is unknown; use dw or oltp.");
        };
    }

    private static String bounds(BigDecimal min, BigDecimal max) {
        if (min == null) {
            return "at most " + max.toPlainString();
        }
        return max == null
                ? "at least " + min.toPlainString()
                : "between " + min.toPlainString() + " and " + max.toPlainString();
    }
}
