package io.esteira.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Valid sample messages for tests. */
final class Messages {

    static final Instant EXTRACTED_AT = Instant.parse("2026-01-31T12:00:00.123Z");

    private Messages() {}

    static ChangeBatch changeBatch() {
        ChangeBatch.Watermark watermark =
                new ChangeBatch.Watermark(new ChangeBatch.Cursor(100, 7), new ChangeBatch.Cursor(250, 42));
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("order_id", 42L);
        order.put("order_number", "PO-0042");
        order.put("discount_id", null);
        order.put("status", "paid");
        order.put("order_date", "2026-01-30T09:15:00Z");
        order.put("total", new BigDecimal("12.50"));
        order.put("is_gift", true);
        return new ChangeBatch(
                ChangeBatch.SCHEMA,
                BatchIds.of("orders", watermark, null),
                "orders",
                new ChangeBatch.Source("oltp", "core.orders"),
                EXTRACTED_AT,
                watermark,
                null,
                List.of(
                        new ChangeBatch.Row(ChangeBatch.Op.upsert, 42, 250, order),
                        new ChangeBatch.Row(ChangeBatch.Op.delete, 7, 240, Map.of())));
    }

    static AlertEvent alertEvent() {
        return new AlertEvent(
                AlertEvent.SCHEMA,
                "evt-1",
                "loader-service",
                AlertEvent.Kind.PIPELINE_FAILURE,
                AlertEvent.Severity.critical,
                "orders",
                "Loader failed to apply batch orders-1234",
                Map.of("batchId", "orders-1234", "error", "deadlock"),
                "loader-service:orders:apply",
                AlertEvent.Status.firing,
                Instant.parse("2026-01-31T12:05:00Z"),
                Map.of("runbook", "https://example.org/runbook#loader"));
    }

    static QualityResult qualityResult() {
        return new QualityResult(
                QualityResult.SCHEMA,
                "orphan-order-items",
                "orphans",
                QualityResult.Status.fail,
                3.0,
                "0",
                List.of("17", "23", "31"),
                "3 order items reference a missing order",
                Instant.parse("2026-01-31T12:10:00Z"),
                125);
    }
}
