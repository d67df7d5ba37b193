package io.esteira.loader.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the loader needs of a SQL Server warehouse database, checked before it migrates or applies anything
 * (docs/operations.md, "SQL Server prerequisites").
 *
 * <ul>
 *   <li><b>READ_COMMITTED_SNAPSHOT on.</b> A batch writes and merges its entity's staging rows before it
 *       takes the derive lock; the lock holder's derivations read the staging tables of other entities.
 *       Under locking read committed that read waits for the first batch's write locks while the first
 *       batch waits for the lock: a deadlock (error 1205) on every busy initial load, five attempts, then
 *       the DLQ. Under RCSI those reads see the last committed version and wait for nobody. (Foreign-key
 *       checks still lock, but the facts reference only dimensions, which only the lock holder writes.)
 *   <li><b>SQL Server 2022 (16.x) or Azure SQL.</b> The apply SQL uses {@code IS DISTINCT FROM}, which
 *       earlier versions reject.
 * </ul>
 */
final class SqlServerWarehouse {

    static final String SETTINGS =
            """
            SELECT DB_NAME(), d.is_read_committed_snapshot_on,
                   CAST(SERVERPROPERTY('ProductMajorVersion') AS int), CAST(SERVERPROPERTY('EngineEdition') AS int)
            FROM sys.databases d
            WHERE d.database_id = DB_ID()""";

    /** {@code SERVERPROPERTY('EngineEdition')} of Azure SQL Database and Managed Instance (versioned apart). */
    private static final List<Integer> AZURE_EDITIONS = List.of(5, 8);

    private static final int SQL_SERVER_2022 = 16;

    private SqlServerWarehouse() {}

    /** Refuses a database the loader cannot run on, naming what is wrong and the statement that fixes it. */
    static void requireUsable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(SETTINGS)) {
            if (!rs.next()) {
                throw new IllegalStateException("SQL Server returned no row for the warehouse database in"
                        + " sys.databases; grant the loader's login VIEW DEFINITION or check esteira.dw.url.");
            }
            String database = rs.getString(1);
            boolean readCommittedSnapshot = rs.getBoolean(2);
            int majorVersion = rs.getInt(3);
            int engineEdition = rs.getInt(4);
            List<String> problems = new ArrayList<>();
            if (!readCommittedSnapshot) {
                problems.add("it runs without READ_COMMITTED_SNAPSHOT, so loaders of different entities deadlock"
                        + " (error 1205) and send batches to the DLQ; run once, as a login with ALTER DATABASE:"
                        + " ALTER DATABASE " + bracketed(database)
                        + " SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;");
            }
            if (majorVersion < SQL_SERVER_2022 && !AZURE_EDITIONS.contains(engineEdition)) {
                problems.add("its server is SQL Server " + majorVersion + ".x, and the loader's SQL needs SQL Server"
                        + " 2022 (16.x) or Azure SQL (IS DISTINCT FROM); point esteira.dw.url at a 2022 server");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("The SQL Server warehouse database " + database
                        + " at esteira.dw.url cannot be loaded: " + String.join("; and ", problems)
                        + " (docs/operations.md, SQL Server prerequisites).");
            }
        }
    }

    private static String bracketed(String name) {
        return "[" + name.replace("]", "]]") + "]";
    }
}
