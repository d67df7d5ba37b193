package io.esteira.loader.apply;

import static io.esteira.loader.apply.Changes.batch;
import static io.esteira.loader.apply.Changes.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.dialect.Vendor;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.loader.schema.DwSchema;
import io.esteira.runtime.alert.AlertPublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The derive route's work on a real warehouse: passes drain what landed; a key no pass can take is
 * isolated and parked while the rest flows; a warehouse where every key fails is not emptied into the
 * parking table, and passes failing in a row raise one critical alert, resolved by the first pass that
 * succeeds. The alerts are recorded instead of sent (the broker path is AlertPublisher's own).
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

    private final BatchApplier applier =
            new BatchApplier(dw.dataSource(), () -> Vendor.POSTGRESQL, EntityCatalog.reference(), Clock.systemUTC());
    private final RecordingAlerts alerts = new RecordingAlerts();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Deriver deriver =
            new Deriver(applier, 1_000, new LoaderMetrics(registry, Clock.systemUTC()), alerts, Clock.systemUTC());
    private final JdbcTemplate sql = new JdbcTemplate(dw.dataSource());

    @BeforeEach
    void emptyQueues() {
        sql.update("DELETE FROM ctl.derive_queue");
        sql.update("DELETE FROM ctl.derive_failed");
        sql.update("DELETE FROM fact.fact_vendas");
    }

    private void landOrder(long order) {
        applier.apply(batch(
                "orders",
                upsert(
                        order,
                        20,
                        "order_id",
                        order,
                        "order_number",
                        "P-" + order,
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
    }

    private void landItem(long item, long version, long order, int quantity, String unitPrice) {
        applier.apply(batch(
                "order_items",
                upsert(
                        item,
                        version,
                        "order_item_id",
                        item,
                        "order_id",
                        order,
                        "product_id",
                        1,
                        "quantity",
                        quantity,
                        "unit_price",
                        new BigDecimal(unitPrice),
                        "unit_cost",
                        BigDecimal.ONE,
                        "discount_amount",
                        BigDecimal.ZERO)));
    }

    @Test
    void shouldVacuumTheQueueAndWorkTablesOnceAsManyKeysAsConfiguredWereDerived() {
        Deriver vacuuming = new Deriver(
                applier, 1_000, 4, new LoaderMetrics(registry, Clock.systemUTC()), alerts, Clock.systemUTC());
        java.sql.Timestamp before = lastVacuum();
        landOrder(300);
        landItem(3001, 21, 300, 1, "5.00");

        assertThat(vacuuming.drain()).isEqualTo(2);
        assertThat(lastVacuum()).as("2 of 4 keys derived: not yet").isEqualTo(before);

        landOrder(301);
        landItem(3011, 21, 301, 1, "5.00");
        assertThat(vacuuming.drain()).isEqualTo(2);

        // The vacuum runs beside the passes, on a thread and a connection of its own.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lastVacuum())
                .as("4 keys derived")
                .isNotNull()
                .isNotEqualTo(before));
        await().atMost(Duration.ofSeconds(30)).until(() -> !vacuuming.vacuumRunning());
        assertThat(sql.queryForObject(
                        "SELECT n_dead_tup FROM pg_stat_user_tables WHERE relid = 'ctl.derive_queue'::regclass",
                        Long.class))
                .as("the claimed keys' rows are gone")
                .isZero();
        vacuuming.close();
        assertThat(sql.queryForObject(
                        "SELECT COUNT(*) FROM fact.fact_vendas WHERE pedido_id IN (300, 301)", Long.class))
                .isEqualTo(2L);
    }

    /**
     * A vacuum that gave the emptied tail pages back would take the queue's ACCESS EXCLUSIVE lock, which
     * every lander's insert and every claim then waited for, or wait up to 5 s for it (V101). It keeps them,
     * the queue's and those of its TOAST table, where a landed batch's list of keys is stored.
     */
    @Test
    void shouldKeepTheEmptiedPagesOfTheQueueSoThatAVacuumNeverLocksLandersOut() {
        sql.update(
                "INSERT INTO ctl.derive_queue (entity, key_value) SELECT 'orders', g FROM generate_series(1, 5000) g");
        sql.update("INSERT INTO ctl.derive_queue (entity, keys, key_count)"
                + " SELECT 'order_items', string_agg(CAST(CAST(random() * 1e12 AS bigint) AS text), ','), 2500"
                + " FROM generate_series(1, 2500) k CROSS JOIN generate_series(1, 40) b GROUP BY b");
        sql.update("DELETE FROM ctl.derive_queue");
        long pagesBefore = pages("ctl.derive_queue");
        long toastPagesBefore = pages(toastOfTheQueue());
        assertThat(pagesBefore).as("5,000 queued keys fill pages").isGreaterThan(10);
        assertThat(toastPagesBefore)
                .as("40 batches' lists of keys are stored out of line")
                .isGreaterThan(10);

        assertThat(applier.vacuumWorkTables()).isTrue();

        assertThat(sql.queryForObject(
                        "SELECT n_dead_tup FROM pg_stat_user_tables WHERE relid = 'ctl.derive_queue'::regclass",
                        Long.class))
                .as("the dead rows are removed")
                .isZero();
        assertThat(pages("ctl.derive_queue"))
                .as("the empty pages stay for the next keys: no truncation, so no exclusive lock")
                .isEqualTo(pagesBefore);
        assertThat(pages(toastOfTheQueue()))
                .as("so do those of its TOAST table")
                .isEqualTo(toastPagesBefore);
    }

    private String toastOfTheQueue() {
        return sql.queryForObject(
                "SELECT CAST(reltoastrelid AS regclass) FROM pg_class WHERE oid = 'ctl.derive_queue'::regclass",
                String.class);
    }

    private long pages(String table) {
        return sql.queryForObject(
                "SELECT pg_relation_size(CAST(? AS regclass)) / current_setting('block_size')::int", Long.class, table);
    }

    @Test
    void shouldRunEveryStatementOfAResourceTogetherAndSumTheRowsTheyChanged() {
        String token = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        for (String t : List.of(token, other)) {
            sql.update(
                    "INSERT INTO stg.affected (apply_token, target, key_value) VALUES (?, 'fact_vendas', 1),"
                            + " (?, 'fact_vendas', 2)",
                    t,
                    t);
            sql.update(
                    "INSERT INTO stg.scd_change (apply_token, dimension, natural_key, valido_de)"
                            + " VALUES (?, 'dim_cliente', 7, TIMESTAMP '2026-01-01 00:00:00')",
                    t);
            sql.update("INSERT INTO stg.derive_keys (apply_token, entity, key_value) VALUES (?, 'order_items', 1)", t);
        }

        // derive-cleanup.sql: four statements, sent to PostgreSQL in one call (ApplySql.sendsStatementsTogether).
        int changed = applier.run("derive-cleanup", Map.of(), new MapSqlParameterSource("token", token));

        assertThat(changed).as("2 marks, 1 SCD change, 1 key").isEqualTo(4);
        for (String table : List.of("stg.affected", "stg.scd_change", "stg.derive_keys")) {
            assertThat(sql.queryForObject(
                            "SELECT COUNT(*) FROM " + table + " WHERE apply_token = ?", Integer.class, token))
                    .as("%s of the pass", table)
                    .isZero();
            assertThat(sql.queryForObject(
                            "SELECT COUNT(*) FROM " + table + " WHERE apply_token = ?", Integer.class, other))
                    .as("%s of another pass", table)
                    .isPositive();
            sql.update("DELETE FROM " + table + " WHERE apply_token = ?", other);
        }
    }

    private java.sql.Timestamp lastVacuum() {
        return sql.queryForObject(
                "SELECT last_vacuum FROM pg_stat_user_tables WHERE relid = 'ctl.derive_queue'::regclass",
                java.sql.Timestamp.class);
    }

    @Test
    void shouldParkTheOneKeyNoPassCanTakeDeriveTheRestAndUnparkAndResolveItOnceItsFixLandsOrItIsRetried() {
        landOrder(100);
        // lands (numeric(12,2) in the mirror) but overflows the fact's numeric(14,2) when derived
        landItem(1000, 21, 100, 1000, "9999999999.99");
        landItem(1001, 21, 100, 2, "5.00");

        int derived = deriver.drain();

        // the order re-derives its items' facts, the bad one included: it cannot pass either
        assertThat(derived).isEqualTo(1);
        assertThat(sql.queryForList("SELECT order_item_id FROM fact.fact_vendas", Long.class))
                .containsExactly(1001L);
        assertThat(applier.parked())
                .extracting(parked -> parked.get("entity") + " " + parked.get("key_value"))
                .containsExactlyInAnyOrder("orders 100", "order_items 1000");
        assertThat(applier.parked())
                .allSatisfy(parked -> assertThat((String) parked.get("reason")).contains("numeric"));
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM ctl.derive_queue", Long.class))
                .isZero();
        assertThat(registry.counter("esteira.loader.derive.parked", "entity", "order_items")
                        .count())
                .isEqualTo(1);
        assertThat(alerts.events)
                .hasSize(2)
                .allSatisfy(event -> assertThat(event.kind()).isEqualTo(AlertEvent.Kind.DLQ))
                .anySatisfy(
                        event -> assertThat(event.summary()).contains("Key 1000 of order_items could not be derived"));

        landItem(1000, 22, 100, 3, "20.00");
        deriver.drain();

        assertThat(sql.queryForObject(
                        "SELECT valor_bruto FROM fact.fact_vendas WHERE order_item_id = 1000", BigDecimal.class))
                .isEqualTo(new BigDecimal("60.00"));
        assertThat(applier.parked())
                .as("the item derived after its fix landed; its order waits for a retry")
                .extracting(parked -> parked.get("entity") + " " + parked.get("key_value"))
                .containsExactly("orders 100");
        assertThat(alerts.events)
                .as("the item's alert resolved, with the fingerprint it fired with")
                .hasSize(3)
                .last()
                .satisfies(event -> {
                    assertThat(event.status()).isEqualTo(AlertEvent.Status.resolved);
                    assertThat(event.fingerprint())
                            .isEqualTo(alerts.events.stream()
                                    .filter(fired -> fired.summary().contains("Key 1000 of order_items"))
                                    .findFirst()
                                    .orElseThrow()
                                    .fingerprint());
                });

        assertThat(applier.retryParked("orders")).isEqualTo(1);
        assertThat(applier.parked())
                .as("listed until a pass derives it")
                .extracting(parked -> parked.get("entity") + " " + parked.get("key_value"))
                .containsExactly("orders 100");
        deriver.drain();
        assertThat(applier.parked()).isEmpty();
        assertThat(alerts.events)
                .as("the order's alert resolved after the retry")
                .hasSize(4)
                .last()
                .satisfies(event -> {
                    assertThat(event.status()).isEqualTo(AlertEvent.Status.resolved);
                    assertThat(event.entity()).isEqualTo("orders");
                    assertThat(event.summary()).contains("Key 100 of orders was derived");
                });
    }

    @Test
    void shouldStopParkingWhenEveryKeyFailsAloneAndAlertThatPassesFail() {
        sql.execute("ALTER TABLE fact.fact_vendas ADD CONSTRAINT ck_test_broken CHECK (quantidade < 0)");
        try {
            landOrder(200);
            for (long item = 2000; item < 2015; item++) {
                landItem(item, 21, 200, 1, "1.00");
            }

            for (int i = 0; i < Deriver.FAILURES_BEFORE_ALERT; i++) {
                deriver.drain();
            }

            assertThat(applier.parked()).hasSize(Deriver.MAX_PARKED_PER_DRAIN);
            assertThat(sql.queryForObject("SELECT COUNT(*) FROM ctl.derive_queue", Long.class))
                    .as("keys left queued once isolation paused")
                    .isEqualTo(16 - Deriver.MAX_PARKED_PER_DRAIN);
            assertThat(alerts.events)
                    .filteredOn(event -> event.kind() == AlertEvent.Kind.PIPELINE_FAILURE)
                    .singleElement()
                    .satisfies(event -> {
                        assertThat(event.status()).isEqualTo(AlertEvent.Status.firing);
                        assertThat(event.summary()).contains("Derive passes fail (3 in a row)");
                    });
        } finally {
            sql.execute("ALTER TABLE fact.fact_vendas DROP CONSTRAINT ck_test_broken");
        }

        assertThat(applier.retryParked(null)).isEqualTo(Deriver.MAX_PARKED_PER_DRAIN);
        deriver.drain();

        assertThat(sql.queryForObject("SELECT COUNT(*) FROM fact.fact_vendas", Long.class))
                .isEqualTo(15);
        assertThat(alerts.events)
                .filteredOn(event -> event.kind() == AlertEvent.Kind.PIPELINE_FAILURE)
                .last()
                .satisfies(event -> assertThat(event.status()).isEqualTo(AlertEvent.Status.resolved));
    }

    @Test
    void shouldEndTheDrainAfterThePassInFlightOnceStoppedAndLeaveTheRestQueuedForTheNextLoader() {
        // Thirty orders of one item each: a pass claims an order's items with it, so ten keys a pass leave
        // most orders for later passes.
        for (long order = 300; order < 330; order++) {
            landOrder(order);
        }
        for (long order = 300; order < 330; order++) {
            landItem(order * 10, 21, order, 1, "1.00");
        }
        long queued = queued();
        AtomicReference<Deriver> stopping = new AtomicReference<>();
        BatchApplier stopsAfterAPass =
                new BatchApplier(
                        dw.dataSource(), () -> Vendor.POSTGRESQL, EntityCatalog.reference(), Clock.systemUTC()) {
                    @Override
                    public DeriveResult derive(int maxKeys) {
                        DeriveResult pass = super.derive(maxKeys);
                        stopping.get().stop();
                        return pass;
                    }
                };
        Deriver small = new Deriver(
                stopsAfterAPass, 10, new LoaderMetrics(registry, Clock.systemUTC()), alerts, Clock.systemUTC());
        stopping.set(small);

        int derived = small.drain();

        assertThat(derived).as("keys of the one pass that ran").isPositive().isLessThan((int) queued);
        assertThat(queued()).as("the rest stays queued").isEqualTo(queued - derived);
        assertThat(small.drain()).as("no drain after stop").isZero();
        assertThat(queued()).isEqualTo(queued - derived);
        assertThat(Thread.currentThread().isInterrupted())
                .as("the drain's thread is left uninterrupted")
                .isFalse();

        assertThat(deriver.drain()).as("the next loader derives the rest").isEqualTo((int) (queued - derived));
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM fact.fact_vendas", Long.class))
                .isEqualTo(30);
        assertThat(alerts.events).isEmpty();
    }

    @Test
    void shouldGiveUpWaitingForAWarehouseThatIsDownOnceStoppedWithoutCountingOrAlertingAFailure() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/nowhere");
        config.setUsername("postgres");
        config.setConnectionTimeout(Duration.ofMinutes(5).toMillis());
        config.setInitializationFailTimeout(-1);
        try (HikariDataSource down = new HikariDataSource(config)) {
            BatchApplier unreachable =
                    new BatchApplier(down, () -> Vendor.POSTGRESQL, EntityCatalog.reference(), Clock.systemUTC());
            LoaderMetrics metrics = new LoaderMetrics(registry, Clock.systemUTC());
            Deriver stopped = new Deriver(unreachable, 10, metrics, alerts, Clock.systemUTC());
            CompletableFuture<Integer> drain = CompletableFuture.supplyAsync(stopped::drain);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !drain.isDone());

            stopped.stop();

            // The pool would wait five minutes for a connection: only the stop ends the drain this soon.
            await().atMost(Duration.ofSeconds(30)).until(drain::isDone);
            assertThat(drain.join()).isZero();
            assertThat(registry.find("esteira.loader.derive.failures").counter())
                    .as("no failure counted")
                    .isNull();
            assertThat(alerts.events).isEmpty();
        }
    }

    private long queued() {
        return sql.queryForObject("SELECT COUNT(*) FROM ctl.derive_queue", Long.class);
    }
}
