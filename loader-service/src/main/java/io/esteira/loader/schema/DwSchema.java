package io.esteira.loader.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * The warehouse schema (docs/data-contract.md, "Warehouse"): Flyway migrations per vendor under
 * {@code db/dw/{postgresql,sqlserver,h2}}, with Flyway's history in {@code ctl.flyway_schema_history}.
 *
 * <p>The service migrates at start-up through Spring Boot with the same settings ({@code spring.flyway.*}
 * in {@code application.yml}; {@code DwSchemaTest} keeps both in step). This entry point is for tests and
 * the local stack:
 *
 * <pre>{@code
 * DwSchema.migrate(dataSource);
 * }</pre>
 *
 * <p>PostgreSQL is the reference dialect. H2 must be opened in PostgreSQL mode with lower-case names
 * ({@link #H2_SETTINGS}; {@code MODE} and {@code DATABASE_TO_LOWER} are required and checked): Flyway
 * creates the history schema quoted, {@code "ctl"}, which H2's default mode would not match, and the
 * names then read exactly as on PostgreSQL. The contract's columns {@code value}, {@code year} and
 * {@code month} are keywords in H2; {@code NON_KEYWORDS} lets SQL use them unquoted.
 */
public final class DwSchema {

    /** Spring Boot resolves {@code {vendor}} from the JDBC URL; {@link #flyway} does the same. */
    public static final String LOCATIONS = "classpath:db/dw/{vendor}";

    public static final String HISTORY_SCHEMA = "ctl";
    public static final String HISTORY_TABLE = "flyway_schema_history";

    /** What an H2 warehouse URL needs after its database name, e.g. {@code jdbc:h2:mem:dw;MODE=PostgreSQL;…}. */
    public static final String H2_SETTINGS =
            "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE,YEAR,MONTH";

    private static final String H2_REQUIRED_SETTINGS = "SELECT setting_name, setting_value"
            + " FROM information_schema.settings WHERE setting_name IN ('MODE', 'DATABASE_TO_LOWER')";

    /** The warehouse schemas, in the contract's order. */
    public static final List<String> SCHEMAS = List.of("dim", "fact", "stg", "ctl", "audit", "mart");

    private static final Set<DatabaseDriver> VENDORS =
            Set.of(DatabaseDriver.POSTGRESQL, DatabaseDriver.SQLSERVER, DatabaseDriver.H2);

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
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATIONS.replace("{vendor}", vendor(dataSource)))
                .schemas(HISTORY_SCHEMA)
                .table(HISTORY_TABLE)
                .placeholders(calendar.placeholders())
                .validateMigrationNaming(true)
                .load();
    }

    /**
     * {@code postgresql}, {@code sqlserver} or {@code h2}: the folder of the database's migrations. Refuses
     * another database, a SQL Server database without READ_COMMITTED_SNAPSHOT or older than 2022 ({@link
     * SqlServerWarehouse}), and an H2 database opened without {@code MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE}.
     */
    public static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseDriver driver =
                    DatabaseDriver.fromJdbcUrl(connection.getMetaData().getURL());
            if (!VENDORS.contains(driver)) {
                throw new IllegalArgumentException("The warehouse runs on "
                        + connection.getMetaData().getDatabaseProductName()
                        + ", which has no migrations; point esteira.dw.url at PostgreSQL, SQL Server or H2.");
            }
            if (driver == DatabaseDriver.H2) {
                requirePostgresqlModeWithLowerCaseNames(connection);
            }
            if (driver == DatabaseDriver.SQLSERVER) {
                SqlServerWarehouse.requireUsable(connection);
            }
            return driver.getId();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot connect to the warehouse to choose its migrations; check esteira.dw.url and its credentials.",
                    e);
        }
    }

    private static void requirePostgresqlModeWithLowerCaseNames(Connection connection) throws SQLException {
        Map<String, String> settings = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(H2_REQUIRED_SETTINGS)) {
            while (rs.next()) {
                settings.put(rs.getString(1), rs.getString(2));
            }
        }
        if (!"PostgreSQL".equalsIgnoreCase(settings.get("MODE"))
                || !"true".equalsIgnoreCase(settings.get("DATABASE_TO_LOWER"))) {
            throw new IllegalArgumentException("The H2 warehouse is open with MODE=" + settings.get("MODE")
                    + " and DATABASE_TO_LOWER=" + settings.get("DATABASE_TO_LOWER") + "; append ;" + H2_SETTINGS
                    + " to esteira.dw.url.");
        }
    }
}
