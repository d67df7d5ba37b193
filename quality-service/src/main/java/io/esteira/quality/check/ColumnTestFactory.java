package io.esteira.quality.check;

import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.catalog.SourceMapping;
import io.esteira.quality.config.QualityProperties.CheckProperties;
import java.math.BigDecimal;
import java.sql.Types;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Builds the generic column tests ({@code not-null}, {@code unique}, {@code accepted-values},
 * {@code range}, {@code relationships}) from their one-line configuration: resolves table and columns
 * against the catalog of the database they read, and prepares their SQL there. On the OLTP, a table named
 * as an entity's contract table ({@code core.orders}) is read where the entity's mapping puts it ({@link
 * SourceMapping}): its source table and the source's names of the column and the parent's field, so the
 * shipped tests keep working on a source with its own names.
 */
final class ColumnTestFactory {

    private final Database oltp;
    private final Database dw;
    private final EntityCatalog entities;

    ColumnTestFactory(Database oltp, Database dw, EntityCatalog entities) {
        this.oltp = oltp;
        this.dw = dw;
        this.entities = entities;
    }

    /** The mapping of the entity whose contract table {@code table} names, when the test reads the OLTP. */
    private Optional<SourceMapping> mapping(Database database, String table) {
        if (database != oltp || table == null) {
            return Optional.empty();
        }
        return entities.loadOrder().stream()
                .filter(e -> e.table().equalsIgnoreCase(table))
                .map(EntityDefinition::source)
                .findFirst();
    }

    private static String sourceColumn(Optional<SourceMapping> mapping, String column) {
        return mapping.map(m -> m.columns().getOrDefault(column, column)).orElse(column);
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
        Optional<SourceMapping> mapping = mapping(database, p.table());
        Catalog.Table table = catalog.table(mapping.map(SourceMapping::table).orElse(p.table()), "table");
        String column = catalog.requireColumn(table, sourceColumn(mapping, p.column()), "column");
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
                Optional<SourceMapping> parentMapping = mapping(database, p.to());
                parent = catalog.table(parentMapping.map(SourceMapping::table).orElse(p.to()), "parent table (to)");
                parentColumn = catalog.requireColumn(
                        parent, sourceColumn(parentMapping, p.field() == null ? p.column() : p.field()), "field");
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
