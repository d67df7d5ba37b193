package io.esteira.loader.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the loader needs of a PostgreSQL warehouse database, checked before it migrates or applies anything
 * (docs/operations.md, "PostgreSQL prerequisites"): <b>PostgreSQL 15 or later</b>. The dimensions' SCD1 and
 * SCD2 steps are {@code MERGE} statements (apply/ansi/scd1.sql, scd2.sql), which PostgreSQL has since 15. An
 * older server would take the migrations and start, and then fail every derive pass on its first dimension:
 * the deriver would isolate and park every key one by one instead of the loader refusing to start.
 */
final class PostgresWarehouse {

    static final String SETTINGS =
            "SELECT current_database(), current_setting('server_version_num')::int, current_setting('server_version')";

    static final int POSTGRESQL_15 = 150_000;

    private PostgresWarehouse() {}

    /** Refuses a database the loader cannot run on, naming what is wrong and what to do. */
    static void requireUsable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(SETTINGS)) {
            if (!rs.next()) {
                throw new IllegalStateException(
                        "PostgreSQL returned no row for the warehouse's settings; check" + " esteira.dw.url.");
            }
            String database = rs.getString(1);
            int versionNum = rs.getInt(2);
            String version = rs.getString(3);
            if (versionNum < POSTGRESQL_15) {
                throw new IllegalArgumentException("The PostgreSQL warehouse database " + database
                        + " at esteira.dw.url cannot be loaded: its server is PostgreSQL " + version
                        + ", and the loader's SQL needs PostgreSQL 15 or later (MERGE, in the dimensions' SCD"
                        + " steps); point esteira.dw.url at a PostgreSQL 15+ server (docs/operations.md,"
                        + " PostgreSQL prerequisites).");
            }
        }
    }
}
