package io.esteira.loader.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.ContractCodec;
import io.esteira.loader.dlq.DeadLetters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A mirror batch that its {@code raw.<entity>} cannot take goes to the DLQ on its first delivery, with an alert
 * that says the entity stopped and links the runbook's "Mirror drift" (no database or broker: the applier and
 * the dead-letter queue replaced).
 */
class BatchHandlerDriftTest {

    private static final String DRIFT = "Column score of raw.leads (mirror entity leads, integer) is not in batch b1:"
            + " dropped in the source or taken out of the entity catalog. The entity stops here; follow"
            + " docs/runbook.md, Mirror drift, then replay the DLQ.";

    private final HandlerFixture fixture = new HandlerFixture(5);
    private final BatchApplier applier = fixture.applier;
    private final DeadLetters deadLetters = fixture.deadLetters;
    private final List<AlertEvent> alerts = fixture.alerts;
    private final BatchHandler handler = fixture.handler;

    @Test
    void shouldDeadLetterADriftedMirrorBatchOnItsFirstDeliveryWithAnAlertThatTheEntityStopped() {
        when(applier.apply(any())).thenThrow(new MirrorTables.MirrorDriftException(DRIFT));
        when(deadLetters.send(eq("leads"), any(), any(), any(), any(), anyInt()))
                .thenReturn("b1");

        BatchHandler.Outcome outcome =
                handler.handle("leads", ContractCodec.standard().write(batch()), 1, false);

        assertThat(outcome).isEqualTo(BatchHandler.Outcome.DEAD_LETTERED);
        verify(deadLetters).send(eq("leads"), any(), any(), eq(DRIFT), any(), eq(1));
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertEvent.Kind.DLQ);
            assertThat(alert.entity()).isEqualTo("leads");
            assertThat(alert.summary())
                    .startsWith("Mirror entity leads stopped:")
                    .contains("Column score of raw.leads");
            assertThat(alert.links()).containsEntry("runbook", "docs/runbook.md#mirror-drift");
        });
    }

    private static ChangeBatch batch() {
        return HandlerFixture.batch(
                "leads",
                Map.of("lead_id", 1L, "name", "Ana"),
                List.of(new ChangeBatch.Column("lead_id", "bigint"), new ChangeBatch.Column("name", "varchar(60)")));
    }
}
