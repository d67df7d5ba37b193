package io.esteira.runtime.jdbc;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that is away (refused or lost connection, server shutting down or starting up) from
 * a statement that failed: the first heals when the server is back, so it is waited out, never counted
 * as a failed attempt of the work. Decided from an explicit list, as Debezium's error handler does:
 * JDBC's connection exception types, SQLSTATE class 08 (connection exception; PostgreSQL and SQL
 * Server), PostgreSQL's 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now, and
 * Spring's {@link DataAccessResourceFailureException} (no connection from the pool). When the rollback
 * after a lost connection fails too, Spring throws the rollback's exception (Hikari's "Connection is
 * closed", without SQLSTATE) and keeps the first one as its application exception: that one decides.
 */
public final class ConnectionFailures {

    private ConnectionFailures() {}

    /** Whether {@code failure}, or any of its causes, says the database cannot be reached right now. */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            if (t instanceof TransactionSystemException rollback
                    && rollback.getApplicationException() != null
                    && isConnectionFailure(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    static boolean isConnectionState(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08")
                        || sqlState.equals("57P01")
                        || sqlState.equals("57P02")
                        || sqlState.equals("57P03"));
    }
}
