package io.esteira.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.QualityResult;
import io.esteira.embedded.junit.ArtemisBroker;
import io.esteira.embedded.junit.PostgresDatabase;
import io.esteira.quality.run.CheckRunner;
import io.esteira.quality.scenario.Fixture;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shipped freshness check alerts per entity, through the running service: its outbox in a real
 * PostgreSQL DW and a real (embedded) Artemis broker. Two late entities fire two alerts, each labelled with
 * its entity and with its own fingerprint; one that catches up resolves alone; a restart restores each
 * entity's state from {@code audit.dq_result_entity}, so nothing fires twice and the resolution still comes.
 */
class FreshnessAlertsPerEntityIT {

    private static final String PG_MAX_VERSION =
            "SELECT COALESCE(MAX(CAST(CAST(row_version AS text) AS bigint)), 0) FROM %s";
    private static final String ORDERS = "quality-service:sla:orders:freshness";
    private static final String CUSTOMERS = "quality-service:sla:customers:freshness";

    @RegisterExtension
    static final PostgresDatabase oltp = new PostgresDatabase("oltp");

    @RegisterExtension
    static final PostgresDatabase dw = new PostgresDatabase("dw");

    @RegisterExtension
    static final ArtemisBroker broker = new ArtemisBroker();

    private static AlertQueue alerts;

    private final JdbcTemplate dwSql = new JdbcTemplate(dw.dataSource());

    @BeforeAll
    static void migrate() {
        Fixture.migrate(oltp.dataSource(), dw.dataSource());
        Fixture.load(oltp.dataSource(), dw.dataSource(), PG_MAX_VERSION);
        alerts = new AlertQueue(broker.connectionFactory());
    }

    @AfterAll
    static void stop() {
        alerts.close();
    }

    /** The checks see 2026-11-21 15:00 UTC, as the fixture was written for. */
    @Configuration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Fixture.CLOCK;
        }
    }

    @Test
    void shouldAlertEachLateEntityOnItsOwnAndKeepItsStateAcrossARestart() {
        // the loader applied nothing of orders and customers: both are late, and missed the 08:00 SLA
        hideMirror("orders");
        hideMirror("customers");
        try (ConfigurableApplicationContext service = service()) {
            assertThat(run(service).status()).isEqualTo(QualityResult.Status.fail);
            awaitEvents(2);

            assertThat(alerts.all())
                    .extracting(AlertEvent::fingerprint, AlertEvent::entity, AlertEvent::kind, AlertEvent::status)
                    .containsExactlyInAnyOrder(
                            tuple(ORDERS, "orders", AlertEvent.Kind.SLA, AlertEvent.Status.firing),
                            tuple(CUSTOMERS, "customers", AlertEvent.Kind.SLA, AlertEvent.Status.firing));
            assertThat(alerts.of(ORDERS))
                    .singleElement()
                    .satisfies(e -> assertThat(e.summary())
                            .startsWith("Quality check freshness failed for orders: 3 change(s) not in the DW"))
                    .satisfies(e -> assertThat(e.details()).containsEntry("value", "190800.0"));

            // orders catches up: its alert alone resolves, customers keeps firing (and is not sent again)
            showMirror("orders");
            assertThat(run(service).status()).isEqualTo(QualityResult.Status.fail);
            awaitEvents(3);
            assertThat(alerts.of(ORDERS))
                    .extracting(AlertEvent::status)
                    .containsExactly(AlertEvent.Status.firing, AlertEvent.Status.resolved);
            assertThat(alerts.of(ORDERS).get(1).summary())
                    .startsWith("Quality check freshness passes again for orders");
            assertThat(alerts.of(CUSTOMERS)).extracting(AlertEvent::status).containsExactly(AlertEvent.Status.firing);
        }
        assertThat(dwSql.queryForList(
                        "SELECT e.entity FROM audit.dq_result_entity e WHERE e.status = 'fail' AND e.dq_result_id ="
                                + " (SELECT MAX(dq_result_id) FROM audit.dq_result WHERE check_id = 'freshness')",
                        String.class))
                .as("what the restart reads back")
                .containsExactly("customers");

        try (ConfigurableApplicationContext restarted = service()) {
            // still late after the restart: customers is known to fire, nothing is sent
            assertThat(run(restarted).status()).isEqualTo(QualityResult.Status.fail);
            showMirror("customers");
            assertThat(run(restarted).status()).isEqualTo(QualityResult.Status.pass);
            awaitEvents(4);
        }
        // the outbox sends in order: a second firing of customers would have come before its resolution
        assertThat(alerts.of(CUSTOMERS))
                .extracting(AlertEvent::status)
                .containsExactly(AlertEvent.Status.firing, AlertEvent.Status.resolved);
        assertThat(alerts.all()).hasSize(4);
        assertThat(dwSql.queryForObject("SELECT COUNT(*) FROM audit.alert_outbox", Integer.class))
                .isZero();
    }

    private static ConfigurableApplicationContext service() {
        return QualityService.start(
                oltp,
                dw,
                broker,
                "classpath:checks/freshness-per-entity.yml",
                "target/no-such-file.yml",
                FixedClock.class);
    }

    private static QualityResult run(ConfigurableApplicationContext service) {
        return service.getBean(CheckRunner.class).run("freshness");
    }

    private static void awaitEvents(int count) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(alerts.all())
                .as(
                        "events on dw.alerts: %s",
                        alerts.all().stream()
                                .map(e -> e.fingerprint() + " " + e.status())
                                .toList())
                .hasSizeGreaterThanOrEqualTo(count));
    }

    /** Moves the entity's DW mirror aside, as if the loader had applied none of its batches. */
    private void hideMirror(String table) {
        dwSql.execute("CREATE TABLE audit.hidden_" + table + " AS SELECT * FROM stg." + table);
        dwSql.execute("DELETE FROM stg." + table);
    }

    /** Puts the mirror back: the loader caught up. */
    private void showMirror(String table) {
        dwSql.execute("INSERT INTO stg." + table + " SELECT * FROM audit.hidden_" + table);
        dwSql.execute("DROP TABLE audit.hidden_" + table);
    }
}
