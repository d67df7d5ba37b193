package io.esteira.loader.apply;

import static io.esteira.loader.apply.Changes.batch;
import static io.esteira.loader.apply.Changes.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.loader.schema.DwSchema;
import io.esteira.runtime.alert.AlertPublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The derive route's work on a real warehouse: passes drain what landed; a pass that keeps failing
 * leaves its keys queued, never stops the caller, and raises one critical alert, resolved by the first
 * pass that succeeds. The alerts are recorded instead of sent (the broker path is AlertPublisher's own).
 */
class DeriverPostgresIT {

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("loader_derive");

    @BeforeAll
    static void migrate() {
        DwSchema.migrate(dw.dataSource());
    }

    /** Keeps the events the deriver publishes. */
    static final class RecordingAlerts extends AlertPublisher {
        final List<AlertEvent> events = new ArrayList<>();

        RecordingAlerts() {
            super(null, "loader-service", Clock.systemUTC());
        }

        @Override
        public void publish(AlertEvent event) {
            events.add(event);
        }
    }

    @Test
    void shouldKeepFailingKeysQueuedAlertOnceAfterThreeFailuresAndResolveWhenAPassSucceeds() {
        BatchApplier applier = new BatchApplier(
                dw.dataSource(), () -> Vendor.POSTGRESQL, EntityCatalog.reference(), Clock.systemUTC());
        RecordingAlerts alerts = new RecordingAlerts();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Deriver deriver =
                new Deriver(applier, 1_000, new LoaderMetrics(registry, Clock.systemUTC()), alerts, Clock.systemUTC());
        JdbcTemplate sql = new JdbcTemplate(dw.dataSource());
        applier.apply(batch(
                "orders",
                upsert(
                        100,
                        20,
                        "order_id",
                        100,
                        "order_number",
                        "P-100",
                        "customer_id",
                        1,
                        "seller_id",
                        1,
                        "status",
                        "paid",
                        "order_date",
                        "2026-03-10T10:00:00",
                        "channel",
                        "web")));
        // lands (numeric(12,2) in the mirror) but overflows the fact's numeric(14,2) when derived
        applier.apply(batch(
                "order_items",
                upsert(
                        1000,
                        21,
                        "order_item_id",
                        1000,
                        "order_id",
                        100,
                        "product_id",
                        1,
                        "quantity",
                        1000,
                        "unit_price",
                        new BigDecimal("9999999999.99"),
                        "unit_cost",
                        BigDecimal.ONE,
                        "discount_amount",
                        BigDecimal.ZERO)));

        List<Integer> derived = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            derived.add(deriver.drain());
        }

        assertThat(derived).containsOnly(0);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM ctl.derive_queue", Long.class))
                .isEqualTo(2);
        assertThat(registry.counter("esteira.loader.derive.failures").count()).isEqualTo(4);
        assertThat(alerts.events).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo(AlertEvent.Status.firing);
            assertThat(event.severity()).isEqualTo(AlertEvent.Severity.critical);
            assertThat(event.summary())
                    .contains("Derive passes fail (3 in a row)")
                    .contains("numeric");
        });

        applier.apply(batch(
                "order_items",
                upsert(
                        1000,
                        22,
                        "order_item_id",
                        1000,
                        "order_id",
                        100,
                        "product_id",
                        1,
                        "quantity",
                        3,
                        "unit_price",
                        new BigDecimal("20.00"),
                        "unit_cost",
                        BigDecimal.ONE,
                        "discount_amount",
                        BigDecimal.ZERO)));

        assertThat(deriver.drain()).isEqualTo(2);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM ctl.derive_queue", Long.class))
                .isZero();
        assertThat(sql.queryForObject(
                        "SELECT valor_bruto FROM fact.fact_vendas WHERE order_item_id = 1000", BigDecimal.class))
                .isEqualTo(new BigDecimal("60.00"));
        assertThat(alerts.events).hasSize(2);
        assertThat(alerts.events.get(1).status()).isEqualTo(AlertEvent.Status.resolved);
        assertThat(alerts.events.get(1).fingerprint())
                .isEqualTo(alerts.events.get(0).fingerprint());
    }
}
