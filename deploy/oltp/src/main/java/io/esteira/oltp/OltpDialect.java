package io.esteira.oltp;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What differs between the vendors for the OLTP tools: the migration folder, statistics, and
 * inserting explicit values into identity columns. Everything else the generator and the workload
 * write is standard SQL ({@code OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY}, JDBC booleans and
 * timestamps) that both accept.
 */
public enum OltpDialect {
    POSTGRESQL("postgresql") {
        @Override
        void restartIdentity(Connection connection, CoreTable table, long lastId) throws SQLException {
            try (PreparedStatement statement =
                    connection.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), ?, true)")) {
                statement.setString(1, table.qualifiedName());
                statement.setString(2, table.keyColumn());
                statement.setLong(3, lastId);
                statement.execute();
            }
        }

        @Override
        void analyze(Connection connection, CoreTable table) throws SQLException {
            execute(connection, "ANALYZE " + table.qualifiedName());
        }
    },

    SQLSERVER("sqlserver") {
        // IDENTITY_INSERT is per session and for one table at a time; SQL Server moves the identity
        // past the largest explicit value by itself, so there is nothing to restart.
        @Override
        void beginExplicitIds(Connection connection, CoreTable table) throws SQLException {
            execute(connection, "SET IDENTITY_INSERT " + table.qualifiedName() + " ON");
        }

        @Override
        void endExplicitIds(Connection connection, CoreTable table) throws SQLException {
            execute(connection, "SET IDENTITY_INSERT " + table.qualifiedName() + " OFF");
        }

        // analyze: nothing to do, AUTO_UPDATE_STATISTICS (on by default) refreshes them on first use.
    };

    private final String folder;

    OltpDialect(String folder) {
        this.folder = folder;
    }

    /** The vendor folder of the migrations: {@code db/oltp/<folder>}. */
    public String folder() {
        return folder;
    }

    /** The dialect of a JDBC URL, or an {@link OltpException} naming the URL. */
    public static OltpDialect fromJdbcUrl(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (lower.startsWith("jdbc:sqlserver:")) {
            return SQLSERVER;
        }
        throw new OltpException("The JDBC URL " + Redaction.url(url)
                + " is not a supported OLTP database: use jdbc:postgresql: or jdbc:sqlserver:.");
    }

    /** The dialect of an open connection, from its driver's product name. */
    public static OltpDialect of(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (product.contains("sql server")) {
            return SQLSERVER;
        }
        throw new OltpException("The database at " + Redaction.url(metaData.getURL()) + " is "
                + metaData.getDatabaseProductName() + ": the OLTP tools support PostgreSQL and SQL Server.");
    }

    /** Before a batch that gives the identity column explicit values. */
    void beginExplicitIds(Connection connection, CoreTable table) throws SQLException {}

    /** After a batch that gave the identity column explicit values. */
    void endExplicitIds(Connection connection, CoreTable table) throws SQLException {}

    /**
     * Refreshes the planner's statistics after a bulk load, so that the workload's first queries
     * are not planned for empty tables.
     */
    void analyze(Connection connection, CoreTable table) throws SQLException {}

    /** Makes the table's identity hand out {@code lastId + 1} next. */
    void restartIdentity(Connection connection, CoreTable table, long lastId) throws SQLException {}

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
