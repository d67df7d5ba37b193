package io.esteira.oltp.h2;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.h2.api.Trigger;

/**
 * H2's AFTER DELETE row trigger of the OLTP schema (H2 has no procedural triggers): writes one
 * tombstone into {@code core.deleted_rows} per hard-deleted row, like the PostgreSQL and SQL
 * Server triggers. Its {@code row_version} and {@code deleted_at} come from the column defaults.
 */
public final class TombstoneTrigger implements Trigger {

    private static final String INSERT = "INSERT INTO core.deleted_rows (table_name, row_key) VALUES (?, ?)";

    private String tableName;
    private int keyIndex;

    @Override
    public void init(
            Connection connection, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        this.tableName = tableName.toLowerCase(Locale.ROOT);
        this.keyIndex = primaryKeyIndex(connection.getMetaData(), schemaName, tableName, triggerName);
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setString(1, tableName);
            statement.setLong(2, ((Number) oldRow[keyIndex]).longValue());
            statement.executeUpdate();
        }
    }

    private static int primaryKeyIndex(DatabaseMetaData metaData, String schema, String table, String trigger)
            throws SQLException {
        String keyColumn = null;
        try (ResultSet keys = metaData.getPrimaryKeys(null, schema, table)) {
            if (keys.next()) {
                keyColumn = keys.getString("COLUMN_NAME");
            }
        }
        if (keyColumn != null) {
            try (ResultSet columns = metaData.getColumns(null, schema, table, keyColumn)) {
                if (columns.next()) {
                    return columns.getInt("ORDINAL_POSITION") - 1;
                }
            }
        }
        throw new SQLException("Trigger " + trigger + " needs a single-column primary key on " + schema + "." + table
                + ": give the table one or drop the trigger.");
    }
}
