package io.esteira.oltp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;

/**
 * Batched {@code INSERT}s into one table with explicit keys. Values bind through
 * {@code setObject}; a null binds as {@code BIGINT} (the only nullable columns the generator leaves
 * empty are foreign keys).
 */
final class BatchInserter implements AutoCloseable {

    private final Connection connection;
    private final OltpDialect dialect;
    private final CoreTable table;
    private final int columns;
    private final PreparedStatement statement;
    private int pending;
    private long rows;
    private long lastId;

    BatchInserter(Connection connection, OltpDialect dialect, CoreTable table, String... columns) throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.table = table;
        this.columns = columns.length + 1;
        String sql =
                "INSERT INTO " + table.qualifiedName() + " (" + table.keyColumn() + ", " + String.join(", ", columns)
                        + ") VALUES (" + String.join(", ", Collections.nCopies(this.columns, "?")) + ")";
        this.statement = connection.prepareStatement(sql);
    }

    /** Adds a row: its key, then the values of the columns named at construction. */
    void add(long id, Object... values) throws SQLException {
        if (values.length + 1 != columns) {
            throw new IllegalArgumentException(table + " takes " + (columns - 1) + " values, got " + values.length);
        }
        statement.setLong(1, id);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 2, Types.BIGINT);
            } else {
                statement.setObject(i + 2, values[i]);
            }
        }
        statement.addBatch();
        pending++;
        lastId = Math.max(lastId, id);
    }

    int pending() {
        return pending;
    }

    /** Sends the pending rows; returns how many. */
    int flush() throws SQLException {
        if (pending == 0) {
            return 0;
        }
        dialect.beginExplicitIds(connection, table);
        try {
            statement.executeBatch();
        } finally {
            dialect.endExplicitIds(connection, table);
        }
        int sent = pending;
        rows += sent;
        pending = 0;
        return sent;
    }

    long rows() {
        return rows;
    }

    /** Moves the table's identity past the largest key written. */
    void restartIdentity() throws SQLException {
        if (lastId > 0) {
            dialect.restartIdentity(connection, table, lastId);
        }
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}
