package io.esteira.oltp;

import io.esteira.contracts.schema.SchemaPlaceholders;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Installs and upgrades the OLTP reference schema {@code core.*} with Flyway, recorded in {@code
 * core.flyway_schema_history} so that they never mix with the warehouse's migrations in the same database.
 * As the warehouse's (docs/adr/0013-schema-written-once.md): tables, keys and indexes written once for both
 * vendors in {@code db/oltp/common}, rendered by {@link SchemaPlaceholders}; what really differs (the
 * capture triggers) in {@code db/oltp/<vendor>}; the descriptions of every table and column in {@value
 * #DESCRIPTIONS}, applied by the repeatable {@code R__describe_objects}.
 */
public final class OltpSchema {

    public static final String SCHEMA = "core";
    public static final String HISTORY_TABLE = "flyway_schema_history";

    /** The vendor's own migrations, then those written once for both; {@code {vendor}} is the dialect's folder. */
    public static final String LOCATIONS = "classpath:db/oltp/{vendor},classpath:db/oltp/common";

    /** The descriptions of every schema, table and column, applied on both vendors by {@code R__describe_objects}. */
    public static final String DESCRIPTIONS = "db/oltp/descriptions.yml";

    private OltpSchema() {}

    /**
     * Applies the pending migrations; on an up-to-date schema it does nothing.
     *
     * @return how many migrations ran (0 when the schema was current)
     */
    public static int migrate(DataSource dataSource) {
        Flyway flyway = flyway(dataSource);
        try {
            return flyway.migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new OltpException(
                    "Migrating the OLTP schema core failed: " + OltpException.quote(e)
                            + ". Fix the database (or point --url at an empty one) and run init again.",
                    e);
        }
    }

    /** True when the schema's migrations have been applied and none is pending. */
    public static boolean isCurrent(DataSource dataSource) {
        Flyway flyway = flyway(dataSource);
        try {
            MigrationInfo[] pending = flyway.info().pending();
            return flyway.info().current() != null && pending.length == 0;
        } catch (FlywayException e) {
            throw new OltpException(
                    "Reading the OLTP schema history core." + HISTORY_TABLE + " failed: " + OltpException.quote(e)
                            + ". Check that the database is reachable.",
                    e);
        }
    }

    private static Flyway flyway(DataSource dataSource) {
        OltpDialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            dialect = OltpDialect.of(connection);
        } catch (SQLException e) {
            throw new OltpException(
                    "Cannot connect to the OLTP database: " + OltpException.quote(e)
                            + ". Check the URL, user and password.",
                    e);
        }
        return Flyway.configure(OltpSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATIONS.replace("{vendor}", dialect.folder()).split(","))
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .table(HISTORY_TABLE)
                .placeholders(SchemaPlaceholders.of(dialect.folder()))
                .failOnMissingLocations(true)
                .load();
    }
}
