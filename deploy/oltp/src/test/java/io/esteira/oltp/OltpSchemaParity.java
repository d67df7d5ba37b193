package io.esteira.oltp;

import io.esteira.contracts.schema.Descriptions;
import io.esteira.contracts.schema.SchemaPlaceholders;
import io.esteira.embedded.schema.DeclaredSchema;
import io.esteira.embedded.schema.SqlServerDescriptions;
import io.esteira.embedded.schema.SqlServerScripts;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The two sides that {@link OltpSchemaParityIT} compares: the OLTP reference schema as a migrated
 * PostgreSQL declares it, and as the SQL Server scripts declare it ({@link SqlServerScripts}: {@code
 * db/oltp/common} rendered for SQL Server, then {@code db/oltp/sqlserver}).
 *
 * <p>Left out, each for a reason: {@code core.flyway_schema_history} is Flyway's; {@code
 * core.capture_guard} exists on SQL Server only, on purpose: its foreign keys make SQL Server refuse a
 * TRUNCATE of a captured table, which PostgreSQL refuses with a trigger instead (V2__capture_triggers).
 */
final class OltpSchemaParity {

    static final String ROOT = "db/oltp";
    static final String FLYWAY_HISTORY = OltpSchema.SCHEMA + "." + OltpSchema.HISTORY_TABLE;
    static final String SQL_SERVER_ONLY = OltpSchema.SCHEMA + ".capture_guard";

    private OltpSchemaParity() {}

    /** What a migrated PostgreSQL OLTP declares in schema core, Flyway's history left out. */
    static DeclaredSchema postgresql(DataSource dataSource) throws SQLException {
        return DeclaredSchema.ofPostgres(dataSource, List.of(OltpSchema.SCHEMA), FLYWAY_HISTORY::equals);
    }

    /** The OLTP's SQL Server scripts, rendered, in version order. */
    static List<SqlServerScripts.Script> sqlServerScripts() {
        return SqlServerScripts.ofMigrations(ROOT, SchemaPlaceholders.of("sqlserver"));
    }

    /** What {@code scripts} declare, the SQL Server-only capture guard left out. */
    static DeclaredSchema sqlServer(List<SqlServerScripts.Script> scripts) {
        DeclaredSchema declared = SqlServerScripts.declared(scripts);
        declared.tables.remove(SQL_SERVER_ONLY);
        return declared;
    }

    /**
     * What a migrated SQL Server OLTP describes: the scripts' own descriptions, then those of {@value
     * OltpSchema#DESCRIPTIONS}; the SQL Server-only capture guard left out.
     */
    static Set<String> sqlServerDescriptions() {
        Set<String> described = new TreeSet<>(SqlServerDescriptions.ofMigrations(ROOT));
        described.addAll(Descriptions.load(OltpSchema.DESCRIPTIONS).objects());
        described.removeIf(object ->
                object.startsWith("table " + SQL_SERVER_ONLY) || object.startsWith("column " + SQL_SERVER_ONLY + "."));
        return described;
    }
}
