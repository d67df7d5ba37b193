package io.esteira.loader.apply;

import static org.mockito.Mockito.mock;

import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.BatchIds;
import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.ContractCodec;
import io.esteira.loader.dlq.DeadLetters;
import io.esteira.runtime.alert.AlertPublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link BatchHandler} without a database or a broker: its applier and dead-letter queue are mocks the test
 * programs, and the alerts it raises are kept.
 */
final class HandlerFixture {

    final BatchApplier applier = mock(BatchApplier.class);
    final DeadLetters deadLetters = mock(DeadLetters.class);
    final List<AlertEvent> alerts = new ArrayList<>();
    final BatchHandler handler;

    HandlerFixture(int maxAttempts) {
        handler = new BatchHandler(
                ContractCodec.standard(),
                applier,
                deadLetters,
                new AlertPublisher(null, "loader-service", Clock.systemUTC()) {
                    @Override
                    public void publish(AlertEvent event) {
                        alerts.add(event);
                    }
                },
                new LoaderMetrics(new SimpleMeterRegistry(), Clock.systemUTC()),
                new WarehouseOutage(null, Duration.ZERO, Clock.systemUTC()),
                maxAttempts,
                Clock.systemUTC());
    }

    /** A live batch of one upsert of {@code entity} (key 1, version 10), covering the changes up to (10, 1). */
    static ChangeBatch batch(String entity, Map<String, Object> data, List<ChangeBatch.Column> columns) {
        ChangeBatch.Watermark watermark =
                new ChangeBatch.Watermark(ChangeBatch.Cursor.START, new ChangeBatch.Cursor(10, 1));
        return new ChangeBatch(
                ChangeBatch.SCHEMA,
                BatchIds.of(entity, watermark, null),
                entity,
                new ChangeBatch.Source("oltp", "core." + entity),
                Instant.parse("2026-12-03T18:00:00Z"),
                watermark,
                null,
                List.of(new ChangeBatch.Row(ChangeBatch.Op.upsert, 1, 10, data)),
                columns);
    }
}
