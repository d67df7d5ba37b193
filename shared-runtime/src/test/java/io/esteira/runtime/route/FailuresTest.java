package io.esteira.runtime.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.ContractViolationException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class FailuresTest {

    @Test
    void shouldRetryALostConnectionADeadlockAndALockTimeoutWithoutLimit() {
        assertThat(Failures.classify(new CannotGetJdbcConnectionException("DW down")))
                .isEqualTo(Failures.Kind.RETRIABLE);
        assertThat(Failures.classify(new IllegalStateException("send failed", new ConnectException("refused"))))
                .isEqualTo(Failures.Kind.RETRIABLE);
        assertThat(Failures.classify(new CannotAcquireLockException("lock wait")))
                .isEqualTo(Failures.Kind.RETRIABLE);
        assertThat(Failures.classify(new IllegalStateException("wrapped", new SQLException("gone", "08006"))))
                .isEqualTo(Failures.Kind.RETRIABLE);
        assertThat(Failures.classify(new SQLException("deadlock detected", "40P01")))
                .isEqualTo(Failures.Kind.RETRIABLE);
        assertThat(Failures.classify(new SQLException("could not serialize access", "40001")))
                .isEqualTo(Failures.Kind.RETRIABLE);
        assertThat(Failures.classify(new SQLException("canceling statement due to statement timeout", "57014")))
                .isEqualTo(Failures.Kind.RETRIABLE);
        org.springframework.transaction.TransactionSystemException rollbackFailed =
                new org.springframework.transaction.TransactionSystemException(
                        "JDBC rollback failed", new IllegalStateException("Connection is closed"));
        rollbackFailed.initApplicationException(new SQLException("I/O error", "08006"));
        assertThat(Failures.classify(rollbackFailed))
                .as("a lost connection whose rollback failed as well")
                .isEqualTo(Failures.Kind.RETRIABLE);
    }

    @Test
    void shouldDeadLetterAMessageThatBreaksTheContractAtOnceEvenWhenAlsoRetriable() {
        ContractViolationException violation = new ContractViolationException("rows[0].version", "must be an integer");

        assertThat(Failures.classify(violation)).isEqualTo(Failures.Kind.FATAL);
        assertThat(Failures.classify(new RecoverableDataAccessException("retriable outside", violation)))
                .isEqualTo(Failures.Kind.FATAL);
    }

    @Test
    void shouldBoundTheRetriesOfBrokenDataAndUnknownFailures() {
        assertThat(Failures.classify(new DataIntegrityViolationException(
                        "check", new SQLException("violates check constraint", "23514"))))
                .isEqualTo(Failures.Kind.UNKNOWN);
        assertThat(Failures.classify(new SQLException("deferred constraint broken at commit", "40002")))
                .isEqualTo(Failures.Kind.UNKNOWN);
        assertThat(Failures.classify(new IllegalStateException("a bug"))).isEqualTo(Failures.Kind.UNKNOWN);
        assertThat(Failures.classify(null)).isEqualTo(Failures.Kind.UNKNOWN);
    }
}
