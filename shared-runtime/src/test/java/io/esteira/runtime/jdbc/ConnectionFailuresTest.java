package io.esteira.runtime.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionSystemException;

class ConnectionFailuresTest {

    @Test
    void shouldTakeARefusedOrLostConnectionOrAServerShuttingDownForADatabaseThatIsAway() {
        // PostgreSQL: connection refused (08001), connection lost mid-statement (08006), Hikari's closed
        // connection (08003), SQL Server's link failure (08S01), terminated by an administrator or a
        // shutdown (57P01), crash of another backend (57P02), the server still starting (57P03).
        for (String state : new String[] {"08001", "08006", "08003", "08S01", "57P01", "57P02", "57P03"}) {
            assertThat(ConnectionFailures.isConnectionFailure(new SQLException("away", state)))
                    .as(state)
                    .isTrue();
        }
        assertThat(ConnectionFailures.isConnectionFailure(
                        new CannotGetJdbcConnectionException("no connection", new SQLException("refused"))))
                .isTrue();
        assertThat(ConnectionFailures.isConnectionFailure(new SQLTransientConnectionException("pool timed out")))
                .isTrue();
        assertThat(ConnectionFailures.isConnectionFailure(new IllegalStateException(
                        "apply failed",
                        new UncategorizedSQLException("apply", "SELECT 1", new SQLException("x", "57P01")))))
                .as("found among the causes")
                .isTrue();
        TransactionSystemException rollbackFailed =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new SQLException("I/O error", "08006"));
        assertThat(ConnectionFailures.isConnectionFailure(rollbackFailed))
                .as("a lost connection whose rollback failed as well")
                .isTrue();
    }

    @Test
    void shouldTakeAFailedStatementForAFailureOfTheWork() {
        assertThat(ConnectionFailures.isConnectionFailure(new SQLException("value too long", "22001")))
                .isFalse();
        assertThat(ConnectionFailures.isConnectionFailure(
                        new DataIntegrityViolationException("check", new SQLException("check", "23514"))))
                .isFalse();
        assertThat(ConnectionFailures.isConnectionFailure(new SQLException("no state")))
                .isFalse();
        assertThat(ConnectionFailures.isConnectionFailure(new IllegalArgumentException("bad")))
                .isFalse();
    }
}
