package io.esteira.loader.schema;

import io.esteira.contracts.schema.SchemaPlaceholders;
import io.esteira.embedded.schema.DeclaredSchema;
import io.esteira.embedded.schema.MigrationScripts;
import io.esteira.embedded.schema.SqlServerScripts;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** The migrations a vendor ships (SQL scripts, versioned and repeatable Java migrations), as built into target/classes. */
final class Migrations {

    private static final String ROOT = "db/dw";

    private Migrations() {}

    /** How many migrations Flyway applies to an empty warehouse of {@code vendor}: its own and the common ones. */
    static int applied(String vendor) {
        return of(vendor).size() + of("common").size();
    }

    /** File names under {@code db/dw/<folder>} ({@code postgresql}, {@code sqlserver} or {@code common}), sorted. */
    static List<String> of(String vendor) {
        return MigrationScripts.of(ROOT, vendor);
    }

    /** The warehouse's SQL Server scripts, rendered with the default calendar, in version order. */
    static List<SqlServerScripts.Script> sqlServerScripts() {
        return SqlServerScripts.ofMigrations(
                ROOT, SchemaPlaceholders.with(CalendarRange.DEFAULT.placeholders(), "sqlserver"));
    }

    /**
     * What a migrated PostgreSQL warehouse declares in {@link DwSchema#SCHEMAS}; Flyway's history and
     * Quartz's job store ({@code ctl.qrtz_*}, created by a Java migration) left out.
     */
    static DeclaredSchema declaredOnPostgres(DataSource dataSource) throws SQLException {
        return DeclaredSchema.ofPostgres(
                dataSource,
                DwSchema.SCHEMAS,
                table -> table.equals(DataDictionary.FLYWAY_HISTORY) || table.startsWith("ctl.qrtz_"));
    }
}
