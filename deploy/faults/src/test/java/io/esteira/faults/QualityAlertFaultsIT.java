package io.esteira.faults;

import static io.esteira.faults.FaultCycle.CHANGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.esteira.faults.check.WarehouseComparison;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The quality service's alerts reach a person through the faults that could lose them: a stopped loader
 * is seen by freshness at the warehouse and its alert reaches the webhook; an alert raised while the
 * broker is down waits in the outbox and arrives once the broker is back. The checks run every 5 s here
 * (their shipped schedules are minutes), so each scenario takes well under a minute plus the heal.
 */
@ExtendWith(FaultStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(6)
class QualityAlertFaultsIT {

    private static final String EVERY_5_SECONDS = "0/5 * * * * ?";

    @BeforeEach
    void settle(FaultStack stack) {
        stack.settle(Duration.ofMinutes(2));
    }

    @AfterEach
    void shippedQualityConfiguration(FaultStack stack) {
        stack.stopQuality();
    }

    @Test
    @Order(1)
    void shouldDeliverTheFreshnessAlertToTheWebhookWhenTheLoaderStops(FaultStack stack) {
        String fault = "loader stopped";
        stack.quality(List.of(
                "--esteira.quality.checks.freshness.schedule=" + EVERY_5_SECONDS,
                "--esteira.quality.checks.freshness.warn-after=PT5S",
                "--esteira.quality.checks.freshness.error-after=PT15S"));
        // caught up (settled): freshness passes, or warns on the last seconds of changes in flight
        awaitLatest(stack, "freshness", "pass", "warn");
        int before = stack.webhook().bodies().size();

        stack.loader().stop();
        Instant stopped = Instant.now();
        Future<Workload.Burst> burst;
        try {
            // the extractor keeps publishing what the OLTP commits; nothing reaches the warehouse
            burst = stack.workload().burst(6001, CHANGES);
            await("the freshness alert at the webhook")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> receivedSince(stack, before, "Quality check freshness failed"));
            Results.note(fault + ": freshness alert at the webhook "
                    + Duration.between(stopped, Instant.now()).toMillis() + " ms after the stop (error-after PT15S,"
                    + " checked every 5 s)");
        } finally {
            stack.loader().start();
        }
        WarehouseComparison.Report report = FaultCycle.heal(
                stack, fault, 1, "freshness alerted", burst, stack.loader().readyAt());
        assertThat(report.clean()).as("%s", report).isTrue();
        Results.summary(fault);
    }

    @Test
    @Order(2)
    void shouldDeliverAnAlertRaisedWhileTheBrokerIsDownOnceItIsBack(FaultStack stack) {
        String fault = "broker down while a check fails";
        String marker = "faults-broker-down-" + Instant.now().toEpochMilli();
        stack.quality(List.of(
                "--esteira.quality.checks.faults-marker.kind=rule",
                "--esteira.quality.checks.faults-marker.database=oltp",
                "--esteira.quality.checks.faults-marker.severity=critical",
                "--esteira.quality.checks.faults-marker.schedule=" + EVERY_5_SECONDS,
                "--esteira.quality.checks.faults-marker.sql=SELECT region_id FROM core.regions WHERE name LIKE"
                        + " 'faults-broker-down-%'"));
        awaitLatest(stack, "faults-marker", "pass");
        int before = stack.webhook().bodies().size();

        stack.broker().stop();
        try {
            Sql.update(
                    stack.oltp(), "INSERT INTO core.regions (name, state, country) VALUES (?, 'SP', 'Brasil')", marker);
            awaitLatest(stack, "faults-marker", "fail");
            await("the alert tried and kept in audit.alert_outbox")
                    .atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> Sql.number(
                                    stack.dw(),
                                    "SELECT COUNT(*) FROM audit.alert_outbox WHERE fingerprint LIKE ? AND attempts > 0",
                                    "%:faults-marker")
                            > 0);
            assertThat(receivedSince(stack, before, "Quality check faults-marker failed"))
                    .isFalse();
        } finally {
            stack.broker().start();
        }
        Instant back = stack.broker().readyAt();
        await("the alert at the webhook once the broker is back")
                .atMost(FaultStack.RECOVERY_TARGET)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> receivedSince(stack, before, "Quality check faults-marker failed"));
        Results.note(fault + ": alert at the webhook "
                + Duration.between(back, Instant.now()).toMillis() + " ms after the broker was back");
        assertThat(Sql.number(
                        stack.dw(),
                        "SELECT COUNT(*) FROM audit.alert_outbox WHERE fingerprint LIKE ?",
                        "%:faults-marker"))
                .as("the outbox row is deleted once the broker confirmed the send")
                .isZero();
        Sql.update(stack.oltp(), "DELETE FROM core.regions WHERE name = ?", marker);
        Results.summary(fault);
    }

    /** Waits until the newest {@code audit.dq_result} row of the check has one of {@code statuses}. */
    private static void awaitLatest(FaultStack stack, String check, String... statuses) {
        await("check " + check + " " + String.join(" or ", statuses))
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Sql.texts(
                                stack.dw(),
                                "SELECT status FROM audit.dq_result WHERE check_id = ? ORDER BY started_at DESC"
                                        + " LIMIT 1",
                                check)
                        .stream()
                        .anyMatch(List.of(statuses)::contains));
    }

    private static boolean receivedSince(FaultStack stack, int before, String text) {
        List<String> bodies = stack.webhook().bodies();
        return bodies.subList(Math.min(before, bodies.size()), bodies.size()).stream()
                .anyMatch(body -> body.contains(text));
    }
}
