package io.esteira.loader.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.ContractCodec;
import io.esteira.loader.dlq.DeadLetters;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * {@code esteira.loader.max-attempts} counts the deliveries of a batch that failed for a reason that does not heal
 * by itself, not those a deadlock or a lock timeout handed back to the broker, although the broker's delivery
 * count grows with both (no database or broker: the applier and the dead-letter queue replaced).
 */
class BatchHandlerAttemptsTest {

    private static final int MAX_ATTEMPTS = 5;

    private final HandlerFixture fixture = new HandlerFixture(MAX_ATTEMPTS);
    private final BatchApplier applier = fixture.applier;
    private final DeadLetters deadLetters = fixture.deadLetters;
    private final BatchHandler handler = fixture.handler;

    private final byte[] body = ContractCodec.standard().write(batch());

    @Test
    void shouldNotCountDeliveriesThatADeadlockHandedBackAgainstMaxAttempts() {
        when(applier.apply(any()))
                .thenThrow(deadlock(), deadlock(), deadlock(), deadlock())
                .thenThrow(brokenConstraint());
        when(deadLetters.send(eq("regions"), any(), any(), anyString(), any(), anyInt()))
                .thenReturn("b1");
        int delivery = 0;
        for (int i = 0; i < 4; i++) {
            int attempt = ++delivery;
            assertThatThrownBy(() -> handler.handle("regions", body, attempt, false))
                    .as("delivery %d, a deadlock: back to the broker", attempt)
                    .isInstanceOf(CannotAcquireLockException.class);
        }
        for (int i = 0; i < MAX_ATTEMPTS - 1; i++) {
            int attempt = ++delivery;
            assertThatThrownBy(() -> handler.handle("regions", body, attempt, false))
                    .as("delivery %d, the %d. counted failure: redelivered", attempt, i + 1)
                    .isInstanceOf(DataIntegrityViolationException.class);
        }
        verify(deadLetters, never()).send(any(), any(), any(), any(), any(), anyInt());

        BatchHandler.Outcome last = handler.handle("regions", body, ++delivery, false);

        assertThat(last).isEqualTo(BatchHandler.Outcome.DEAD_LETTERED);
        verifyDeadLettered(
                "Batch " + batch().batchId() + " could not be applied after 5 attempts (4 more deliveries failed for a"
                        + " reason that heals by itself, not counted): DataIntegrityViolationException: check violated",
                9);
    }

    @Test
    void shouldCountEveryDeliveryOfABatchThatNeverMetARetriableFailure() {
        when(applier.apply(any())).thenThrow(brokenConstraint());
        when(deadLetters.send(eq("regions"), any(), any(), anyString(), any(), anyInt()))
                .thenReturn("b1");
        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            int delivery = attempt;
            assertThatThrownBy(() -> handler.handle("regions", body, delivery, false))
                    .isInstanceOf(DataIntegrityViolationException.class);
        }

        assertThat(handler.handle("regions", body, MAX_ATTEMPTS, false)).isEqualTo(BatchHandler.Outcome.DEAD_LETTERED);
        verifyDeadLettered(
                "Batch " + batch().batchId()
                        + " could not be applied after 5 attempts: DataIntegrityViolationException: check violated",
                MAX_ATTEMPTS);
    }

    private static CannotAcquireLockException deadlock() {
        return new CannotAcquireLockException("deadlock", new SQLException("deadlock detected", "40P01"));
    }

    private static DataIntegrityViolationException brokenConstraint() {
        return new DataIntegrityViolationException("check violated");
    }

    private static ChangeBatch batch() {
        return HandlerFixture.batch("regions", Map.of("region_id", 1L, "name", "Sul"), null);
    }

    private void verifyDeadLettered(String reason, int delivery) {
        verify(deadLetters).send(eq("regions"), any(), any(), eq(reason), any(), eq(delivery));
    }
}
