package io.esteira.quality.dialect;

import io.esteira.contracts.dialect.SqlDialect;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.contracts.sql.SqlResources;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The vendor-specific SQL of the quality service. Statements live in {@code sql/<vendor>/<name>.sql};
 * a statement that every vendor writes the same way lives once in {@code sql/ansi/<name>.sql}. A
 * template names configured identifiers as {@code {placeholder}}; they are filled only with names
 * that were resolved against the catalog and quoted ({@link #quoteIdentifier}), never with values,
 * which are always bind parameters. {@link SqlResources} reads and renders them.
 */
public final class QualityDialect implements SqlDialect {

    private final Vendor vendor;
    private final SqlResources resources;

    public QualityDialect(Vendor vendor) {
        this.vendor = vendor;
        this.resources = SqlResources.in("sql/" + vendor.id(), "sql/ansi");
    }

    /** The dialect of the database behind {@code dataSource}, from its JDBC URL. */
    public static QualityDialect of(DataSource dataSource, String role) {
        try (Connection connection = dataSource.getConnection()) {
            return new QualityDialect(
                    SqlDialect.vendorOf(connection.getMetaData().getURL()));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot read the JDBC URL of the " + role + " database: " + e.getMessage() + ". Check esteira."
                            + role + ".url.",
                    e);
        }
    }

    @Override
    public Vendor vendor() {
        return vendor;
    }

    /** The statement {@code name} with no placeholders. */
    public String sql(String name) {
        return sql(name, Map.of());
    }

    /**
     * The statement {@code name} with each {@code {placeholder}} replaced by {@code identifiers}' value,
     * which must already be quoted.
     *
     * @throws IllegalStateException when the statement does not exist or a placeholder has no value
     */
    public String sql(String name, Map<String, String> identifiers) {
        return resources.statement(name, identifiers);
    }
}
