package io.esteira.loader.schema;

import io.esteira.contracts.schema.SchemaPlaceholders;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * The warehouse schema (docs/data-contract.md, "Warehouse"): Flyway migrations written once for both
 * vendors under {@code db/dw/common}, those that really differ under {@code db/dw/{postgresql,sqlserver}},
 * descriptions in {@value #DESCRIPTIONS}, with Flyway's history in {@code ctl.flyway_schema_history}.
 *
 * <p>The service migrates at start-up through Spring Boot with the same settings ({@code spring.flyway.*}
 * in {@code application.yml}; {@code DwSchemaTest} keeps both in step). This entry point is for tests and
 * the local stack:
 *
 * <pre>{@code
 * DwSchema.migrate(dataSource);
 * }</pre>
 *
 * <p>PostgreSQL is the reference dialect; SQL Server is the other vendor.
 */
public final class DwSchema {

    /**
     * The vendor's own migrations, then those written once for both ({@code db/dw/common}, rendered by
     * {@link SchemaPlaceholders}). Spring Boot resolves {@code {vendor}} from the JDBC URL; {@link #flyway}
     * does the same.
     */
    public static final String LOCATIONS = "classpath:db/dw/{vendor},classpath:db/dw/common";

    /**
     * The descriptions of every schema, table, view and column, applied on both vendors by {@code
     * R__describe_objects} ({@link io.esteira.contracts.schema.DescribeObjectsMigration}).
     */
    public static final String DESCRIPTIONS = "db/dw/descriptions.yml";

    public static final String HISTORY_SCHEMA = "ctl";
    public static final String HISTORY_TABLE = "flyway_schema_history";

    /** The warehouse schemas, in the contract's order. */
    public static final List<String> SCHEMAS = List.of("dim", "fact", "stg", "raw", "ctl", "audit", "mart");

    private static final Set<DatabaseDriver> VENDORS = Set.of(DatabaseDriver.POSTGRESQL, DatabaseDriver.SQLSERVER);

    private DwSchema() {}

    /** Migrates the warehouse with the default calendar ({@link CalendarRange#DEFAULT}). */
    public static MigrateResult migrate(DataSource dataSource) {
        return migrate(dataSource, CalendarRange.DEFAULT);
    }

    public static MigrateResult migrate(DataSource dataSource, CalendarRange calendar) {
        return flyway(dataSource, calendar).migrate();
    }

    /** A Flyway configured as the service configures it, for the vendor of {@code dataSource}. */
    public static Flyway flyway(DataSource dataSource, CalendarRange calendar) {
        String vendor = vendor(dataSource);
        var configuration = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATIONS.replace("{vendor}", vendor).split(","))
                .schemas(HISTORY_SCHEMA)
                .table(HISTORY_TABLE)
                .placeholders(SchemaPlaceholders.with(calendar.placeholders(), vendor))
                .validateMigrationNaming(true);
        if ("postgresql".equals(vendor)) {
            // PostgreSQL's NOTICEs (e.g. "schema ctl already exists, skipping" when Flyway created the
            // history schema before V1 runs CREATE SCHEMA IF NOT EXISTS) reach Flyway's log at WARN:
            // nothing to act on. Real warnings still come through.
            configuration.initSql("SET client_min_messages = warning");
        }
        return configuration.load();
    }

    /**
     * {@code postgresql} or {@code sqlserver}: the folder of the database's migrations. Refuses another
     * database, a SQL Server database without READ_COMMITTED_SNAPSHOT or older than 2022 ({@link
     * SqlServerWarehouse}), and a PostgreSQL server older than 15 ({@link PostgresWarehouse}).
     */
    public static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseDriver driver =
                    DatabaseDriver.fromJdbcUrl(connection.getMetaData().getURL());
            if (!VENDORS.contains(driver)) {
                throw new IllegalArgumentException("The warehouse runs on "
                        + connection.getMetaData().getDatabaseProductName()
                        + ", which has no migrations; point esteira.dw.url at PostgreSQL or SQL Server.");
            }
            if (driver == DatabaseDriver.SQLSERVER) {
                SqlServerWarehouse.requireUsable(connection);
            } else {
                PostgresWarehouse.requireUsable(connection);
            }
            return driver.getId();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot connect to the warehouse to choose its migrations; check esteira.dw.url and its credentials.",
                    e);
        }
    }
}
